// The UI string table, read from gettext .po files with gettext's own reader (libgettextpo).
#include "kiosk/i18n/strings.hpp"

#include "kiosk/core/localized_text.hpp"
#include "kiosk/core/plural_rule.hpp"
#include "kiosk/core/utf8.hpp"

#include <fribidi.h>
#include <gettext-po.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <csetjmp>
#include <cstdlib>
#include <fstream>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>

namespace kiosk::i18n {

std::string_view problemDomain(TranslationProblem) { return "translations"; }

std::string_view problemName(TranslationProblem code) {
    switch (code) {
    case TranslationProblem::MissingFile: return "missing-file";
    case TranslationProblem::Unreadable: return "unreadable";
    case TranslationProblem::NoGerman: return "no-german";
    case TranslationProblem::Placeholders: return "placeholders";
    case TranslationProblem::PluralHeader: return "plural-header";
    case TranslationProblem::PluralForms: return "plural-forms";
    }
    return "unknown";
}

std::string_view problemEnglish(TranslationProblem code) {
    switch (code) {
    case TranslationProblem::MissingFile: return "{} is missing (named in LINGUAS)";
    case TranslationProblem::Unreadable: return "{} cannot be read; its language shows German";
    case TranslationProblem::NoGerman: return "no German translations ({})";
    case TranslationProblem::Placeholders:
        return "the {} translation of \"{}\" has other placeholders than the German text; it shows German";
    case TranslationProblem::PluralHeader:
        return "{} has no readable Plural-Forms header; its counts take the forms of German (n != 1)";
    case TranslationProblem::PluralForms:
        return "the {} translation of \"{}\" has {} plural forms, its language {}; it shows German";
    }
    return "the translations have a problem";
}

namespace {

using core::kReferenceLanguage;

struct Entry {
    std::string german;  // the msgid this translation was made for
    std::string text;
    std::vector<std::string> forms;  // with plural forms (msgstr[0..]): each; text is the first
};

struct Strings {
    std::vector<std::string> languages;
    // key -> language -> entry
    std::map<std::string, std::map<std::string, Entry, std::less<>>, std::less<>> table;
    std::map<std::string, bool, std::less<>> rightToLeft;
    std::map<std::string, core::PluralRule, std::less<>> plurals;  // from each .po file's Plural-Forms
};

Strings& strings() {
    static Strings loaded;
    return loaded;
}

std::once_flag g_defaultLoaded;
bool g_explicitlyLoaded = false;

// startLoadingUiStrings's thread, until a reader of the words has waited for it.
std::atomic<bool> g_loading{false};
std::mutex g_loadingLock;
std::future<void> g_loadingDone;

void waitForLoading() {
    std::lock_guard guard(g_loadingLock);
    if (g_loadingDone.valid()) g_loadingDone.get();
    g_loading.store(false, std::memory_order_release);
}

std::vector<core::Problem> readUiStrings(const std::filesystem::path& i18nDir);

const Strings& current() {
    waitForUiStrings();
    // Tests and command-line tasks that never call loadUiStrings get this build's translations.
    std::call_once(g_defaultLoaded, [] {
        if (g_explicitlyLoaded) return;
        for (const core::Problem& problem : readUiStrings(KIOSK_DEFAULT_I18N_DIR))
            spdlog::error("translations: {}", problem.logLine());
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

// The file's Plural-Forms rule; nothing without a readable one.
std::optional<core::PluralRule> pluralRule(po_file_t po) {
    const char* header = po_file_domain_header(po, nullptr);
    if (!header) return std::nullopt;
    char* value = po_header_field(header, "Plural-Forms");
    if (!value) return std::nullopt;
    auto rule = core::PluralRule::parse(value);
    std::free(value);
    return rule;
}

// A message with plural forms: every msgstr[i], none when one is empty (German: msgid, msgid_plural).
Entry pluralEntry(po_message_t message, const std::string& language) {
    Entry entry{po_message_msgid(message), {}, {}};
    for (int i = 0; const char* form = po_message_msgstr_plural(message, i); ++i) entry.forms.emplace_back(form);
    const bool empty = entry.forms.empty() ||
                       std::any_of(entry.forms.begin(), entry.forms.end(), [](const std::string& f) { return f.empty(); });
    if (empty && language == kReferenceLanguage) entry.forms = {entry.german, po_message_msgid_plural(message)};
    else if (empty) entry.forms.clear();
    if (!entry.forms.empty()) entry.text = entry.forms.front();
    return entry;
}

// Reads one .po file into `table` under `language`; its problem when it is broken, those it can
// live with in `problems`.
core::Result<void> readPo(const std::filesystem::path& file, const std::string& language, Strings& into,
                          std::vector<core::Problem>& problems) {
    std::string error;
    std::jmp_buf jump;
    g_poJump = &jump;
    g_poErrors = &error;
    const po_xerror_handler handler{poError, poError2};
    po_file_t po = readPoFile(file.c_str(), &handler, jump);
    g_poJump = nullptr;
    g_poErrors = nullptr;
    if (!po || !error.empty()) {  // like msgfmt: a file with errors is not used (its language shows German)
        if (po) po_file_free(po);
        return core::Problem(TranslationProblem::Unreadable, {file.string()}, error.empty() ? "cannot be read" : error);
    }
    const auto rule = pluralRule(po);
    if (rule) into.plurals[language] = *rule;
    bool plural = false;
    po_message_iterator_t it = po_message_iterator(po, nullptr);
    while (po_message_t message = po_next_message(it)) {
        const char* key = po_message_msgctxt(message);
        const char* german = po_message_msgid(message);
        const char* text = po_message_msgstr(message);
        if (!key || po_message_is_obsolete(message) || po_message_is_fuzzy(message)) continue;
        if (po_message_msgid_plural(message)) {
            plural = true;
            if (auto entry = pluralEntry(message, language); !entry.forms.empty())
                into.table[key][language] = std::move(entry);
            continue;
        }
        std::string value = text && *text ? text : (language == kReferenceLanguage ? german : "");
        if (value.empty()) continue;
        into.table[key][language] = Entry{german, std::move(value), {}};
    }
    po_message_iterator_free(it);
    po_file_free(po);
    if (plural && !rule) problems.emplace_back(TranslationProblem::PluralHeader, std::vector<std::string>{file.string()});
    return {};
}

// Drops each translation whose placeholders are not the German text's: it shows German instead.
void dropMismatchedPlaceholders(Strings& loaded, std::vector<core::Problem>& problems) {
    for (auto& [key, translations] : loaded.table) {
        const auto german = translations.find(kReferenceLanguage);
        if (german == translations.end()) continue;
        const std::vector<std::string> expected = core::placeholdersOf(german->second.text);
        auto matches = [&](const Entry& entry) {
            if (core::placeholdersOf(entry.text) != expected) return false;
            return std::all_of(entry.forms.begin(), entry.forms.end(),
                               [&](const std::string& form) { return core::placeholdersOf(form) == expected; });
        };
        for (auto it = translations.begin(); it != translations.end();) {
            if (const auto forms = it->second.forms.size(); forms > 0) {
                const auto rule = loaded.plurals.find(it->first);
                const int wanted = rule == loaded.plurals.end() ? core::PluralRule().forms() : rule->second.forms();
                if (static_cast<int>(forms) != wanted) {
                    problems.emplace_back(TranslationProblem::PluralForms,
                                          std::vector<std::string>{it->first, key, std::to_string(forms),
                                                                   std::to_string(wanted)});
                    it = it == german ? std::next(it) : translations.erase(it);
                    continue;
                }
            }
            if (it == german || matches(it->second)) {
                ++it;
                continue;
            }
            problems.emplace_back(TranslationProblem::Placeholders, std::vector<std::string>{it->first, key},
                                  "\"" + it->second.text + "\" for \"" + german->second.text + "\"");
            it = translations.erase(it);
        }
    }
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
        return (a == kReferenceLanguage) != (b == kReferenceLanguage) ? a == kReferenceLanguage : a < b;
    });
    return codes;
}

bool rightToLeftText(const std::string& utf8) {
    const std::u32string text = core::decodeUtf8(utf8);
    const auto length = static_cast<FriBidiStrIndex>(text.size());
    std::vector<FriBidiCharType> types(text.size() + 1);
    fribidi_get_bidi_types(reinterpret_cast<const FriBidiChar*>(text.data()), length, types.data());
    return fribidi_get_par_direction(types.data(), length) == FRIBIDI_PAR_RTL;
}

// loadUiStrings without waiting for a load on startLoadingUiStrings's thread: that thread's own.
std::vector<core::Problem> readUiStrings(const std::filesystem::path& i18nDir) {
    g_explicitlyLoaded = true;
    Strings loaded;
    std::vector<core::Problem> problems;
    for (const std::string& code : listedLanguages(i18nDir)) {
        const auto file = i18nDir / (code + ".po");
        if (!std::filesystem::exists(file)) {
            problems.emplace_back(TranslationProblem::MissingFile, std::vector<std::string>{file.string()});
            continue;
        }
        if (auto read = readPo(file, code, loaded, problems); !read) {
            problems.push_back(std::move(read).takeProblem());
            continue;
        }
        loaded.languages.push_back(code);
    }
    if (std::find(loaded.languages.begin(), loaded.languages.end(), kReferenceLanguage) == loaded.languages.end()) {
        problems.emplace_back(TranslationProblem::NoGerman, std::vector<std::string>{(i18nDir / "de.po").string()});
        if (loaded.languages.empty()) loaded.languages.emplace_back(kReferenceLanguage);
    }
    dropMismatchedPlaceholders(loaded, problems);
    for (const auto& code : loaded.languages) {
        auto name = loaded.table.find("language.self");  // the language's name for itself
        loaded.rightToLeft[code] = name != loaded.table.end() && name->second.count(code) &&
                                   rightToLeftText(name->second.at(code).text);
    }
    strings() = std::move(loaded);
    return problems;
}

}  // namespace

std::vector<core::Problem> loadUiStrings(const std::filesystem::path& i18nDir) {
    waitForUiStrings();  // never two loads at once: a load on startLoadingUiStrings's thread ends first
    return readUiStrings(i18nDir);
}

void startLoadingUiStrings(std::filesystem::path i18nDir) {
    std::lock_guard guard(g_loadingLock);
    if (g_loadingDone.valid()) g_loadingDone.get();  // one load at a time
    g_explicitlyLoaded = true;  // the build's own words are never read meanwhile
    g_loadingDone = std::async(std::launch::async, [dir = std::move(i18nDir)] {
        try {
            for (const core::Problem& problem : readUiStrings(dir)) spdlog::error("translations: {}", problem.logLine());
        } catch (const std::exception& e) {  // the words stay German's (or the keys); the kiosk still starts
            spdlog::error("translations: cannot read {}: {}", dir.string(), e.what());
        }
    });
    g_loading.store(true, std::memory_order_release);
}

void waitForUiStrings() {
    if (g_loading.load(std::memory_order_acquire)) waitForLoading();
}

std::vector<std::string> listedUiLanguages(const std::filesystem::path& i18nDir) {
    std::vector<std::string> present;
    for (std::string& code : listedLanguages(i18nDir))
        if (std::error_code error; std::filesystem::is_regular_file(i18nDir / (code + ".po"), error))
            present.push_back(std::move(code));
    return present;
}

std::vector<core::Problem> addUiStrings(const std::filesystem::path& i18nDir) {
    current();  // the kiosk's words first
    Strings added;
    std::vector<core::Problem> problems;
    for (const std::string& code : listedLanguages(i18nDir)) {
        const auto file = i18nDir / (code + ".po");
        if (!std::filesystem::exists(file))
            problems.emplace_back(TranslationProblem::MissingFile, std::vector<std::string>{file.string()});
        else if (auto read = readPo(file, code, added, problems); !read)
            problems.push_back(std::move(read).takeProblem());
    }
    dropMismatchedPlaceholders(added, problems);
    for (auto& [key, translations] : added.table) strings().table[key] = std::move(translations);
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
    if (auto it = entry->second.find(kReferenceLanguage); it != entry->second.end()) return it->second.text;
    return entry->second.begin()->second.text;
}

const std::string& trn(std::string_view key, std::string_view language, std::uint64_t n) {
    const Strings& s = current();
    auto entry = s.table.find(key);
    if (entry == s.table.end()) return tr(key, language);
    auto form = [&](std::string_view code) -> const std::string* {
        auto it = entry->second.find(code);
        if (it == entry->second.end() || it->second.forms.empty()) return nullptr;
        auto rule = s.plurals.find(code);
        const int index = rule == s.plurals.end() ? core::PluralRule().formFor(n) : rule->second.formFor(n);
        return index < static_cast<int>(it->second.forms.size()) ? &it->second.forms[static_cast<size_t>(index)] : nullptr;
    };
    if (const std::string* text = form(language)) return *text;
    if (entry->second.count(language)) return tr(key, language);  // a text without plural forms
    if (const std::string* text = form(kReferenceLanguage)) return *text;
    return tr(key, language);
}

std::string countText(std::string_view key, std::string_view language, std::uint64_t n) {
    return core::fillIn(trn(key, language, n), {std::to_string(n)});
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
        for (const auto& [language, entry] : translations) {
            visit(entry.text);
            for (const std::string& form : entry.forms) visit(form);
        }
}

std::vector<std::string> untranslatedKeys(std::string_view language) {
    std::vector<std::string> keys;
    for (const auto& [key, translations] : current().table) {
        auto german = translations.find(kReferenceLanguage);
        if (german == translations.end()) continue;  // not a key of the reference: nothing to translate
        auto it = translations.find(language);
        if (it == translations.end() || it->second.german != german->second.german) keys.push_back(key);
    }
    return keys;
}

core::HoursWords hoursWords(std::string_view language) {
    core::HoursWords words;
    for (size_t day = 0; day < words.days.size(); ++day) words.days[day] = tr("day." + std::to_string(day), language);
    words.closed = tr("hours.closed", language);
    words.always = tr("hours.always", language);
    words.holidaysClosed = tr("hours.holidays_closed", language);
    words.ask = tr("hours.ask_short", language);
    core::ExceptionWords& exceptions = words.exceptions;
    exceptions.days = words.days;
    exceptions.nthInMonth = tr("hours.nth_in_month", language);
    for (size_t n = 0; n < exceptions.ordinals.size(); ++n) {
        exceptions.ordinals[n] = tr("hours.nth." + std::to_string(n + 1), language);
        exceptions.fromTheEnd[n] = tr("hours.nth_last." + std::to_string(n + 1), language);
    }
    exceptions.andWord = tr("hours.and", language);
    exceptions.publicHolidays = tr("hours.public_holidays", language);
    exceptions.dayAfterPublicHolidays = tr("hours.day_after_public_holidays", language);
    exceptions.dayBeforePublicHolidays = tr("hours.day_before_public_holidays", language);
    exceptions.schoolHolidays = tr("hours.school_holidays", language);
    exceptions.easterSunday = tr("hours.easter_sunday", language);
    exceptions.closed = words.closed;
    exceptions.open = tr("hours.open", language);
    exceptions.ask = words.ask;
    return words;
}

std::string problemText(const core::Problem& problem, std::string_view language) {
    const std::string key = problem.key();
    std::uint64_t count = 2;  // without a number: the form "2" takes, the plural
    for (const std::string& value : problem.values())
        if (!value.empty() && value.size() < 19 && value.find_first_not_of("0123456789") == std::string::npos) {
            count = std::stoull(value);
            break;
        }
    const std::string& text = trn(key, language, count);
    if (text == key) return problem.english();
    return core::fillIn(text, problem.values());
}

}  // namespace kiosk::i18n
