// A text with one value per language; German is the reference every other language falls back to.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kiosk::core {

inline constexpr std::string_view kReferenceLanguage = "de";

class LocalizedText {
public:
    LocalizedText() = default;
    LocalizedText(std::initializer_list<std::pair<std::string, std::string>> values);
    LocalizedText(const LocalizedText& other);
    LocalizedText& operator=(const LocalizedText& other);
    LocalizedText(LocalizedText&&) noexcept = default;
    LocalizedText& operator=(LocalizedText&&) noexcept = default;
    ~LocalizedText() = default;

    void set(std::string language, std::string value);
    // The text in `language`, else German, else empty.
    const std::string& get(std::string_view language) const;
    bool has(std::string_view language) const;
    bool empty() const { return !m_values || m_values->empty(); }
    const std::vector<std::pair<std::string, std::string>>& values() const;

private:
    // None while empty: a catalog's 10,000 offers hold six texts each that the kiosk leaves in the
    // database (a pointer is a third of an empty vector).
    std::unique_ptr<std::vector<std::pair<std::string, std::string>>> m_values;
};

// `text` with each "{}" replaced by the next of `args`; a "{}" without a value stays as it is.
std::string fillIn(std::string_view text, const std::vector<std::string>& args);

// The placeholders of a message in order: each "{…}" whole ("{}", "{:02}"), and a brace without
// its partner on its own ("{", "}"). A translation must have exactly the German text's, or
// filling it in (fmt::format, fillIn) could throw or leave a value out.
std::vector<std::string> placeholdersOf(std::string_view text);

}  // namespace kiosk::core
