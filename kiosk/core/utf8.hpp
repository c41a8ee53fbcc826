// UTF-8 in one place: decoding code points (an invalid sequence is one byte of U+FFFD, never a
// crash or a read past the end), encoding them, and the checks content must pass (valid UTF-8, no
// control characters).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::core {

inline constexpr char32_t kReplacementCharacter = U'\uFFFD';

struct CodePoint {
    char32_t value = kReplacementCharacter;
    std::size_t length = 1;  // bytes it takes; 1 for an invalid byte
    bool valid = false;      // false: the byte at `at` starts no valid sequence (value is U+FFFD)
};

// The code point that starts at byte `at` (< text.size()). Valid means as RFC 3629 says: no
// overlong forms, no surrogates, nothing above U+10FFFF, no sequence cut short.
CodePoint decodeUtf8At(std::string_view text, std::size_t at);

enum class InvalidBytes { Replace, Skip };
// Every code point of `text`; each invalid byte becomes U+FFFD, or is left out.
std::u32string decodeUtf8(std::string_view text, InvalidBytes invalid = InvalidBytes::Replace);

// Appends `code`'s UTF-8 to `out` (U+FFFD for a surrogate or a value above U+10FFFF).
void appendUtf8(std::string& out, char32_t code);
std::string encodeUtf8(std::u32string_view text);

// The bytes of the last code point of `text` (an invalid byte counts as one); 0 for empty text.
std::size_t lastCodePointLength(std::string_view text);

// The byte offset of the first invalid sequence; nothing when all of `text` is valid UTF-8.
std::optional<std::size_t> findInvalidUtf8(std::string_view text);
bool isValidUtf8(std::string_view text);

// C0 controls (U+0000–U+001F), DEL and the C1 controls (U+0080–U+009F): nothing a reader should see.
bool isControlCharacter(char32_t code);
enum class LineBreaks { Refused, Allowed };  // Allowed: '\n' separates paragraphs (a description)
// The byte offset of the first control character of `text` (decoded as UTF-8; invalid bytes are
// not control characters here, findInvalidUtf8 finds them); nothing when there is none.
std::optional<std::size_t> findControlCharacter(std::string_view text, LineBreaks lineBreaks = LineBreaks::Refused);

}  // namespace kiosk::core
