// Turns the YAML content source into a catalog, refusing anything a family should not see.
#include "kiosk/content/source_loader.hpp"

#include "kiosk/content/phase_timer.hpp"
#include "kiosk/content/yaml_parts.hpp"
#include "kiosk/content/yaml_tree.hpp"
#include "kiosk/core/utf8.hpp"
#include "kiosk/core/public_url.hpp"
#include "kiosk/picture/picture.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <ctime>
#include <fmt/format.h>
#include <set>
#include <unordered_set>

namespace kiosk::content {

std::string ContentError::toString() const {
    std::string text = file;
    if (!entry.empty()) text += ": " + entry;
    if (!field.empty()) text += ": field '" + field + "'";
    return text + ": " + message;
}

std::string describe(const std::vector<ContentError>& errors) {
    std::string text;
    for (const ContentError& error : errors) text += error.toString() + "\n";
    return text;
}

namespace {

using core::LocalizedText;

inline constexpr size_t kMaxIdLength = 80;  // ids are in URLs, file names and QR codes

bool isValidId(const std::string& id) {
    return !id.empty() && id.size() <= kMaxIdLength && std::all_of(id.begin(), id.end(), [](unsigned char c) {
        return std::islower(c) || std::isdigit(c) || c == '-';
    });
}

bool isLanguageCode(const std::string& code) {
    return code.size() == 2 && std::islower(static_cast<unsigned char>(code[0])) &&
           std::islower(static_cast<unsigned char>(code[1]));
}

inline constexpr size_t kMaxUrlLength = 500;

bool isWebAddress(const std::string& url) {
    std::string_view rest;
    if (url.starts_with("https://"))
        rest = std::string_view(url).substr(8);
    else if (url.starts_with("http://"))
        rest = std::string_view(url).substr(7);
    else
        return false;
    if (url.size() > kMaxUrlLength) return false;  // a QR code of it would be too dense to scan
    std::string_view host = rest.substr(0, rest.find_first_of("/?#"));
    // "https://www.arbeitsagentur.de@evil.example/" leads to evil.example: no user part, ever.
    if (host.find('@') != std::string_view::npos) return false;
    bool printable = std::all_of(url.begin(), url.end(), [](unsigned char c) { return c > 0x20 && c != 0x7f; });
    return printable && host.find('.') != std::string_view::npos && !host.starts_with('.') && !host.ends_with('.');
}

bool isPhoneNumber(const std::string& phone) {
    int digits = 0;
    for (unsigned char c : phone) {
        if (std::isdigit(c))
            ++digits;
        else if (!std::strchr(" +-/()", c))
            return false;
    }
    return digits >= 3;
}

bool isEmail(const std::string& email) {
    auto at = email.find('@');
    return at != std::string::npos && at > 0 && email.find('.', at) != std::string::npos &&
           email.find(' ') == std::string::npos;
}

// Why a sound file path cannot be used, or empty when it can.
std::string audioPathProblem(const std::string& path) {
    if (path.empty()) return {};  // no file in that language, as with an empty text
    const std::filesystem::path file(path);
    if (file.is_absolute() || path.front() == '\\')
        return "must be a path inside the content folder, e.g. audio/de/kindergeld.ogg (not starting with /)";
    for (const auto& part : file)
        if (part == "..") return "must not leave the content folder ('..')";
    std::string extension = file.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (extension != ".ogg" && extension != ".opus" && extension != ".wav")
        return "must be an .ogg, .opus or .wav file";
    return {};
}

// Reads the fields of one entry, collecting every problem instead of stopping at the first.
class EntryReader {
public:
    EntryReader(std::vector<ContentError>& errors, std::string file, std::string entry, YamlNode node,
                const std::set<std::string>& allowed, std::string prefix = {})
        : m_errors(errors), m_file(std::move(file)), m_entry(std::move(entry)), m_node(node),
          m_prefix(std::move(prefix)) {
        if (!node.isMap()) {
            fail("", "must be a list of fields (key: value)");
            return;
        }
        if (auto problem = keyProblem(node, m_file)) {
            const std::string line = problem->values().at(1);
            if (problem->is(YamlProblem::ComplexKey))
                fail("", "a field name has the wrong form (line " + line + "): a plain word, not a list or a map");
            else
                fail(problem->values().at(2), "is written twice (line " + line + "): the second would be lost");
        }
        for (const YamlEntry item : node.entries()) {
            if (!item.first.isScalar()) continue;  // reported above
            const std::string key(item.first.scalar());
            if (!allowed.count(key)) fail(key, "unknown field (check the spelling)");
        }
    }

    void fail(const std::string& field, std::string message) {
        m_errors.push_back({m_file, m_entry, field.empty() ? field : m_prefix + field, std::move(message)});
    }

    bool has(const char* field) const {
        const YamlNode value = m_node[field];
        return value && !value.isNull();
    }

    std::string text(const char* field, bool required) {
        if (!has(field)) {
            if (required) fail(field, "is missing");
            return {};
        }
        const YamlNode value = m_node[field];
        if (!value.isScalar()) {
            fail(field, "must be a single value");
            return {};
        }
        auto result = value.text();
        if (required && result.empty()) fail(field, "is empty");
        checkCharacters(field, result, core::LineBreaks::Refused);
        return result;
    }

    // A control character (a NUL from a "\0" escape, a tab, an escape) is never meant and breaks
    // the fonts' glyph lookup; line breaks only where a text has paragraphs.
    void checkCharacters(const std::string& field, const std::string& value, core::LineBreaks lineBreaks) {
        if (auto at = core::findControlCharacter(value, lineBreaks))
            fail(field, fmt::format("has an invisible control character (byte {} of the text): retype it", *at + 1));
    }

    // A translatable text: either a plain string (German) or a map of language code to text.
    LocalizedText localized(const char* field, bool required) {
        LocalizedText result;
        if (!has(field)) {
            if (required) fail(field, "is missing (German text required)");
            return result;
        }
        const YamlNode value = m_node[field];
        if (value.isScalar()) {
            result.set(std::string(core::kReferenceLanguage), value.text());
            checkCharacters(field, result.get(core::kReferenceLanguage), core::LineBreaks::Allowed);
        } else if (value.isMap()) {
            for (const YamlEntry item : value.entries()) {
                auto code = item.first.text();
                if (!isLanguageCode(code)) {
                    fail(field, fmt::format("'{}' is not a two-letter language code", code));
                    continue;
                }
                if (!item.second.isScalar()) {
                    fail(field, fmt::format("the '{}' text must be a single value", code));
                    continue;
                }
                result.set(code, item.second.text());
                checkCharacters(field, result.get(code), core::LineBreaks::Allowed);
            }
        } else {
            fail(field, "must be a text or a list of translations (de: ..., en: ...)");
            return result;
        }
        if (!result.has(core::kReferenceLanguage) && (required || !result.empty()))
            fail(field, "has no German text (de)");
        return result;
    }

    // Sound files per language, like a translatable text: paths relative to the content folder.
    // Whether a file exists is not checked: recordings may come later, and the kiosk then hides the button.
    LocalizedText audio(const char* field) {
        LocalizedText result = localized(field, false);
        for (const auto& [code, path] : result.values())
            if (auto problem = audioPathProblem(path); !problem.empty())
                fail(field, fmt::format("the '{}' file '{}' {}", code, path, problem));
        return result;
    }

    std::vector<std::string> list(const char* field, bool required) {
        std::vector<std::string> result;
        if (!has(field)) {
            if (required) fail(field, "is missing");
            return result;
        }
        const YamlNode value = m_node[field];
        if (!value.isSequence()) {
            fail(field, "must be a list, e.g. [a, b]");
            return result;
        }
        for (const YamlNode item : value.elements()) {
            if (item.isScalar()) result.push_back(item.text());
            else fail(field, "each element must be a single value");
        }
        if (required && result.empty()) fail(field, "must name at least one");
        return result;
    }

    bool flag(const char* field) {
        if (!has(field)) return false;
        if (const auto value = m_node[field].boolean()) return *value;
        fail(field, "must be true or false");
        return false;
    }

    std::vector<std::string> languages(const char* field) {
        auto codes = list(field, false);
        for (const auto& code : codes)
            if (!isLanguageCode(code)) fail(field, fmt::format("'{}' is not a two-letter language code", code));
        return codes;
    }

    std::string webAddress(const char* field, bool required) {
        auto url = text(field, required);
        if (!url.empty() && !isWebAddress(url))
            fail(field, fmt::format("'{}' is not a web address (must start with https://, name its host without a "
                                    "user part before '@', and have at most {} characters)",
                                    url.size() > 80 ? url.substr(0, 77) + "..." : url, kMaxUrlLength));
        return url;
    }

    std::optional<core::OpeningHours> openingHours(const char* field) {
        auto source = text(field, false);
        if (source.empty()) return std::nullopt;
        std::string error;
        auto hours = core::OpeningHours::parse(source, error);
        if (!hours) fail(field, fmt::format("'{}' is not valid opening hours: {}", source, error));
        return hours;
    }

    // school_holidays: a list of {name, from, to} with ISO dates ("2026-10-26").
    std::vector<core::SchoolHoliday> schoolHolidays(const char* field) {
        std::vector<core::SchoolHoliday> result;
        if (!has(field)) return result;
        const YamlNode list = m_node[field];
        if (!list.isSequence()) {
            fail(field, "must be a list of holidays (name, from, to)");
            return result;
        }
        std::size_t number = 0;
        for (const YamlNode element : list.elements()) {
            const std::string where = fmt::format("{}[{}]", field, ++number);
            EntryReader inner(m_errors, m_file, m_entry, element, {"name", "from", "to"}, where + ".");
            core::SchoolHoliday holiday;
            holiday.name = inner.text("name", true);
            const auto from = core::parseIsoDate(inner.text("from", true));
            const auto to = core::parseIsoDate(inner.text("to", true));
            if (!from || !to) {
                fail(where, "needs 'from' and 'to' as dates like 2026-10-26");
                continue;
            }
            if (*to < *from) fail(where, "ends before it starts");
            holiday.first = *from;
            holiday.last = *to;
            result.push_back(std::move(holiday));
        }
        return result;
    }

    core::Address address(bool required) {
        core::Address result;
        if (!has("address")) {
            if (required) fail("address", "is missing");
            return result;
        }
        const YamlNode node = m_node["address"];
        EntryReader inner(m_errors, m_file, m_entry, node, {"street", "postal_code", "municipality"}, "address.");
        result.street = inner.text("street", true);
        result.postalCode = inner.text("postal_code", true);
        result.municipality = inner.text("municipality", true);
        bool fiveDigits = result.postalCode.size() == 5 &&
                          std::all_of(result.postalCode.begin(), result.postalCode.end(),
                                      [](unsigned char c) { return std::isdigit(c); });
        if (!result.postalCode.empty() && !fiveDigits)
            fail("address.postal_code", fmt::format("'{}' is not a German postal code (5 digits)", result.postalCode));
        return result;
    }

    std::optional<core::GeoPoint> location(bool required) {
        if (!has("location")) {
            if (required) fail("location", "is missing ([latitude, longitude])");
            return std::nullopt;
        }
        const YamlNode node = m_node["location"];
        const bool pair = node.isSequence() && node.size() == 2;
        const auto latitude = pair ? node[std::size_t{0}].number() : std::nullopt;
        const auto longitude = pair ? node[std::size_t{1}].number() : std::nullopt;
        if (latitude && longitude) {
            core::GeoPoint point{*latitude, *longitude};
            if (!std::isfinite(point.latitude) || !std::isfinite(point.longitude))
                fail("location", "must be two numbers [latitude, longitude], not .nan or .inf");
            else if (point.latitude < -90 || point.latitude > 90 || point.longitude < -180 || point.longitude > 180)
                fail("location", "latitude or longitude out of range");
            // The map shows the district: a place far outside is a typo or latitude and longitude swapped.
            else if (point.latitude < 48.45 || point.latitude > 48.90 || point.longitude < 9.05 ||
                     point.longitude > 9.75)
                fail("location", fmt::format("[{}, {}] is outside the district of Esslingen (about [48.5 to 48.8, "
                                             "9.1 to 9.7]): check the numbers and their order [latitude, longitude]",
                                             point.latitude, point.longitude));
            return point;
        }
        fail("location", "must be [latitude, longitude] in degrees, e.g. [48.7406, 9.3108]");
        return std::nullopt;
    }

    std::vector<std::pair<std::string, std::vector<std::string>>> keywords(const char* field) {
        std::vector<std::pair<std::string, std::vector<std::string>>> result;
        if (!has(field)) return result;
        const YamlNode node = m_node[field];
        if (!node.isMap()) {
            fail(field, "must list words per language (de: [Geld, Zuschuss])");
            return result;
        }
        for (const YamlEntry item : node.entries()) {
            auto code = item.first.text();
            std::vector<std::string> words;
            if (!isLanguageCode(code) || !item.second.isSequence()) {
                fail(field, fmt::format("'{}' must be a language code with a list of words", code));
                continue;
            }
            for (const YamlNode word : item.second.elements()) {
                if (word.isScalar()) words.push_back(word.text());
                else fail(field, fmt::format("each '{}' keyword must be a single word or phrase", code));
            }
            result.emplace_back(code, std::move(words));
        }
        return result;
    }

    // Fields of work: a list of the ids in core::fieldsOfWork().
    std::vector<std::string> fields(const char* field, bool required) {
        auto ids = list(field, required);
        for (const auto& id : ids)
            if (!core::isFieldOfWork(id)) fail(field, fmt::format("unknown field of work '{}' (one of {})", id, fieldNames()));
        return ids;
    }

    static std::string fieldNames() {
        std::string names;
        for (const auto& id : core::fieldsOfWork()) names += (names.empty() ? "" : ", ") + id;
        return names;
    }

    // A contact: {name, phone, email}, at least one of them.
    core::ContactPerson contact(const char* field, bool required) {
        core::ContactPerson result;
        if (!has(field)) {
            if (required) fail(field, "is missing (name, phone, email)");
            return result;
        }
        EntryReader inner(m_errors, m_file, m_entry, m_node[field], {"name", "phone", "email"}, std::string(field) + ".");
        result.name = inner.text("name", false);
        result.phone = inner.text("phone", false);
        result.email = inner.text("email", false);
        inner.checkPhoneAndEmail(result.phone, result.email);
        if (result.empty() && m_node[field].isMap()) fail(field, "needs a name, a phone number or an email address");
        return result;
    }

    void checkPhoneAndEmail(const std::string& phone, const std::string& email) {
        if (!phone.empty() && !isPhoneNumber(phone)) fail("phone", fmt::format("'{}' is not a phone number", phone));
        if (!email.empty() && !isEmail(email)) fail("email", fmt::format("'{}' is not an email address", email));
    }

    // A local date and time, "2027-01-20T14:00" (a space instead of the T is fine).
    std::optional<core::LocalDateTime> dateTime(const char* field, bool required) {
        const std::string value = text(field, required);
        if (value.empty()) return std::nullopt;
        auto parsed = core::parseIsoDateTime(value);
        if (!parsed) fail(field, fmt::format("'{}' is not a local date and time like 2027-01-20T14:00", value));
        return parsed;
    }

    std::optional<core::Date> date(const char* field) {
        const std::string value = text(field, false);
        if (value.empty()) return std::nullopt;
        auto parsed = core::parseIsoDate(value);
        if (!parsed) fail(field, fmt::format("'{}' is not a date like 2023-09-01", value));
        return parsed;
    }

    // A picture inside the content folder (.png or .jpg).
    std::string image(const char* field) {
        const std::string path = text(field, false);
        if (path.empty()) return path;
        const std::filesystem::path file(path);
        bool inside = !file.is_absolute() && path.front() != '\\';
        for (const auto& part : file) inside = inside && part != "..";
        std::string extension = file.extension().string();
        std::transform(extension.begin(), extension.end(), extension.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (!inside) fail(field, fmt::format("'{}' must be a path inside the content folder, e.g. images/lesepaten.jpg", path));
        else if (extension != ".png" && extension != ".jpg" && extension != ".jpeg")
            fail(field, fmt::format("'{}' must be a .png or .jpg file", path));
        else return path;
        return {};
    }

    // A picture's file and its words: the file must be a PNG or JPEG within picture::kMaxBytes and
    // kMaxSide (decoded whole, so a damaged one is found here and not on the screen), and the words
    // (`alt`) must say what it shows. A file not there (yet) is a warning (pictureWarnings), as for sound.
    void checkPicture(const std::filesystem::path& folder, const std::string& path, const char* field,
                      const LocalizedText& alt, const char* altField) {
        if (path.empty()) {
            if (!alt.empty() && !has(field)) fail(altField, fmt::format("describes a picture, but there is no '{}'", field));
            return;
        }
        std::error_code missing;
        if (!std::filesystem::exists(folder / path, missing)) {
        } else if (auto decoded = picture::readPicture(folder / path, path); !decoded) {
            fail(field, decoded.problem().english());
        }
        if (alt.get(core::kReferenceLanguage).empty())
            fail(altField, "is missing: with a picture, say in a few words what it shows (German required)");
    }

    // How to register: {phone, email, url}; none of them is a warning (professionalWarnings), not an error.
    core::Registration registration(const char* field) {
        core::Registration result;
        if (!has(field)) return result;
        EntryReader inner(m_errors, m_file, m_entry, m_node[field], {"phone", "email", "url"}, std::string(field) + ".");
        result.phone = inner.text("phone", false);
        result.email = inner.text("email", false);
        result.url = inner.webAddress("url", false);
        inner.checkPhoneAndEmail(result.phone, result.email);
        return result;
    }

    // Where an event is: `online`, a provider's id, or an address {street, postal_code, municipality}.
    core::EventPlace eventPlace(const core::Catalog& catalog) {
        core::EventPlace place;
        if (!has("place")) {
            fail("place", "is missing (a provider's id, an address, or online)");
            return place;
        }
        const YamlNode node = m_node["place"];
        if (node.isScalar()) {
            const std::string value = node.text();
            if (value == "online") place.online = true;
            else if (catalog.provider(value)) place.provider = value;
            else fail("place", fmt::format("unknown provider '{}' (a provider's id, an address, or online)", value));
            return place;
        }
        const core::Address address = addressAt("place");
        place.street = address.street;
        place.postalCode = address.postalCode;
        place.municipality = address.municipality;
        return place;
    }

    // An address under another name than `address` (an event's place).
    core::Address addressAt(const char* field) {
        EntryReader inner(m_errors, m_file, m_entry, m_node[field], {"street", "postal_code", "municipality"},
                          std::string(field) + ".");
        core::Address result;
        result.street = inner.text("street", true);
        result.postalCode = inner.text("postal_code", true);
        result.municipality = inner.text("municipality", true);
        return result;
    }

private:
    std::vector<ContentError>& m_errors;
    std::string m_file;
    std::string m_entry;
    YamlNode m_node;
    std::string m_prefix;  // "address." for the fields of a nested map
};

// A file's problem as the content check reports it: the file by its name, the line as the entry.
ContentError yamlError(const std::string& file, const core::Problem& problem) {
    const auto& values = problem.values();
    const bool hasLine = !problem.is(YamlProblem::Missing) && !problem.is(YamlProblem::NotAFile) &&
                         !problem.is(YamlProblem::TooLarge) && !problem.is(YamlProblem::Unreadable) &&
                         values.size() > 1;
    std::string entry = hasLine ? "line " + values[1] : std::string();
    std::string message = problem.english();
    const std::string prefix = values.at(0) + ": " + (hasLine ? entry + ": " : std::string());
    if (message.starts_with(prefix)) message.erase(0, prefix.size());
    return {file, entry, "", message};
}

using LoadedTree = core::Result<std::shared_ptr<const YamlTree>>;

// A content file's tree; nothing, with the problem reported, when it could not be read.
std::shared_ptr<const YamlTree> reported(const std::string& file, LoadedTree loaded, std::vector<ContentError>& errors) {
    if (!loaded) {
        errors.push_back(yamlError(file, loaded.problem()));
        return nullptr;
    }
    return std::move(*loaded);
}

// Reads a content file safely (see yaml_tree.hpp); nothing, with the problem reported, when it cannot.
std::shared_ptr<const YamlTree> readYaml(const std::filesystem::path& folder, const std::string& file,
                                         std::vector<ContentError>& errors) {
    return reported(file, loadYamlTree(folder / file), errors);
}

// The elements of a top-level list, read one after another (also from the parts of a file, in order):
// each is handed to `readEntry` with its id, checked to be there, valid and used once, and its name in errors.
class ListReader {
public:
    ListReader(std::string file, std::vector<ContentError>& errors, std::string kind)
        : m_file(std::move(file)), m_errors(errors), m_kind(std::move(kind)) {}

    template <typename ReadEntry>
    void read(YamlNode list, ReadEntry& readEntry) {
        for (const YamlNode node : list.elements()) {
            ++m_index;
            const YamlNode idNode = node["id"];
            std::string id = idNode.isScalar() ? idNode.text() : "";
            std::string entry = id.empty() ? fmt::format("entry {}", m_index) : fmt::format("{} '{}'", m_kind, id);
            if (id.empty())
                m_errors.push_back({m_file, entry, "id", "is missing"});
            else if (!isValidId(id))
                m_errors.push_back({m_file, id.size() > kMaxIdLength ? fmt::format("entry {}", m_index) : entry, "id",
                                    fmt::format("may only use a-z, 0-9 and '-', at most {} of them", kMaxIdLength)});
            else if (!m_seen.insert(id).second)
                m_errors.push_back({m_file, entry, "id", "is used twice"});
            try {
                readEntry(node, id, entry);
            } catch (const YamlShapeError& e) {  // a value of a shape no check above expected
                m_errors.push_back(
                    {m_file, entry, "", fmt::format("line {}: a value has the wrong form: {}", e.line(), e.what())});
            }
        }
    }

private:
    std::string m_file;
    std::vector<ContentError>& m_errors;
    std::string m_kind;
    std::set<std::string> m_seen;
    int m_index = 0;
};

// Reads a top-level list file (`loaded`, nothing when it could not be read); each element is handed to `readEntry`.
template <typename ReadEntry>
void readList(const std::shared_ptr<const YamlTree>& loaded, const std::string& file, std::vector<ContentError>& errors,
              const std::string& kind, ReadEntry readEntry) {
    if (!loaded) return;
    const YamlNode root = loaded->root();
    if (!root.isSequence()) {
        errors.push_back({file, "", "", "must be a list of entries, each starting with '- id: ...'"});
        return;
    }
    ListReader(file, errors, kind).read(root, readEntry);
}

// readList of a file parsed in parts (ParallelYamlList), each part read as soon as it is parsed, so that
// checking overlaps parsing. False, with `errors` as they were and nothing read, when a part does not
// parse alone or is not a list: then the caller reads the whole file (its problem or list as one).
template <typename ReadEntry>
bool readListInParts(ParallelYamlList& parts, const std::string& file, std::vector<ContentError>& errors,
                     const std::string& kind, ReadEntry readEntry) {
    const auto count = parts.parts();
    if (!count) {
        errors.push_back(yamlError(file, count.problem()));
        return true;
    }
    const std::size_t errorsBefore = errors.size();
    ListReader reader(file, errors, kind);
    for (std::size_t i = 0; i < *count; ++i) {
        const auto part = parts.take(i);
        if (!part || !(*part)->root().isSequence()) {
            errors.resize(errorsBefore);
            return false;
        }
        reader.read((*part)->root(), readEntry);
    }
    return true;
}

// synonyms.yaml (optional): per language, a word and the words a search for it also finds.
void readSynonyms(const std::filesystem::path& folder, std::vector<ContentError>& errors, core::Catalog& catalog) {
    const std::string file = "synonyms.yaml";
    if (!std::filesystem::exists(folder / file)) return;
    auto loaded = readYaml(folder, file, errors);
    if (!loaded) return;
    const YamlNode root = loaded->root();
    if (root.isNull()) return;
    const std::string example = "must list words per language, e.g. de: {Geld: [Kindergeld, Wohngeld]}";
    if (!root.isMap()) {
        errors.push_back({file, "", "", example});
        return;
    }
    for (const YamlEntry language : root.entries()) {
        const std::string code = language.first.isScalar() ? language.first.text() : "";
        if (!isLanguageCode(code) || !language.second.isMap()) {
            errors.push_back({file, fmt::format("'{}'", code), "", example});
            continue;
        }
        std::set<std::string> seen;
        for (const YamlEntry entry : language.second.entries()) {
            const std::string word = entry.first.isScalar() ? entry.first.text() : "";
            const std::string where = fmt::format("{}: '{}'", code, word);
            if (word.empty()) {
                errors.push_back({file, code, "", "a word is empty"});
                continue;
            }
            if (!seen.insert(word).second) {
                errors.push_back({file, where, "", "is used twice"});
                continue;
            }
            core::Synonym synonym{code, word, {}};
            if (entry.second.isSequence())
                for (const YamlNode also : entry.second.elements())
                    if (also.isScalar() && !also.scalar().empty()) synonym.alsoFinds.push_back(also.text());
            if (!entry.second.isSequence() || synonym.alsoFinds.size() != entry.second.size() ||
                synonym.alsoFinds.empty()) {
                errors.push_back({file, where, "",
                                  fmt::format("must be a list of words or phrases, e.g. {}: [Kindergeld, Wohngeld]", word)});
                continue;
            }
            catalog.synonyms.push_back(std::move(synonym));
        }
    }
}

// The providers an entry names, each checked.
std::vector<std::string> providerList(EntryReader& r, const core::Catalog& catalog, const char* field) {
    auto ids = r.list(field, false);
    for (const auto& id : ids)
        if (!catalog.provider(id)) r.fail(field, fmt::format("unknown provider '{}'", id));
    return ids;
}

// practices.yaml, events.yaml and working_groups.yaml (each optional): the network's side for professionals.
void readProfessionals(const std::filesystem::path& folder, std::vector<ContentError>& errors, core::Catalog& catalog) {
    auto optional = [&](const std::string& file) { return std::filesystem::exists(folder / file); };
    if (optional("practices.yaml"))
        readList(readYaml(folder, "practices.yaml", errors), "practices.yaml", errors, "practice", [&](YamlNode node, const std::string& id, const std::string& entry) {
            EntryReader r(errors, "practices.yaml", entry, node,
                          {"id", "title", "summary", "description", "fields", "municipality", "providers", "contact",
                           "since", "status", "image", "image_alt", "audio", "sample"});
            core::Practice p;
            p.id = id;
            p.title = r.localized("title", true);
            p.summary = r.localized("summary", true);
            p.description = r.localized("description", false);
            p.fields = r.fields("fields", true);
            p.municipality = r.text("municipality", false);
            p.providers = providerList(r, catalog, "providers");
            p.contact = r.contact("contact", true);
            p.started = r.date("since");
            p.status = r.localized("status", false);
            p.image = r.image("image");
            p.imageAlt = r.localized("image_alt", false);
            r.checkPicture(folder, p.image, "image", p.imageAlt, "image_alt");
            p.audio = r.audio("audio");
            p.sample = r.flag("sample");
            catalog.practices.push_back(std::move(p));
        });
    if (optional("events.yaml"))
        readList(readYaml(folder, "events.yaml", errors), "events.yaml", errors, "event", [&](YamlNode node, const std::string& id, const std::string& entry) {
            EntryReader r(errors, "events.yaml", entry, node,
                          {"id", "title", "description", "start", "end", "place", "audience", "cost", "register",
                           "capacity", "sample"});
            core::Event e;
            e.id = id;
            e.title = r.localized("title", true);
            e.description = r.localized("description", false);
            const auto start = r.dateTime("start", true);
            const auto end = r.dateTime("end", true);
            if (start && end && *end < *start)
                r.fail("end", fmt::format("{} is before the start {}", core::isoDateTime(*end), core::isoDateTime(*start)));
            if (start) e.start = *start;
            if (end) e.end = *end;
            e.place = r.eventPlace(catalog);
            e.audience = r.localized("audience", false);
            e.cost = r.localized("cost", false);
            e.registration = r.registration("register");
            e.capacity = r.localized("capacity", false);
            e.sample = r.flag("sample");
            catalog.events.push_back(std::move(e));
        });
    if (optional("working_groups.yaml"))
        readList(readYaml(folder, "working_groups.yaml", errors), "working_groups.yaml", errors, "working group", [&](YamlNode node, const std::string& id, const std::string& entry) {
            EntryReader r(errors, "working_groups.yaml", entry, node,
                          {"id", "title", "purpose", "fields", "meets", "contact", "join", "sample"});
            core::WorkingGroup g;
            g.id = id;
            g.title = r.localized("title", true);
            g.purpose = r.localized("purpose", true);
            g.fields = r.fields("fields", false);
            g.meets = r.localized("meets", false);
            g.contact = r.contact("contact", true);
            g.join = r.localized("join", false);
            g.sample = r.flag("sample");
            catalog.workingGroups.push_back(std::move(g));
        });
}

// offers.yaml, its parts read as they are parsed (see readListInParts), after the files it refers to.
void readOffers(ParallelYamlList& offersParts, std::vector<ContentError>& errors, core::Catalog& catalog) {
    std::unordered_set<std::string_view> providerIds;  // 6,678 providers at 10,000 offers: not searched one by one
    for (const auto& provider : catalog.providers) providerIds.insert(provider.id);
    auto readOffer = [&](YamlNode node, const std::string& id, const std::string& entry) {
        EntryReader r(errors, "offers.yaml", entry, node,
                      {"id", "title", "summary", "description", "life_stages", "topics", "provider", "cost",
                       "eligibility", "url", "languages", "keywords", "audio", "sample"});
        core::Offer o;
        o.id = id;
        o.title = r.localized("title", true);
        o.summary = r.localized("summary", true);
        o.description = r.localized("description", false);
        o.lifeStages = r.list("life_stages", true);
        for (const auto& stage : o.lifeStages)
            if (!catalog.lifeStage(stage)) r.fail("life_stages", fmt::format("unknown life stage '{}'", stage));
        o.topics = r.list("topics", true);
        for (const auto& topic : o.topics)
            if (!catalog.topic(topic)) r.fail("topics", fmt::format("unknown topic '{}'", topic));
        o.providerId = r.text("provider", true);
        if (!o.providerId.empty() && !providerIds.contains(o.providerId))
            r.fail("provider", fmt::format("unknown provider '{}'", o.providerId));
        o.cost = r.localized("cost", false);
        o.eligibility = r.localized("eligibility", false);
        o.url = r.webAddress("url", true);
        o.languages = r.languages("languages");
        o.keywords = r.keywords("keywords");
        o.audio = r.audio("audio");
        o.sample = r.flag("sample");
        catalog.offers.push_back(std::move(o));
    };
    if (!readListInParts(offersParts, "offers.yaml", errors, "offer", readOffer)) {
        catalog.offers.clear();  // read again from the whole file, which says where it is wrong
        readList(reported("offers.yaml", offersParts.whole(), errors), "offers.yaml", errors, "offer", readOffer);
    }

}

}  // namespace

std::vector<ContentError> professionalWarnings(const core::Catalog& catalog) {
    std::vector<ContentError> warnings;
    for (const auto& event : catalog.events)
        if (event.registration.empty())
            warnings.push_back({"events.yaml", fmt::format("event '{}'", event.id), "register",
                                "warning: no way to register (phone, email or url): the kiosk shows no QR code for it"});
    return warnings;
}

std::vector<ContentError> pictureWarnings(const core::Catalog& catalog, const std::filesystem::path& folder) {
    std::vector<ContentError> warnings;
    std::error_code error;
    for (const auto& practice : catalog.practices)
        if (!practice.image.empty() && !std::filesystem::exists(folder / practice.image, error))
            warnings.push_back({"practices.yaml", fmt::format("practice '{}'", practice.id), "image",
                                fmt::format("warning: the picture '{}' is not there: the kiosk and the website show none",
                                            practice.image)});
    return warnings;
}

const std::vector<std::string>& optionalSourceFiles() {
    static const std::vector<std::string> files{"synonyms.yaml", "practices.yaml", "events.yaml", "working_groups.yaml"};
    return files;
}

const std::vector<std::string>& sourceFiles() {
    static const std::vector<std::string> files{"network.yaml", "life_stages.yaml", "topics.yaml", "providers.yaml",
                                                "offers.yaml"};
    return files;
}

SourceResult loadSource(const std::filesystem::path& folder) {
    SourceResult result;
    auto& errors = result.errors;
    auto& catalog = result.catalog;

    if (!std::filesystem::is_directory(folder)) {
        errors.push_back({folder.string(), "", "", "is not a content folder"});
        return result;
    }

    // offers.yaml is most of the content (54 MB for 10,000 offers in six languages): parsed in parts on a
    // second core while the other files are read, its parts then checked here as they are parsed.
    PhaseTimer small("parse and check the other files");
    ParallelYamlList offersParts(folder / "offers.yaml");

    // network.yaml: one map, not a list.
    if (auto loaded = readYaml(folder, "network.yaml", errors)) try {
        const YamlNode node = loaded->root();
        EntryReader r(errors, "network.yaml", "", node,
                      {"name", "description", "organisation", "address", "phone", "fax", "website", "opening_hours",
                       "audio", "school_holidays", "site_base_url"});
        auto& n = catalog.network;
        n.name = r.localized("name", true);
        n.description = r.localized("description", false);
        n.organisation = r.localized("organisation", false);
        n.address = r.address(false);
        n.phone = r.text("phone", true);
        n.fax = r.text("fax", false);
        n.website = r.webAddress("website", false);
        n.hours = r.openingHours("opening_hours");
        n.audio = r.audio("audio");
        n.schoolHolidays = r.schoolHolidays("school_holidays");
        n.siteBaseUrl = r.text("site_base_url", false);
        if (!n.siteBaseUrl.empty() && !core::isSiteBaseUrl(n.siteBaseUrl))
            r.fail("site_base_url", fmt::format("'{}' is not an absolute https address of the website, e.g. "
                                                "https://familien.landkreis-esslingen.de/kiosk",
                                                n.siteBaseUrl));
        if (!n.phone.empty() && !isPhoneNumber(n.phone)) r.fail("phone", "is not a phone number");
    } catch (const YamlShapeError& e) {  // a value of a shape no check expected
        errors.push_back({"network.yaml", fmt::format("line {}", e.line()), "",
                          std::string("a value has the wrong form: ") + e.what()});
    }

    readList(readYaml(folder, "life_stages.yaml", errors), "life_stages.yaml", errors, "life stage", [&](YamlNode node, const std::string& id, const std::string& entry) {
        EntryReader r(errors, "life_stages.yaml", entry, node,
                      {"id", "icon", "title", "ages"});
        if (core::isReservedSiteName(id))
            r.fail("id", fmt::format("'{}' is a folder name of the website's addresses (angebote, stellen, "
                                     "hilfe-sofort, karte, suche, ueber-uns, fachkraefte): choose another id", id));
        catalog.lifeStages.push_back({id, r.text("icon", false), r.localized("title", true), r.localized("ages", false)});
    });

    readList(readYaml(folder, "topics.yaml", errors), "topics.yaml", errors, "topic", [&](YamlNode node, const std::string& id, const std::string& entry) {
        EntryReader r(errors, "topics.yaml", entry, node, {"id", "icon", "title", "emergency"});
        catalog.topics.push_back({id, r.text("icon", false), r.localized("title", true), r.flag("emergency")});
    });

    readList(readYaml(folder, "providers.yaml", errors), "providers.yaml", errors, "provider", [&](YamlNode node, const std::string& id, const std::string& entry) {
        EntryReader r(errors, "providers.yaml", entry, node,
                      {"id", "name", "description", "address", "location", "phone", "email", "website",
                       "opening_hours", "languages", "accessibility", "national", "network_member", "fields",
                       "sample"});
        core::Provider p;
        p.id = id;
        p.national = r.flag("national");
        p.name = r.localized("name", true);
        p.description = r.localized("description", false);
        p.address = r.address(!p.national);
        p.location = r.location(!p.national);
        p.phone = r.text("phone", false);
        if (!p.phone.empty() && !isPhoneNumber(p.phone))
            r.fail("phone", fmt::format("'{}' is not a phone number", p.phone));
        p.email = r.text("email", false);
        if (!p.email.empty() && !isEmail(p.email)) r.fail("email", fmt::format("'{}' is not an email address", p.email));
        p.website = r.webAddress("website", false);
        p.hours = r.openingHours("opening_hours");
        p.languages = r.languages("languages");
        p.accessibility = r.localized("accessibility", false);
        p.networkMember = r.flag("network_member");
        p.fields = r.fields("fields", false);
        p.sample = r.flag("sample");
        catalog.providers.push_back(std::move(p));
    });

    small.stop();
    PhaseTimer offersCheck("check offers (and parse parts of offers.yaml the 2nd thread has not begun)");
    readOffers(offersParts, errors, catalog);
    offersCheck.stop();
    PhaseTimer rest("parse and check synonyms and professionals");
    readSynonyms(folder, errors, catalog);
    readProfessionals(folder, errors, catalog);
    return result;
}

std::vector<ContentError> schoolHolidayWarnings(const core::Catalog& catalog, core::Date today) {
    std::vector<ContentError> warnings;
    const core::HolidayCalendar calendar(catalog.network.schoolHolidays);
    for (const int year : core::schoolYearsWithoutHolidays(calendar, today))
        warnings.push_back({"network.yaml", "", "school_holidays",
                            fmt::format("warning: no school holidays for the school year {}: opening hours with SH "
                                        "show \"please ask\" then (add the dates the ministry publishes)",
                                        core::schoolYearName(year))});
    return warnings;
}

core::Date localToday() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

}  // namespace kiosk::content
