// Short codes as the catalog holds them for each of its offers and providers (ids of life stages and
// topics, language codes, fields of work): a number each, the text once per process. 10,000 offers
// with six to nine languages each would otherwise hold some 90,000 copies of "de", "en", …
// A list of codes is itself kept once per process (most offers share their languages, life stages
// and topics): a Codes is one pointer. Reading a code's text or a list needs no lock; only making
// a new code or list takes one (while content is read, never while a screen is drawn).
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::core {

// The number of a code, the same for the same text in the whole process (thread-safe). Codes are
// made as content is read, before its check (an unknown topic is one too), and kept: a process that
// reads many contents (the editor, a fuzzer) collects every code it has seen. Throws
// std::length_error beyond 4,294,967,040 different codes.
uint32_t internCode(std::string_view code);
// The text of a number internCode gave.
const std::string& codeText(uint32_t number);

// A list of codes that reads like a std::vector<std::string> (its elements are the codes' texts).
class Codes {
public:
    class const_iterator {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = std::string;
        using difference_type = std::ptrdiff_t;
        using pointer = const std::string*;
        using reference = const std::string&;

        const_iterator() = default;
        explicit const_iterator(const char32_t* at) : m_at(at) {}
        reference operator*() const { return codeText(*m_at); }
        pointer operator->() const { return &codeText(*m_at); }
        reference operator[](difference_type n) const { return codeText(m_at[n]); }
        const_iterator& operator++() { ++m_at; return *this; }
        const_iterator operator++(int) { auto before = *this; ++m_at; return before; }
        const_iterator& operator--() { --m_at; return *this; }
        const_iterator operator--(int) { auto before = *this; --m_at; return before; }
        const_iterator& operator+=(difference_type n) { m_at += n; return *this; }
        const_iterator& operator-=(difference_type n) { m_at -= n; return *this; }
        friend const_iterator operator+(const_iterator it, difference_type n) { return it += n; }
        friend const_iterator operator+(difference_type n, const_iterator it) { return it += n; }
        friend const_iterator operator-(const_iterator it, difference_type n) { return it -= n; }
        friend difference_type operator-(const_iterator a, const_iterator b) { return a.m_at - b.m_at; }
        friend bool operator==(const_iterator a, const_iterator b) = default;
        friend auto operator<=>(const_iterator a, const_iterator b) = default;

    private:
        const char32_t* m_at = nullptr;  // a number of internCode each
    };
    using iterator = const_iterator;
    using value_type = std::string;
    using size_type = std::size_t;

    Codes() = default;
    Codes(std::initializer_list<std::string_view> codes);
    Codes(const std::vector<std::string>& codes);  // NOLINT: as a vector reads, so it is written
    // The texts, as a vector (for code that needs one; the list itself is cheaper to read).
    std::vector<std::string> strings() const;
    operator std::vector<std::string>() const { return strings(); }  // NOLINT

    const_iterator begin() const { return const_iterator(m_list ? m_list->data() : nullptr); }
    const_iterator end() const { return const_iterator(m_list ? m_list->data() + m_list->size() : nullptr); }
    std::size_t size() const { return m_list ? m_list->size() : 0; }
    bool empty() const { return !m_list; }
    const std::string& operator[](std::size_t i) const { return codeText((*m_list)[i]); }
    const std::string& front() const { return codeText(m_list->front()); }
    const std::string& back() const { return codeText(m_list->back()); }
    bool contains(std::string_view code) const;

    void push_back(std::string_view code);
    void clear() { m_list = nullptr; }
    void shrink_to_fit() {}  // a list is kept once, at its size

    // The same codes in the same order are the same list.
    friend bool operator==(const Codes& a, const Codes& b) { return a.m_list == b.m_list; }
    friend bool operator==(const Codes& a, const std::vector<std::string>& b);

private:
    // The process's list of these numbers (never changed nor freed); null when empty.
    const std::u32string* m_list = nullptr;
};

}  // namespace kiosk::core
