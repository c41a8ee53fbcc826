// The editor's extra letters (see typed_letters.hpp).
#include "kiosk/editor/typed_letters.hpp"

#include "kiosk/ui/text_direction.hpp"

#include <imgui_internal.h>  // ImTextCharToUtf8, ImTextCharFromUtf8 (ImGui 1.86)

#include <array>
#include <set>
#include <utility>

namespace kiosk::editor {

namespace {

void appendUtf8(std::string& out, unsigned codepoint) {
    char bytes[5] = {};
    ImTextCharToUtf8(bytes, codepoint);
    out += bytes;
}

}  // namespace

std::string scriptLetters() {
    static constexpr std::array<std::pair<unsigned, unsigned>, 3> kScripts{{
        {0x0100, 0x017F},  // Latin Extended-A: ğ ı ş İ (Turkish) and the rest of Europe's Latin letters
        {0x0400, 0x04FF},  // Cyrillic: Ukrainian and Russian
        {0x0600, 0x06FF},  // Arabic
    }};
    std::string letters, arabic;
    for (const auto& [first, last] : kScripts)
        for (unsigned codepoint = first; codepoint <= last; ++codepoint) appendUtf8(first == 0x0600 ? arabic : letters, codepoint);
    return letters + arabic + ui::arabicForms(arabic);
}

std::string missingLetters(const ImFont& font, std::string_view text) {
    std::set<unsigned> missing;
    for (const char* at = text.data(); at < text.data() + text.size();) {
        unsigned codepoint = 0;
        const int length = ImTextCharFromUtf8(&codepoint, at, text.data() + text.size());
        at += length > 0 ? length : 1;
        if (codepoint >= 0x20 && codepoint <= IM_UNICODE_CODEPOINT_MAX &&
            !font.FindGlyphNoFallback(static_cast<ImWchar>(codepoint)))
            missing.insert(codepoint);
    }
    std::string letters;
    for (const unsigned codepoint : missing) appendUtf8(letters, codepoint);
    if (ui::hasRightToLeftText(letters)) letters += ui::arabicForms(letters);
    return letters;
}

void appendTexts(const YAML::Node& node, std::string& out) {
    if (node.IsScalar()) {
        out += node.Scalar();
        return;
    }
    if (node.IsSequence())
        for (const auto& item : node) appendTexts(item, out);
    if (node.IsMap())
        for (const auto& item : node) {
            appendTexts(item.first, out);
            appendTexts(item.second, out);
        }
}

}  // namespace kiosk::editor
