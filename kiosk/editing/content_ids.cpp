// Valid ids, ids proposed from titles, and entries named as the content check names them.
#include "kiosk/editing/content_ids.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace kiosk::editing {

bool isValidId(std::string_view id) {
    return !id.empty() && id.size() <= kMaxIdLength && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

namespace {

// Latin letters with marks the titles use, spelt in plain letters (UTF-8 → ASCII).
constexpr std::array<std::pair<std::string_view, std::string_view>, 21> kSpelled{{
    {"ä", "ae"}, {"ö", "oe"}, {"ü", "ue"}, {"Ä", "ae"}, {"Ö", "oe"}, {"Ü", "ue"}, {"ß", "ss"},
    {"é", "e"}, {"è", "e"}, {"ê", "e"}, {"á", "a"}, {"à", "a"}, {"ç", "c"}, {"ğ", "g"},
    {"ı", "i"}, {"İ", "i"}, {"ş", "s"}, {"Ş", "s"}, {"ñ", "n"}, {"ó", "o"}, {"í", "i"},
}};

std::string spelled(std::string_view title) {
    std::string out;
    for (std::size_t i = 0; i < title.size();) {
        const auto match = std::find_if(kSpelled.begin(), kSpelled.end(),
                                        [&](const auto& pair) { return title.substr(i).starts_with(pair.first); });
        if (match != kSpelled.end()) {
            out += match->second;
            i += match->first.size();
            continue;
        }
        const char c = title[i++];
        if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
        else out += '-';
    }
    return out;
}

}  // namespace

std::string proposeId(std::string_view title, const std::set<std::string>& taken, std::string_view fallback) {
    std::string words;
    for (char c : spelled(title)) {
        if (c == '-' && (words.empty() || words.back() == '-')) continue;
        words += c;
    }
    while (!words.empty() && words.back() == '-') words.pop_back();
    constexpr std::size_t kShort = 60;  // room for "-2" … and still a readable web address
    if (words.size() > kShort) {
        const auto cut = words.rfind('-', kShort);
        words.resize(cut == std::string::npos || cut == 0 ? kShort : cut);
    }
    if (words.empty()) words = fallback;
    std::string id = words;
    for (int n = 2; taken.count(id); ++n) id = words + "-" + std::to_string(n);
    return id;
}

std::string entryLabel(std::string_view file, std::string_view id) {
    std::string kind = std::string(file.substr(0, file.find('.')));
    if (kind == "life_stages") kind = "life stage";
    else if (kind.ends_with("ies")) kind = kind.substr(0, kind.size() - 3) + "y";
    else if (kind.ends_with('s')) kind.pop_back();
    std::replace(kind.begin(), kind.end(), '_', ' ');  // "working group", as the check names it
    return kind + " '" + std::string(id) + "'";
}

}  // namespace kiosk::editing
