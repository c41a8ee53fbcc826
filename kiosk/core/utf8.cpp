// A strict UTF-8 decoder (RFC 3629, table 3-7 of the Unicode standard) and its encoder.
#include "kiosk/core/utf8.hpp"

namespace kiosk::core {

CodePoint decodeUtf8At(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    if (lead < 0x80) return {lead, 1, true};
    std::size_t length = 0;
    char32_t code = 0;
    unsigned char low = 0x80, high = 0xBF;  // the range of the second byte; later ones are 80..BF
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        code = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        code = lead & 0x0F;
        if (lead == 0xE0) low = 0xA0;   // else overlong
        if (lead == 0xED) high = 0x9F;  // else a surrogate
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        code = lead & 0x07;
        if (lead == 0xF0) low = 0x90;   // else overlong
        if (lead == 0xF4) high = 0x8F;  // else above U+10FFFF
    } else {
        return {};  // a continuation byte, an overlong lead (C0, C1) or F5..FF
    }
    if (at + length > text.size()) return {};
    for (std::size_t k = 1; k < length; ++k) {
        const unsigned char next = byte(at + k);
        if (next < low || next > high) return {};
        low = 0x80;
        high = 0xBF;
        code = (code << 6) | (next & 0x3F);
    }
    return {code, length, true};
}

std::u32string decodeUtf8(std::string_view text, InvalidBytes invalid) {
    std::u32string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        const CodePoint next = decodeUtf8At(text, at);
        if (next.valid || invalid == InvalidBytes::Replace) out.push_back(next.value);
        at += next.length;
    }
    return out;
}

void appendUtf8(std::string& out, char32_t code) {
    if ((code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) code = kReplacementCharacter;
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

std::string encodeUtf8(std::u32string_view text) {
    std::string out;
    out.reserve(text.size() * 2);
    for (const char32_t code : text) appendUtf8(out, code);
    return out;
}

std::size_t lastCodePointLength(std::string_view text) {
    if (text.empty()) return 0;
    // A sequence is at most four bytes: find its lead among the last four, and check it reaches the end.
    for (std::size_t length = 1; length <= 4 && length <= text.size(); ++length) {
        const auto byte = static_cast<unsigned char>(text[text.size() - length]);
        if ((byte & 0xC0) == 0x80) continue;  // a continuation byte: the lead is further back
        const CodePoint last = decodeUtf8At(text, text.size() - length);
        return last.valid && last.length == length ? length : 1;
    }
    return 1;
}

std::optional<std::size_t> findInvalidUtf8(std::string_view text) {
    for (std::size_t at = 0; at < text.size();) {
        const CodePoint next = decodeUtf8At(text, at);
        if (!next.valid) return at;
        at += next.length;
    }
    return std::nullopt;
}

bool isValidUtf8(std::string_view text) { return !findInvalidUtf8(text); }

bool isControlCharacter(char32_t code) { return code < 0x20 || (code >= 0x7F && code <= 0x9F); }

std::optional<std::size_t> findControlCharacter(std::string_view text, LineBreaks lineBreaks) {
    for (std::size_t at = 0; at < text.size();) {
        const CodePoint next = decodeUtf8At(text, at);
        if (next.valid && isControlCharacter(next.value) &&
            !(next.value == U'\n' && lineBreaks == LineBreaks::Allowed))
            return at;
        at += next.length;
    }
    return std::nullopt;
}

}  // namespace kiosk::core
