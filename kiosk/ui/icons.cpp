// Code points of the pictograms the kiosk and its content use (Debian's fonts-materialdesignicons-webfont 1.6).
#include "kiosk/ui/icons.hpp"

#include "kiosk/core/utf8.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace kiosk::ui {
namespace {

constexpr std::array<std::pair<std::string_view, unsigned>, 58> kIcons{{
    {"account-multiple", 0xF00E}, {"alert", 0xF026},        {"alert-circle", 0xF028},  {"arrow-left", 0xF04D},
    {"arrow-right", 0xF054},      {"baby", 0xF06C},         {"bike", 0xF0A3},          {"book-open-variant", 0xF0BE},
    {"bus", 0xF0E7},              {"calendar-clock", 0xF0F0}, {"cash", 0xF114},        {"check", 0xF12C},
    {"chevron-left", 0xF141},     {"chevron-right", 0xF142}, {"clock", 0xF150},        {"close", 0xF156},
    {"currency-eur", 0xF1AD},     {"email", 0xF1EE},        {"food-apple", 0xF25B},    {"forum", 0xF28C},
    {"home", 0xF2DC},             {"home-variant", 0xF2DE}, {"hospital", 0xF2E0},      {"human-child", 0xF2E7},
    {"human-greeting", 0xF64A},   {"human-handsup", 0xF64C}, {"human-male-female", 0xF2E8},
    {"human-pregnant", 0xF5CF},   {"information", 0xF2FC},  {"map", 0xF34D},           {"map-marker", 0xF34E},
    {"heart-pulse", 0xF5F6},      {"message-text", 0xF369}, {"palette", 0xF3D8},       {"phone", 0xF3F2},
    {"phone-in-talk", 0xF3F6},    {"printer", 0xF42A},      {"puzzle", 0xF431},        {"qrcode", 0xF432},
    {"rocket", 0xF463},           {"school", 0xF474},       {"star", 0xF4CE},          {"stop", 0xF4DB},          {"translate", 0xF5CA},
    {"magnify", 0xF349},          {"backspace", 0xF06E},    {"plus", 0xF415},          {"minus", 0xF374},
    {"keyboard", 0xF30C},         {"account", 0xF004},
    {"volume-high", 0xF57E},  {"volume-low", 0xF57F},    {"volume-off", 0xF581},      {"web", 0xF59F},          {"wheelchair-accessibility", 0xF5A4},
    {"contrast-circle", 0xF197},  {"earth", 0xF1E7},        {"format-size", 0xF27F},
}};

std::string utf8(unsigned codepoint) {
    std::string out;
    core::appendUtf8(out, static_cast<char32_t>(codepoint));
    return out;
}

}  // namespace

std::vector<unsigned> iconCodepoints() {
    std::vector<unsigned> codepoints;
    for (const auto& entry : kIcons) codepoints.push_back(entry.second);
    std::sort(codepoints.begin(), codepoints.end());
    return codepoints;
}

bool isKnownIcon(std::string_view name) {
    return std::any_of(kIcons.begin(), kIcons.end(), [&](const auto& entry) { return entry.first == name; });
}

std::string icon(std::string_view name) {
    for (const auto& [iconName, codepoint] : kIcons)
        if (iconName == name) return utf8(codepoint);
    return utf8(0xF4CE);  // star
}

}  // namespace kiosk::ui
