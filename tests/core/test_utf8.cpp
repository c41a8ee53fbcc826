// The one UTF-8 decoder: every script the kiosk shows comes back as written, and broken bytes
// become U+FFFD (or are found by the content check) instead of garbage or a read past the end.
#include "kiosk/core/utf8.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace kiosk::core;

TEST_CASE("text in the kiosk's scripts decodes and encodes back unchanged", "[utf8]") {
    const std::string text = "Aß€ وبن Київ Москва 𝄞";
    const std::u32string codes = decodeUtf8(text);
    CHECK(codes == U"Aß€ وبن Київ Москва 𝄞");
    CHECK(encodeUtf8(codes) == text);
    CHECK(isValidUtf8(text));
    const CodePoint clef = decodeUtf8At(text, text.size() - 4);
    CHECK(clef.valid);
    CHECK(clef.value == U'\U0001D11E');
    CHECK(clef.length == 4);
}

TEST_CASE("each invalid byte is one U+FFFD, and the text after it still decodes", "[utf8]") {
    CHECK(decodeUtf8("a\x80z") == U"a\uFFFDz");                              // a stray continuation byte
    CHECK(decodeUtf8("a\xC3") == U"a\uFFFD");                                // cut short at the end
    CHECK(decodeUtf8("\xC3z") == U"\uFFFDz");                                // cut short by a letter
    CHECK(decodeUtf8("\xC0\xAF") == U"\uFFFD\uFFFD");                        // an overlong '/'
    CHECK(decodeUtf8("\xE0\x80\xAF") == U"\uFFFD\uFFFD\uFFFD");              // overlong in three bytes
    CHECK(decodeUtf8("\xED\xA0\x80") == U"\uFFFD\uFFFD\uFFFD");              // a surrogate
    CHECK(decodeUtf8("\xF4\x90\x80\x80") == U"\uFFFD\uFFFD\uFFFD\uFFFD");    // above U+10FFFF
    CHECK(decodeUtf8("\xFF") == U"\uFFFD");
    CHECK(decodeUtf8("a\x80z", InvalidBytes::Skip) == U"az");
    CHECK(decodeUtf8("\xF4\x8F\xBF\xBF") == U"\U0010FFFF");  // the last code point is fine
}

TEST_CASE("the validity check names where the first broken byte is", "[utf8]") {
    CHECK(findInvalidUtf8("Straße") == std::nullopt);
    CHECK(findInvalidUtf8("Stra\xDF" "e") == std::optional<std::size_t>(4));  // Latin-1 'ß'
    CHECK_FALSE(isValidUtf8("caf\xC3"));
    CHECK(isValidUtf8(""));
}

TEST_CASE("control characters are found, line breaks only where a text may have paragraphs", "[utf8]") {
    CHECK(findControlCharacter("Mo–Fr 08:00") == std::nullopt);
    CHECK(findControlCharacter("Tab\there") == std::optional<std::size_t>(3));
    CHECK(findControlCharacter("one\ntwo") == std::optional<std::size_t>(3));
    CHECK(findControlCharacter("one\ntwo", LineBreaks::Allowed) == std::nullopt);
    CHECK(findControlCharacter("one\r\ntwo", LineBreaks::Allowed) == std::optional<std::size_t>(3));
    CHECK(findControlCharacter("x\xC2\x85y") == std::optional<std::size_t>(1));  // NEL, a C1 control
    CHECK(findControlCharacter(std::string("a\0b", 3)) == std::optional<std::size_t>(1));
    CHECK(isControlCharacter(U'\x7F'));
    CHECK_FALSE(isControlCharacter(U'\u00A0'));  // a no-break space is a space, not a control
}

TEST_CASE("encoding never writes a surrogate or a value beyond Unicode", "[utf8]") {
    std::string out;
    appendUtf8(out, 0xD800);
    appendUtf8(out, 0x110000);
    CHECK(out == "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("the last letter is found whole, a broken byte on its own", "[utf8]") {
    CHECK(lastCodePointLength("") == 0);
    CHECK(lastCodePointLength("ab") == 1);
    CHECK(lastCodePointLength("aß") == 2);
    CHECK(lastCodePointLength("a€") == 3);
    CHECK(lastCodePointLength("a𝄞") == 4);
    CHECK(lastCodePointLength("a\xA9") == 1);        // a continuation byte without its lead
    CHECK(lastCodePointLength("\xC3\xA9\xA9") == 1);  // "é" and a stray continuation byte
    CHECK(lastCodePointLength("a\xE2\x82") == 1);    // a sequence cut short
}
