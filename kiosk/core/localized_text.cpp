// Lookup with fallback to German, so a missing translation never shows an empty label.
#include "kiosk/core/localized_text.hpp"

#include <algorithm>

namespace kiosk::core {

LocalizedText::LocalizedText(std::initializer_list<std::pair<std::string, std::string>> values) {
    for (const auto& [language, value] : values) set(language, value);
}

LocalizedText::LocalizedText(const LocalizedText& other)
    : m_values(other.empty() ? nullptr : std::make_unique<std::vector<std::pair<std::string, std::string>>>(*other.m_values)) {}

LocalizedText& LocalizedText::operator=(const LocalizedText& other) {
    if (this != &other) *this = LocalizedText(other);
    return *this;
}

const std::vector<std::pair<std::string, std::string>>& LocalizedText::values() const {
    static const std::vector<std::pair<std::string, std::string>> none;
    return m_values ? *m_values : none;
}

void LocalizedText::set(std::string language, std::string value) {
    if (!m_values) m_values = std::make_unique<std::vector<std::pair<std::string, std::string>>>();
    auto it = std::find_if(m_values->begin(), m_values->end(),
                           [&](const auto& entry) { return entry.first == language; });
    if (it != m_values->end())
        it->second = std::move(value);
    else
        m_values->emplace_back(std::move(language), std::move(value));
}

const std::string& LocalizedText::get(std::string_view language) const {
    static const std::string empty;
    const std::string* fallback = nullptr;
    for (const auto& [code, value] : values()) {
        if (code == language && !value.empty()) return value;
        if (code == kReferenceLanguage) fallback = &value;
    }
    return fallback ? *fallback : empty;
}

bool LocalizedText::has(std::string_view language) const {
    const auto& all = values();
    return std::any_of(all.begin(), all.end(), [&](const auto& entry) {
        return entry.first == language && !entry.second.empty();
    });
}

std::vector<std::string> placeholdersOf(std::string_view text) {
    std::vector<std::string> found;
    for (std::size_t at = 0; at < text.size(); ++at) {
        if (text[at] == '}') {
            found.emplace_back("}");
        } else if (text[at] == '{') {
            const std::size_t end = text.find_first_of("{}", at + 1);
            if (end == std::string_view::npos || text[end] == '{') {
                found.emplace_back("{");
            } else {
                found.emplace_back(text.substr(at, end - at + 1));
                at = end;
            }
        }
    }
    return found;
}

std::string fillIn(std::string_view text, const std::vector<std::string>& args) {
    std::string out;
    std::size_t next = 0;
    for (std::size_t at = 0; at < text.size(); ++at) {
        if (text.compare(at, 2, "{}") == 0 && next < args.size()) {
            out += args[next++];
            ++at;
        } else {
            out += text[at];
        }
    }
    return out;
}

}  // namespace kiosk::core
