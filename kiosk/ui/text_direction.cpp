// Shaping and reordering with fribidi, line breaking with ImGui's own word wrap, both cached.
#include "kiosk/ui/text_direction.hpp"

#include "kiosk/core/utf8.hpp"

#include <fribidi.h>

#include <algorithm>
#include <unordered_map>

namespace kiosk::ui {
namespace {

bool g_rightToLeft = false;

std::u32string toUtf32(std::string_view utf8) { return core::decodeUtf8(utf8); }

// UTF-8 of `text`, and the byte offset where each character starts (plus the end).
std::string toUtf8(std::u32string_view text, std::vector<size_t>* offsets = nullptr) {
    if (!offsets) return core::encodeUtf8(text);
    std::string utf8;
    utf8.reserve(text.size() * 2);
    for (char32_t c : text) {
        offsets->push_back(utf8.size());
        core::appendUtf8(utf8, c);
    }
    offsets->push_back(utf8.size());
    return utf8;
}

// One paragraph after the bidi algorithm and Arabic shaping, still in logical order.
struct Paragraph {
    std::u32string text;  // shaped: presentation forms, a lam-alef ligature followed by a FILL character
    std::vector<FriBidiCharType> types;
    std::vector<FriBidiLevel> levels;
    FriBidiParType direction = FRIBIDI_PAR_ON;
};

Paragraph analyse(std::u32string text, bool rightToLeftBase) {
    Paragraph p;
    p.text = std::move(text);
    const auto length = static_cast<FriBidiStrIndex>(p.text.size());
    auto* chars = reinterpret_cast<FriBidiChar*>(p.text.data());
    p.types.resize(p.text.size());
    p.levels.resize(p.text.size());
    std::vector<FriBidiBracketType> brackets(p.text.size());
    std::vector<FriBidiArabicProp> joining(p.text.size());
    fribidi_get_bidi_types(chars, length, p.types.data());
    fribidi_get_bracket_types(chars, length, p.types.data(), brackets.data());
    p.direction = rightToLeftBase ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_ON;
    if (!fribidi_get_par_embedding_levels_ex(p.types.data(), brackets.data(), length, &p.direction, p.levels.data()))
        std::fill(p.levels.begin(), p.levels.end(), FriBidiLevel{0});  // out of memory: left to right, unshaped
    fribidi_get_joining_types(chars, length, joining.data());
    fribidi_join_arabic(p.types.data(), length, p.levels.data(), joining.data());
    fribidi_shape(FRIBIDI_FLAGS_DEFAULT | FRIBIDI_FLAGS_ARABIC, p.levels.data(), length, joining.data(), chars);
    return p;
}

// Characters [from, to) of the paragraph in visual order, as UTF-8.
std::string visualLine(Paragraph& p, size_t from, size_t to) {
    std::u32string line = p.text;  // reorder_line works on the paragraph's arrays at an offset
    if (!fribidi_reorder_line(FRIBIDI_FLAGS_DEFAULT | FRIBIDI_FLAGS_ARABIC, p.types.data(),
                              static_cast<FriBidiStrIndex>(to - from), static_cast<FriBidiStrIndex>(from), p.direction,
                              p.levels.data(), reinterpret_cast<FriBidiChar*>(line.data()), nullptr))
        line = p.text;  // out of memory: logical order rather than nothing
    std::u32string visual(line.begin() + static_cast<std::ptrdiff_t>(from), line.begin() + static_cast<std::ptrdiff_t>(to));
    std::erase(visual, static_cast<char32_t>(FRIBIDI_CHAR_FILL));  // the place the ligature's second letter held
    return toUtf8(visual);
}

template <typename Value>
class Cache {
public:
    template <typename Make>
    const Value& get(const std::string& key, Make make) {
        auto it = m_values.find(key);
        if (it != m_values.end()) return it->second;
        if (m_values.size() >= kShapedTextsBound) m_values.clear();  // content changed many times: start over
        return m_values.emplace(key, make()).first->second;
    }
    void clear() { m_values = {}; }
    size_t size() const { return m_values.size(); }

private:
    std::unordered_map<std::string, Value> m_values;
};

Cache<std::string> g_shapedLines;
Cache<std::vector<std::string>> g_wrappedLines;

}  // namespace

void forgetShapedTexts() {
    g_shapedLines.clear();
    g_wrappedLines.clear();
}

size_t shapedTextsCached() { return g_shapedLines.size() + g_wrappedLines.size(); }

void setRightToLeft(bool rightToLeft) { g_rightToLeft = rightToLeft; }
bool rightToLeft() { return g_rightToLeft; }

bool hasRightToLeftText(std::string_view text) {
    for (size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte >= 0xD6 && byte <= 0xDF) return true;  // U+0580..U+07FF: Hebrew, Arabic, Syriac, Thaana
        if (byte == 0xEF && i + 1 < text.size()) {      // U+FB1D..U+FEFC: presentation forms
            const auto next = static_cast<unsigned char>(text[i + 1]);
            if (next >= 0xAC && next <= 0xBB) return true;
        }
    }
    return false;
}

bool writtenRightToLeft(std::string_view text, bool otherwise) {
    const std::u32string chars = toUtf32(text);
    std::vector<FriBidiCharType> types(chars.size());
    fribidi_get_bidi_types(reinterpret_cast<const FriBidiChar*>(chars.data()), static_cast<FriBidiStrIndex>(chars.size()),
                           types.data());
    const FriBidiParType direction = fribidi_get_par_direction(types.data(), static_cast<FriBidiStrIndex>(types.size()));
    return direction == FRIBIDI_PAR_RTL || (direction != FRIBIDI_PAR_LTR && otherwise);
}

std::string shapeLine(std::string_view text, bool rightToLeftBase) {
    if (!hasRightToLeftText(text)) return std::string(text);
    Paragraph p = analyse(toUtf32(text), rightToLeftBase);
    return visualLine(p, 0, p.text.size());
}

std::string arabicForms(std::string_view characters) {
    constexpr char32_t kTatweel = 0x0640, kLam = 0x0644;
    std::u32string words;  // each letter alone, at a word's start, inside and at its end
    const std::u32string letters = toUtf32(characters);
    for (char32_t c : letters) {
        if (c < 0x0620 || c > 0x06FF) continue;
        words += {c, U' ', kTatweel, c, U' ', c, kTatweel, U' ', kTatweel, c, kTatweel, U' '};
        if (std::find(letters.begin(), letters.end(), kLam) != letters.end())  // lam-alef ligatures
            words += {kLam, c, U' ', kTatweel, kLam, c, U' '};
    }
    // And the characters themselves in a right-to-left line: brackets and quotes mirrored.
    return shapeLine(toUtf8(words), true) + shapeLine(characters, true);
}

const std::string& displayLine(std::string_view text) {
    static std::string plain;
    if (!hasRightToLeftText(text)) {
        plain.assign(text);
        return plain;
    }
    std::string key(text);
    key += g_rightToLeft ? '\x01' : '\x02';
    return g_shapedLines.get(key, [&] { return shapeLine(text, g_rightToLeft); });
}

const std::vector<std::string>& displayLines(std::string_view text, ImFont* font, float size, float wrapWidth) {
    std::string key(text);
    key += '\x01';
    key += std::to_string(reinterpret_cast<uintptr_t>(font)) + '/' + std::to_string(static_cast<int>(size)) + '/' +
           std::to_string(static_cast<int>(wrapWidth)) + (g_rightToLeft ? "r" : "l");
    return g_wrappedLines.get(key, [&] {
        std::vector<std::string> lines;
        const bool shaped = hasRightToLeftText(text);
        size_t start = 0;
        while (start <= text.size()) {  // each source line is a paragraph of its own
            size_t end = text.find('\n', start);
            if (end == std::string_view::npos) end = text.size();
            Paragraph p = analyse(toUtf32(text.substr(start, end - start)), g_rightToLeft);
            std::vector<size_t> offsets;
            const std::string utf8 = toUtf8(p.text, &offsets);  // shaped, logical: the widths to break by
            size_t from = 0;  // character index
            if (p.text.empty()) lines.emplace_back();
            else do {
                const char* begin = utf8.c_str() + offsets[from];
                const char* stop = font->CalcWordWrapPositionA(size / font->FontSize, begin, utf8.c_str() + utf8.size(),
                                                               wrapWidth);
                if (stop == begin) stop = begin + 1;  // a single glyph wider than the line still goes somewhere
                size_t to = from;
                while (to < p.text.size() && offsets[to] < static_cast<size_t>(stop - utf8.c_str())) ++to;
                size_t trimmed = to;  // the spaces at a break belong to neither line
                while (trimmed > from && p.text[trimmed - 1] == U' ') --trimmed;
                lines.push_back(shaped ? visualLine(p, from, trimmed) : utf8.substr(offsets[from], offsets[trimmed] - offsets[from]));
                from = to;
                while (from < p.text.size() && p.text[from] == U' ') ++from;
            } while (from < p.text.size());
            start = end + 1;
        }
        return lines;
    });
}

}  // namespace kiosk::ui
