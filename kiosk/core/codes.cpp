// The process's table of codes and of lists of codes: numbers and lists given out once, texts and
// lists never moved nor changed (readers need no lock).
#include "kiosk/core/codes.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

namespace kiosk::core {
namespace {

constexpr std::size_t kBlock = 256;  // texts per block; blocks are never freed nor moved
constexpr std::size_t kBlocks = 256;

struct Table {
    std::mutex lock;
    std::unordered_map<std::string_view, uint16_t> numbers;  // views of the texts in the blocks
    std::array<std::atomic<std::string*>, kBlocks> blocks{};
    std::size_t count = 0;
    // Every list made so far. A node-based set: a list's place stays when the set grows.
    std::unordered_set<std::u16string> lists;
};

Table& table() {
    static Table* const instance = new Table;  // lives as long as the process: codes may be read at exit
    return *instance;
}

// The number of `code`, with the table's lock held.
uint16_t internLocked(Table& t, std::string_view code) {
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

// The process's list of these numbers; null for none.
const std::u16string* internList(std::u16string numbers) {
    if (numbers.empty()) return nullptr;
    Table& t = table();
    std::lock_guard guard(t.lock);
    return &*t.lists.insert(std::move(numbers)).first;
}

template <typename Texts>
const std::u16string* listOf(const Texts& codes) {
    std::u16string numbers;
    numbers.reserve(codes.size());
    {
        Table& t = table();
        std::lock_guard guard(t.lock);
        for (const auto& code : codes) numbers.push_back(static_cast<char16_t>(internLocked(t, code)));
    }
    return internList(std::move(numbers));
}

}  // namespace

uint16_t internCode(std::string_view code) {
    Table& t = table();
    std::lock_guard guard(t.lock);
    return internLocked(t, code);
}

const std::string& codeText(uint16_t number) {
    return table().blocks[number / kBlock].load(std::memory_order_acquire)[number % kBlock];
}

Codes::Codes(std::initializer_list<std::string_view> codes) : m_list(listOf(codes)) {}

Codes::Codes(const std::vector<std::string>& codes) : m_list(listOf(codes)) {}

std::vector<std::string> Codes::strings() const {
    return {begin(), end()};
}

bool Codes::contains(std::string_view code) const {
    return std::any_of(begin(), end(), [&](const std::string& text) { return text == code; });
}

void Codes::push_back(std::string_view code) {
    std::u16string numbers = m_list ? *m_list : std::u16string();
    numbers.push_back(static_cast<char16_t>(internCode(code)));
    m_list = internList(std::move(numbers));
}

bool operator==(const Codes& a, const std::vector<std::string>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
}

}  // namespace kiosk::core
