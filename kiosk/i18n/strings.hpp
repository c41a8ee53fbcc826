// The kiosk's own words (not the content's), per language, from gettext .po files; German is the fallback.
// No GUI: the kiosk's screens, its printed slips and the website (kiosk-pack site) read the same words.
#pragma once

#include "kiosk/core/problem.hpp"
#include "kiosk/core/text_format.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::i18n {

// The text for `key` in `language`, else German, else the key itself (so a gap is visible, not blank).
// Until loadUiStrings is called, the translations of this build's assets/i18n are used.
const std::string& tr(std::string_view key, std::string_view language);

// The text for `key` for the number `n` ("{} Akteure": "1 Akteur", "2 Akteure"): a key with plural
// forms (msgid_plural, msgstr[0..]) takes the form its language's Plural-Forms header chooses for
// `n`; a key without them is tr(). Fill the number in yourself: countText does both.
const std::string& trn(std::string_view key, std::string_view language, std::uint64_t n);
// trn's text with `n` in its first placeholder ("{} Akteure auf der Karte" -> "1 Akteur auf der Karte").
std::string countText(std::string_view key, std::string_view language, std::uint64_t n);

// A problem in `language`: the text under the problem's key ("<domain>.<name>") with its values
// filled in; its English words where the kiosk has no text for it. A key with plural forms takes
// the form for the problem's first value that is a number ("1 Fehler", "3 errors").
std::string problemText(const core::Problem& problem, std::string_view language);

// The words the weekly hours need (day names, "geschlossen" …) in `language`, for core::weeklyHoursText.
core::HoursWords hoursWords(std::string_view language);

// What can be wrong with the translations; the log says it (the administrator fixes the files).
enum class TranslationProblem {
    MissingFile,   // a language named in LINGUAS has no .po file
    Unreadable,    // a .po file gettext cannot read: its language shows German
    NoGerman,      // no de.po: the kiosk shows its keys
    Placeholders,  // a translation's placeholders differ from the German text's: it shows German
    PluralHeader,  // a .po file without a readable Plural-Forms header: its counts take German's rule
    PluralForms,   // a translation with another number of plural forms than its language has: it shows German
};
std::string_view problemDomain(TranslationProblem);
std::string_view problemName(TranslationProblem code);
std::string_view problemEnglish(TranslationProblem code);

// Reads the translations from `i18nDir` (assets/i18n): every `CODE.po` named in its `LINGUAS`
// file (or, without one, every .po file present). msgctxt is the key, msgid the German text,
// msgstr the translation; fuzzy and empty translations count as missing, and so does one whose
// placeholders ("{}") are not the German text's (so filling in values never throws in a frame).
// Replaces what was loaded, after a load startLoadingUiStrings began has ended. Returns the
// problems, none when all is well (then German is there).
std::vector<core::Problem> loadUiStrings(const std::filesystem::path& i18nDir);

// loadUiStrings on a thread of its own, for the kiosk's start: its words are read beside GLFW's and
// the GL driver's start instead of before them. Every function here that reads the words waits until
// they are read; the problems are logged ("translations: …") by that thread.
void startLoadingUiStrings(std::filesystem::path i18nDir);
// Waits until startLoadingUiStrings's thread is done (at once when none runs). A program that started
// one must wait before it returns from main: the thread reads statics that exit destroys.
void waitForUiStrings();
// The languages `i18nDir` names (its LINGUAS, or its .po files), each with its .po file present,
// without reading them: uiLanguages() once they are read, but for a file gettext cannot read.
std::vector<std::string> listedUiLanguages(const std::filesystem::path& i18nDir);

// Adds the words of another program beside the kiosk's (the editor's assets/i18n/editor): every
// `CODE.po` its LINGUAS names, read as above, into the table loaded already. The languages stay
// the kiosk's; a key without a translation shows German. Returns the problems, none when all is well.
std::vector<core::Problem> addUiStrings(const std::filesystem::path& i18nDir);

// The languages the kiosk offers, in the order of LINGUAS: adding a .po file adds a language.
const std::vector<std::string>& uiLanguages();
bool isUiLanguage(std::string_view code);
// True for a language written right to left (its own name is in a right-to-left script).
bool isRightToLeft(std::string_view language);

// A language's name, written in `language` ("Türkisch" in German, "Turkish" in English); the code
// itself for a language without a name in the .po files.
std::string languageName(std::string_view code, std::string_view language);
// A language's name in itself ("Türkçe"), for the language button.
std::string languageEndonym(std::string_view code);

// Calls `visit` with every text of the table in every language, language names included
// (the fonts load the glyphs these need).
void forEachUiString(const std::function<void(const std::string&)>& visit);

// The keys of German without a current translation in `language`: missing, empty, fuzzy, or made
// for an older German text (its msgid differs). For the completeness check and translators.
std::vector<std::string> untranslatedKeys(std::string_view language);

}  // namespace kiosk::i18n
