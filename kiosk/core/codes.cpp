// The process's table of codes and of lists of codes: numbers and lists given out once, texts and
// lists never moved nor changed (readers need no lock).
#include "kiosk/core/codes.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

namespace kiosk::core {
namespace {

// The texts in blocks that are never freed nor moved: block b holds kFirstBlock << b texts, so the
// 24 blocks hold 256 × (2^24 − 1) codes and the table's own size stays 24 pointers.
constexpr std::size_t kFirstBlock = 256;
constexpr std::size_t kBlocks = 24;
constexpr std::size_t kMaxCodes = kFirstBlock * ((std::size_t{1} << kBlocks) - 1);

struct Place {
    std::size_t block;
    std::size_t index;
};

constexpr Place placeOf(std::size_t number) {
    const std::size_t block = std::bit_width(number / kFirstBlock + 1) - 1;
    return {block, number - kFirstBlock * ((std::size_t{1} << block) - 1)};
}
static_assert(placeOf(0).block == 0 && placeOf(255).index == 255 && placeOf(256).block == 1 &&
              placeOf(256).index == 0 && placeOf(767).block == 1 && placeOf(768).block == 2 &&
              placeOf(kMaxCodes - 1).block == kBlocks - 1);

struct Table {
    std::mutex lock;
    std::unordered_map<std::string_view, uint32_t> numbers;  // views of the texts in the blocks
    std::array<std::atomic<std::string*>, kBlocks> blocks{};
    std::size_t count = 0;
    // Every list made so far. A node-based set: a list's place stays when the set grows.
    std::unordered_set<std::u32string> lists;
};

Table& table() {
    static Table* const instance = new Table;  // lives as long as the process: codes may be read at exit
    return *instance;
}

// The number of `code`, with the table's lock held.
uint32_t internLocked(Table& t, std::string_view code) {
    if (auto found = t.numbers.find(code); found != t.numbers.end()) return found->second;
    if (t.count == kMaxCodes) throw std::length_error("more than 4,294,967,040 different codes");
    const Place place = placeOf(t.count);
    std::string* block = t.blocks[place.block].load(std::memory_order_relaxed);
    if (!block) {
        block = new std::string[kFirstBlock << place.block];
        t.blocks[place.block].store(block, std::memory_order_release);
    }
    std::string& text = block[place.index];
    text = std::string(code);
    const auto number = static_cast<uint32_t>(t.count++);
    t.numbers.emplace(text, number);
    return number;
}

// The process's list of these numbers; null for none.
const std::u32string* internList(std::u32string numbers) {
    if (numbers.empty()) return nullptr;
    Table& t = table();
    std::lock_guard guard(t.lock);
    return &*t.lists.insert(std::move(numbers)).first;
}

template <typename Texts>
const std::u32string* listOf(const Texts& codes) {
    std::u32string numbers;
    numbers.reserve(codes.size());
    {
        Table& t = table();
        std::lock_guard guard(t.lock);
        for (const auto& code : codes) numbers.push_back(static_cast<char32_t>(internLocked(t, code)));
    }
    return internList(std::move(numbers));
}

}  // namespace

uint32_t internCode(std::string_view code) {
    Table& t = table();
    std::lock_guard guard(t.lock);
    return internLocked(t, code);
}

const std::string& codeText(uint32_t number) {
    const Place place = placeOf(number);
    return table().blocks[place.block].load(std::memory_order_acquire)[place.index];
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
    std::u32string numbers = m_list ? *m_list : std::u32string();
    numbers.push_back(static_cast<char32_t>(internCode(code)));
    m_list = internList(std::move(numbers));
}

bool operator==(const Codes& a, const std::vector<std::string>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
}

}  // namespace kiosk::core
