// The process's table of codes: numbers given out once, texts never moved (readers need no lock).
#include "kiosk/core/codes.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

namespace kiosk::core {
namespace {

constexpr std::size_t kBlock = 256;  // texts per block; blocks are never freed nor moved
constexpr std::size_t kBlocks = 256;

struct Table {
    std::mutex lock;
    std::unordered_map<std::string_view, uint16_t> numbers;  // views of the texts in the blocks
    std::array<std::atomic<std::string*>, kBlocks> blocks{};
    std::size_t count = 0;
};

Table& table() {
    static Table* const instance = new Table;  // lives as long as the process: codes may be read at exit
    return *instance;
}

}  // namespace

uint16_t internCode(std::string_view code) {
    Table& t = table();
    std::lock_guard guard(t.lock);
    if (auto found = t.numbers.find(code); found != t.numbers.end()) return found->second;
    if (t.count == kBlock * kBlocks) throw std::length_error("more than 65,536 different codes");
    std::string* block = t.blocks[t.count / kBlock].load(std::memory_order_relaxed);
    if (!block) {
        block = new std::string[kBlock];
        t.blocks[t.count / kBlock].store(block, std::memory_order_release);
    }
    std::string& text = block[t.count % kBlock];
    text = std::string(code);
    const auto number = static_cast<uint16_t>(t.count++);
    t.numbers.emplace(text, number);
    return number;
}

const std::string& codeText(uint16_t number) {
    return table().blocks[number / kBlock].load(std::memory_order_acquire)[number % kBlock];
}

Codes::Codes(std::initializer_list<std::string_view> codes) {
    m_numbers.reserve(codes.size());
    for (std::string_view code : codes) m_numbers.push_back(internCode(code));
}

Codes::Codes(const std::vector<std::string>& codes) {
    m_numbers.reserve(codes.size());
    for (const auto& code : codes) m_numbers.push_back(internCode(code));
}

std::vector<std::string> Codes::strings() const {
    return {begin(), end()};
}

bool Codes::contains(std::string_view code) const {
    return std::any_of(m_numbers.begin(), m_numbers.end(), [&](uint16_t n) { return codeText(n) == code; });
}

void Codes::push_back(std::string_view code) {
    m_numbers.push_back(internCode(code));
}

bool operator==(const Codes& a, const std::vector<std::string>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
}

}  // namespace kiosk::core
