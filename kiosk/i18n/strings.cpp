// The UI string table, read from gettext .po files with gettext's own reader (libgettextpo).
#include "kiosk/i18n/strings.hpp"

#include "kiosk/core/localized_text.hpp"

#include <fribidi.h>
#include <gettext-po.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <csetjmp>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

namespace kiosk::i18n {
namespace {

constexpr std::string_view kReference = "de";

struct Entry {
    std::string german;  // the msgid this translation was made for
    std::string text;
};

struct Strings {
    std::vector<std::string> languages;
    // key -> language -> entry
    std::map<std::string, std::map<std::string, Entry, std::less<>>, std::less<>> table;
    std::map<std::string, bool, std::less<>> rightToLeft;
};

Strings& strings() {
    static Strings loaded;
    return loaded;
}

std::once_flag g_defaultLoaded;
bool g_explicitlyLoaded = false;

const Strings& current() {
    // Tests and command-line tasks that never call loadUiStrings get this build's translations.
    std::call_once(g_defaultLoaded, [] {
        if (g_explicitlyLoaded) return;
        if (std::string problem = loadUiStrings(KIOSK_DEFAULT_I18N_DIR); !problem.empty())
            spdlog::error("translations: {}", problem);
    });
    return strings();
}

// gettext reports parse errors through a handler that must not return on a fatal one: the jump
// leads straight back out of po_file_read, which holds no C++ objects.
thread_local std::jmp_buf* g_poJump = nullptr;
thread_local std::string* g_poErrors = nullptr;

void poError(int severity, po_message_t, const char* filename, size_t line, size_t, int, const char* text) {
    if (severity != PO_SEVERITY_WARNING && g_poErrors) {
        {
            std::ostringstream message;
            message << (filename ? filename : "?");
            if (line != static_cast<size_t>(-1)) message << ':' << line;
            message << ": " << text;
            std::string m = message.str();
            while (!m.empty() && m.back() == '\n') m.pop_back();
            if (!g_poErrors->empty()) *g_poErrors += "; ";
            *g_poErrors += m;
        }
        if (severity == PO_SEVERITY_FATAL_ERROR) std::longjmp(*g_poJump, 1);
    }
}

void poError2(int severity, po_message_t, const char* filename, size_t line, size_t column, int multiline,
              const char* text, po_message_t message2, const char*, size_t, size_t, int, const char*) {
    poError(severity, message2, filename, line, column, multiline, text);
}

// po_file_read, or null after a fatal error (the handler jumps back here).
po_file_t readPoFile(const char* path, po_xerror_handler_t handler, std::jmp_buf& jump) {
    if (setjmp(jump) != 0) return nullptr;
    return po_file_read(path, handler);
}

// Reads one .po file into `table` under `language`; false (and `error`) when it is broken.
bool readPo(const std::filesystem::path& file, const std::string& language, Strings& into, std::string& error) {
    std::jmp_buf jump;
    g_poJump = &jump;
    g_poErrors = &error;
    const po_xerror_handler handler{poError, poError2};
    po_file_t po = readPoFile(file.c_str(), &handler, jump);
    g_poJump = nullptr;
    g_poErrors = nullptr;
    if (!po || !error.empty()) {  // like msgfmt: a file with errors is not used (its language shows German)
        if (po) po_file_free(po);
        if (error.empty()) error = file.string() + ": cannot be read";
        return false;
    }
    po_message_iterator_t it = po_message_iterator(po, nullptr);
    while (po_message_t message = po_next_message(it)) {
        const char* key = po_message_msgctxt(message);
        const char* german = po_message_msgid(message);
        const char* text = po_message_msgstr(message);
        if (!key || po_message_is_obsolete(message) || po_message_is_fuzzy(message)) continue;
        std::string value = text && *text ? text : (language == kReference ? german : "");
        if (value.empty()) continue;
        into.table[key][language] = Entry{german, std::move(value)};
    }
    po_message_iterator_free(it);
    po_file_free(po);
    return true;
}

std::vector<std::string> listedLanguages(const std::filesystem::path& dir) {
    std::vector<std::string> codes;
    std::ifstream linguas(dir / "LINGUAS");
    std::string line;
    while (std::getline(linguas, line)) {
        if (auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
        std::istringstream words(line);
        for (std::string code; words >> code;)
            if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
    }
    if (!codes.empty()) return codes;
    std::error_code ec;
    for (const auto& file : std::filesystem::directory_iterator(dir, ec))
        if (file.path().extension() == ".po") codes.push_back(file.path().stem());
    std::sort(codes.begin(), codes.end(), [](const std::string& a, const std::string& b) {
        return (a == kReference) != (b == kReference) ? a == kReference : a < b;
    });
    return codes;
}

bool rightToLeftText(const std::string& utf8) {
    std::vector<FriBidiChar> text(utf8.size() + 1);
    const FriBidiStrIndex length =
        fribidi_charset_to_unicode(FRIBIDI_CHAR_SET_UTF8, utf8.c_str(), static_cast<FriBidiStrIndex>(utf8.size()),
                                   text.data());
    std::vector<FriBidiCharType> types(static_cast<size_t>(length) + 1);
    fribidi_get_bidi_types(text.data(), length, types.data());
    return fribidi_get_par_direction(types.data(), length) == FRIBIDI_PAR_RTL;
}

}  // namespace

std::string loadUiStrings(const std::filesystem::path& i18nDir) {
    g_explicitlyLoaded = true;
    Strings loaded;
    std::string problems;
    auto note = [&](const std::string& problem) { problems += (problems.empty() ? "" : "; ") + problem; };
    for (const std::string& code : listedLanguages(i18nDir)) {
        const auto file = i18nDir / (code + ".po");
        if (!std::filesystem::exists(file)) {
            note(file.string() + " is missing (named in LINGUAS)");
            continue;
        }
        std::string error;
        if (!readPo(file, code, loaded, error)) {
            note(error);
            continue;
        }
        loaded.languages.push_back(code);
    }
    if (std::find(loaded.languages.begin(), loaded.languages.end(), kReference) == loaded.languages.end()) {
        note("no German translations (" + (i18nDir / "de.po").string() + ")");
        if (loaded.languages.empty()) loaded.languages.emplace_back(kReference);
    }
    for (const auto& code : loaded.languages) {
        auto name = loaded.table.find("language.self");  // the language's name for itself
        loaded.rightToLeft[code] = name != loaded.table.end() && name->second.count(code) &&
                                   rightToLeftText(name->second.at(code).text);
    }
    strings() = std::move(loaded);
    return problems;
}

const std::string& tr(std::string_view key, std::string_view language) {
    thread_local std::string missing;
    const Strings& s = current();
    auto entry = s.table.find(key);
    if (entry == s.table.end()) {
        missing = std::string(key);
        return missing;
    }
    if (auto it = entry->second.find(language); it != entry->second.end()) return it->second.text;
    if (auto it = entry->second.find(kReference); it != entry->second.end()) return it->second.text;
    return entry->second.begin()->second.text;
}

const std::vector<std::string>& uiLanguages() { return current().languages; }

bool isUiLanguage(std::string_view code) {
    const auto& languages = uiLanguages();
    return std::find(languages.begin(), languages.end(), code) != languages.end();
}

bool isRightToLeft(std::string_view language) {
    const auto& rtl = current().rightToLeft;
    auto it = rtl.find(language);
    return it != rtl.end() && it->second;
}

std::string languageName(std::string_view code, std::string_view language) {
    const std::string key = "language." + std::string(code);
    const std::string& name = tr(key, language);
    return name == key ? std::string(code) : name;
}

std::string languageEndonym(std::string_view code) {
    // `language.self`: the name standing alone, as on the button ("Українська", not "українська").
    const Strings& s = current();
    if (auto self = s.table.find("language.self"); self != s.table.end())
        if (auto it = self->second.find(code); it != self->second.end()) return it->second.text;
    return languageName(code, code);
}

void forEachUiString(const std::function<void(const std::string&)>& visit) {
    for (const auto& [key, translations] : current().table)
        for (const auto& [language, entry] : translations) visit(entry.text);
}

std::vector<std::string> untranslatedKeys(std::string_view language) {
    std::vector<std::string> keys;
    for (const auto& [key, translations] : current().table) {
        auto german = translations.find(kReference);
        if (german == translations.end()) continue;  // not a key of the reference: nothing to translate
        auto it = translations.find(language);
        if (it == translations.end() || it->second.german != german->second.german) keys.push_back(key);
    }
    return keys;
}

std::string refusalText(const std::string& code, const std::vector<std::string>& args, const std::string& english,
                        std::string_view language) {
    const std::string key = "refusal." + code;
    const std::string& text = tr(key, language);
    if (code.empty() || text == key) return english;
    return core::fillIn(text, args);
}

std::string problemText(const core::Problem& problem, std::string_view language) {
    const std::string key = problem.key();
    const std::string& text = tr(key, language);
    if (text == key) return problem.english();
    return core::fillIn(text, problem.values());
}

}  // namespace kiosk::i18n
