// Schema, migrations and the mapping between catalog and tables; values are always bound.
#include "kiosk/content/database.hpp"

#include "kiosk/content/database_texts.hpp"
#include "kiosk/content/phase_timer.hpp"

#include "kiosk/files/durable_file.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <sqlite3.h>

#include <cerrno>
#include <fmt/format.h>
#include <initializer_list>
#include <map>
#include <set>
#include <future>
#include <optional>
#include <unordered_map>
#include <algorithm>
#include <stdexcept>

namespace kiosk::content {
namespace {

// One entry per schema version; step N takes a database from version N-1 to N.
constexpr const char* kMigrations[] = {
    // 1: the catalog
    R"sql(
    CREATE TABLE life_stage(id TEXT PRIMARY KEY, position INTEGER NOT NULL, icon TEXT NOT NULL);
    CREATE TABLE topic(id TEXT PRIMARY KEY, position INTEGER NOT NULL, icon TEXT NOT NULL,
                       emergency INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE provider(id TEXT PRIMARY KEY, position INTEGER NOT NULL, street TEXT, postal_code TEXT,
                          municipality TEXT, latitude REAL, longitude REAL, phone TEXT, email TEXT, website TEXT,
                          opening_hours TEXT, languages TEXT, national INTEGER NOT NULL DEFAULT 0,
                          sample INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE offer(id TEXT PRIMARY KEY, position INTEGER NOT NULL,
                       provider_id TEXT NOT NULL REFERENCES provider(id), url TEXT NOT NULL, languages TEXT,
                       sample INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE offer_life_stage(offer_id TEXT NOT NULL REFERENCES offer(id),
                                  life_stage_id TEXT NOT NULL REFERENCES life_stage(id),
                                  position INTEGER NOT NULL, PRIMARY KEY(offer_id, life_stage_id));
    CREATE TABLE offer_topic(offer_id TEXT NOT NULL REFERENCES offer(id), topic_id TEXT NOT NULL REFERENCES topic(id),
                             position INTEGER NOT NULL, PRIMARY KEY(offer_id, topic_id));
    CREATE TABLE network(key TEXT PRIMARY KEY, value TEXT NOT NULL);
    -- every translatable field of every entity, one row per language
    CREATE TABLE text(entity TEXT NOT NULL, id TEXT NOT NULL, field TEXT NOT NULL, language TEXT NOT NULL,
                      value TEXT NOT NULL, PRIMARY KEY(entity, id, field, language));
    )sql",
    // 2: search keywords per offer, and where the content came from
    R"sql(
    CREATE TABLE offer_keyword(offer_id TEXT NOT NULL REFERENCES offer(id), language TEXT NOT NULL,
                               keyword TEXT NOT NULL);
    CREATE INDEX offer_keyword_offer ON offer_keyword(offer_id);
    CREATE TABLE content_info(key TEXT PRIMARY KEY, value TEXT NOT NULL);
    )sql",
    // 3: the search: synonyms, a full-text index of each offer per language, and its words' trigrams
    // (for typos). The index is derived from the other tables (kIndexSearch), so it is filled here too.
    // It keeps no copy of the texts (content=''): a row's id says offer and language (see kIndexSearch).
    R"sql(
    CREATE TABLE synonym(language TEXT NOT NULL, word TEXT NOT NULL, also TEXT NOT NULL, position INTEGER NOT NULL);
    CREATE TABLE search_language(code TEXT PRIMARY KEY, number INTEGER NOT NULL);
    CREATE VIRTUAL TABLE search USING fts5(title, keywords, place, topics, body, content = '',
                                           tokenize = "unicode61 remove_diacritics 2", prefix = '2 3');
    CREATE VIRTUAL TABLE search_terms USING fts5vocab(search, row);
    CREATE VIRTUAL TABLE search_trigrams USING fts5(term, tokenize = "trigram");
    )sql",
    // 4: the index's words and how many rows each is in (in titles, in keywords or topics, in all),
    // in a B-tree: the search completes a word's start and weighs a word by its rarity with a lookup
    // here, not with a pass over the index. The index's rows are numbered anew (language first, see
    // kIndexSearch), so migrating re-indexes.
    R"sql(
    CREATE TABLE search_word(term TEXT PRIMARY KEY, title_rows INTEGER NOT NULL, tag_rows INTEGER NOT NULL,
                             rows INTEGER NOT NULL) WITHOUT ROWID;
    CREATE VIRTUAL TABLE search_columns USING fts5vocab(search, col);
    )sql",
    // 5: for professionals: which providers are in the network and their fields of work (comma
    // lists, like languages), examples of good practice, events and working groups (their texts in
    // `text` as entities practice, event and working_group).
    R"sql(
    ALTER TABLE provider ADD COLUMN network_member INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE provider ADD COLUMN fields TEXT NOT NULL DEFAULT '';
    CREATE TABLE practice(id TEXT PRIMARY KEY, position INTEGER NOT NULL, fields TEXT NOT NULL, municipality TEXT,
                          providers TEXT, contact_name TEXT, contact_phone TEXT, contact_email TEXT, since TEXT,
                          image TEXT, sample INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE event(id TEXT PRIMARY KEY, position INTEGER NOT NULL, start TEXT NOT NULL, end TEXT NOT NULL,
                       place_provider TEXT, street TEXT, postal_code TEXT, municipality TEXT,
                       online INTEGER NOT NULL DEFAULT 0, register_phone TEXT, register_email TEXT, register_url TEXT,
                       sample INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE working_group(id TEXT PRIMARY KEY, position INTEGER NOT NULL, fields TEXT NOT NULL,
                               contact_name TEXT, contact_phone TEXT, contact_email TEXT,
                               sample INTEGER NOT NULL DEFAULT 0);
    )sql",
    // 6: per language of the texts, the characters they use beyond ASCII (the fonts' glyphs) and, for
    // the languages of the offers' titles, their order: the kiosk reads texts on demand, never all at
    // its start (filled by writeContentLanguages, in database_texts.cpp).
    R"sql(
    CREATE TABLE content_language(code TEXT PRIMARY KEY, position INTEGER, characters TEXT NOT NULL);
    )sql",
    // 7: less to build (--build-db at 10,000 offers: 2- and 3-letter starts were a third of the search
    // index's time, the text table's key inserted row by row and 386,000 keyword rows most of the
    // tables'). The search index without FTS5's prefix indexes: a typed start of 2 or 3 letters reads
    // its words' rows (re-indexed when migrated, see migrate). The text table's key an index of its
    // own instead of its primary key, so that a new file creates it once after the rows
    // (kTableIndexes); the rows keep their row ids (their order is the content's). An offer's
    // keywords in one language are one text row (field 'keywords', a JSON array in their order, read
    // with json_each) instead of a row each in offer_keyword.
    R"sql(
    CREATE TABLE text_7(entity TEXT NOT NULL, id TEXT NOT NULL, field TEXT NOT NULL, language TEXT NOT NULL,
                        value TEXT NOT NULL);
    INSERT INTO text_7(rowid, entity, id, field, language, value)
    SELECT rowid, entity, id, field, language, value FROM text ORDER BY rowid;
    DROP TABLE text;
    ALTER TABLE text_7 RENAME TO text;
    CREATE UNIQUE INDEX text_key ON text(entity, id, field, language);
    INSERT INTO text(entity, id, field, language, value)
    SELECT 'offer', k.offer_id, 'keywords', k.language,
           (SELECT json_group_array(keyword) FROM (SELECT keyword FROM offer_keyword x
             WHERE x.offer_id = k.offer_id AND x.language = k.language ORDER BY x.rowid))
    FROM offer_keyword k GROUP BY k.offer_id, k.language ORDER BY min(k.rowid);
    DROP TABLE offer_keyword;
    DROP TABLE search;
    CREATE VIRTUAL TABLE search USING fts5(title, keywords, place, topics, body, content = '',
                                           tokenize = "unicode61 remove_diacritics 2");
    )sql",
};

// The text table's key, which a new file (writeNewDatabase) creates after the rows: one sort instead
// of a B-tree insert per row (540,000 rows at 10,000 offers).
constexpr const char* kDropTableIndexes = "DROP INDEX text_key";
constexpr const char* kTableIndexes = "CREATE UNIQUE INDEX text_key ON text(entity, id, field, language)";

// Version 4's part of the index: the words with their row counts, counted by fts5vocab in one pass
// over the index (rows in keywords or topics: the sum of both, as a row rarely has a word in both).
constexpr const char* kIndexWords = R"sql(
    DELETE FROM search_word;
    INSERT INTO search_word(term, title_rows, tag_rows, rows)
    SELECT term, coalesce(sum(doc) FILTER (WHERE col = 'title'), 0),
           coalesce(sum(doc) FILTER (WHERE col IN ('keywords', 'topics')), 0), 0
    FROM search_columns GROUP BY term;
    UPDATE search_word SET rows = t.doc FROM search_terms t WHERE t.term = search_word.term;
)sql";

// Fills the search index from the catalog tables: one row per offer and language it has a title in,
// with the row id the language's number (1..63) * 2^32 + the offer's position: each language's rows
// are one range of row ids (a search seeks to it), in content order. In three parts: writeCatalog
// makes the rows (kIndexRows) from the catalog in memory instead (writeSearchRows), the same texts in
// the same order; test_database compares the two indexes byte by byte.
constexpr const char* kIndexLanguages = R"sql(
    INSERT INTO search(search) VALUES ('delete-all');
    DELETE FROM search_trigrams;
    DELETE FROM search_language;
    INSERT INTO search_language(code, number)
    SELECT language, row_number() OVER (ORDER BY language = 'de' DESC, language)
    FROM (SELECT DISTINCT language FROM text WHERE entity = 'offer' AND field = 'title') LIMIT 63;
)sql";
constexpr const char* kIndexRows = R"sql(
    INSERT INTO search(rowid, title, keywords, place, topics, body)
    SELECT (l.number << 32) + o.position, t.value,
           (SELECT group_concat(j.value, ' ') FROM text k, json_each(k.value) j WHERE k.entity = 'offer'
             AND k.id = o.id AND k.field = 'keywords' AND k.language = t.language),
           coalesce((SELECT value FROM text WHERE entity = 'provider' AND id = o.provider_id AND field = 'name'
                     AND language = t.language), '') || ' ' || coalesce(p.municipality, ''),
           (SELECT group_concat(x.value, ' ') FROM offer_topic ot JOIN text x ON x.entity = 'topic'
             AND x.id = ot.topic_id AND x.field = 'title' AND x.language = t.language WHERE ot.offer_id = o.id),
           (SELECT group_concat(value, ' ') FROM text WHERE entity = 'offer' AND id = o.id
             AND field IN ('summary', 'description', 'eligibility') AND language = t.language)
    FROM offer o JOIN provider p ON p.id = o.provider_id
         JOIN text t ON t.entity = 'offer' AND t.id = o.id AND t.field = 'title'
         JOIN search_language l ON l.code = t.language
    ORDER BY l.number, o.position;
)sql";
constexpr const char* kIndexTrigrams = R"sql(
    INSERT INTO search_trigrams(term) SELECT term FROM search_terms WHERE length(term) >= 3;
    -- One segment per index: a word's rows are then one list to read, not one per segment.
    INSERT INTO search(search) VALUES ('optimize');
    INSERT INTO search_trigrams(search_trigrams) VALUES ('optimize');
)sql";
static_assert(std::size(kMigrations) == kSchemaVersion);

std::string joinCodes(const std::vector<std::string>& codes) {
    std::string out;
    for (const auto& code : codes) out += (out.empty() ? "" : ",") + code;
    return out;
}

std::vector<std::string> splitCodes(const std::string& text) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find(',', start);
        if (end == std::string::npos) end = text.size();
        if (end > start) out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

std::string schoolHolidaysText(const std::vector<core::SchoolHoliday>& holidays) {
    std::string text;
    for (const auto& holiday : holidays)
        text += core::isoDate(holiday.first) + " " + core::isoDate(holiday.last) + " " + holiday.name + "\n";
    return text;
}

std::vector<core::SchoolHoliday> parseSchoolHolidays(const std::string& text) {
    std::vector<core::SchoolHoliday> holidays;
    std::size_t start = 0;
    while (start + 22 <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const auto first = core::parseIsoDate(std::string_view(text).substr(start, 10));
        const auto last = core::parseIsoDate(std::string_view(text).substr(start + 11, 10));
        if (first && last) holidays.push_back({text.substr(start + 22, end - start - 22), *first, *last});
        start = end + 1;
    }
    return holidays;
}

std::optional<core::OpeningHours> parseHours(const std::string& text) {
    if (text.empty()) return std::nullopt;
    std::string error;
    return core::OpeningHours::parse(text, error);
}

class TextWriter {
public:
    explicit TextWriter(SQLite::Database& db)
        : m_insert(db, "INSERT INTO text(entity, id, field, language, value) VALUES (?, ?, ?, ?, ?)") {}
    // The values are bound without a copy: 480,000 texts for 10,000 offers in six languages.
    void write(const char* entity, const std::string& id, const char* field, const core::LocalizedText& text) {
        for (const auto& [language, value] : text.values()) {
            m_languages.add(entity, field, language, value);
            m_insert.bindNoCopy(1, entity);
            m_insert.bindNoCopy(2, id);
            m_insert.bindNoCopy(3, field);
            m_insert.bindNoCopy(4, language);
            m_insert.bindNoCopy(5, value);
            m_insert.exec();
            m_insert.reset();
        }
    }

    // The characters of each language of the texts written (content_language).
    const ContentLanguages& languages() const { return m_languages; }

private:
    SQLite::Statement m_insert;
    ContentLanguages m_languages;
};

// All texts of one entity kind, read in one pass: id -> field -> text.
using TextTable = std::map<std::string, std::map<std::string, core::LocalizedText>>;
TextTable readTexts(SQLite::Database& db, const char* entity) {
    TextTable table;
    // In the order written, so languages stay in the content's order (the language button follows it).
    SQLite::Statement query(db, "SELECT id, field, language, value FROM text WHERE entity = ? ORDER BY rowid");
    query.bind(1, entity);
    while (query.executeStep())
        table[query.getColumn(0).getString()][query.getColumn(1).getString()].set(query.getColumn(2).getString(),
                                                                                  query.getColumn(3).getString());
    return table;
}

void bindPosition(SQLite::Statement& statement, int index, size_t position) {
    statement.bind(index, static_cast<int64_t>(position));
}

// SQLite's failure as a file problem: a full disk is said as one.
core::Problem databaseProblem(const SQLite::Exception& e, const std::filesystem::path& path) {
    int error = EIO;
    switch (e.getErrorCode()) {
    case SQLITE_FULL: error = ENOSPC; break;
    case SQLITE_READONLY:
    case SQLITE_PERM: error = EACCES; break;
    case SQLITE_CANTOPEN: error = ENOENT; break;
    default: break;
    }
    return files::fileProblem(error, path, "write").withDetail(fmt::format("write {}: {}", path.string(), e.what()));
}

void writeProviders(SQLite::Database& db, const std::vector<core::Provider>& providers, TextWriter& texts) {
    SQLite::Statement provider(db,
                               "INSERT INTO provider(id, position, street, postal_code, municipality, latitude, "
                               "longitude, phone, email, website, opening_hours, languages, national, sample, "
                               "network_member, fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (size_t i = 0; i < providers.size(); ++i) {
        const auto& p = providers[i];
        provider.bind(1, p.id);
        bindPosition(provider, 2, i);
        provider.bind(3, p.address.street);
        provider.bind(4, p.address.postalCode);
        provider.bind(5, p.address.municipality);
        if (p.location) {
            provider.bind(6, p.location->latitude);
            provider.bind(7, p.location->longitude);
        } else {
            provider.bind(6);
            provider.bind(7);
        }
        provider.bind(8, p.phone);
        provider.bind(9, p.email);
        provider.bind(10, p.website);
        provider.bind(11, p.hours ? p.hours->source() : std::string());
        provider.bind(12, joinCodes(p.languages));
        provider.bind(13, p.national ? 1 : 0);
        provider.bind(14, p.sample ? 1 : 0);
        provider.bind(15, p.networkMember ? 1 : 0);
        provider.bind(16, joinCodes(p.fields));
        provider.exec();
        provider.reset();
        texts.write("provider", p.id, "name", p.name);
        texts.write("provider", p.id, "description", p.description);
        texts.write("provider", p.id, "accessibility", p.accessibility);
    }
}

// An offer's keywords as the text table keeps them: per language a JSON array of its words in their
// order (["Geld","Zuschuss"]); a language listed twice is one array; none without words.
core::LocalizedText keywordsText(const std::vector<std::pair<std::string, std::vector<std::string>>>& keywords) {
    std::vector<std::pair<std::string, std::string>> arrays;
    for (const auto& [language, words] : keywords) {
        if (words.empty()) continue;
        const std::string& lang = language;  // clang 14 (the fuzz build) captures no structured binding
        auto same = std::find_if(arrays.begin(), arrays.end(), [&](const auto& a) { return a.first == lang; });
        if (same == arrays.end()) same = arrays.insert(arrays.end(), {language, "["});
        for (const auto& word : words) {
            same->second += same->second.size() > 1 ? ",\"" : "\"";
            for (const char c : word) {
                if (c == '"' || c == '\\') same->second += '\\';
                if (static_cast<unsigned char>(c) < 0x20) same->second += fmt::format("\\u{:04x}", static_cast<int>(c));
                else same->second += c;
            }
            same->second += '"';
        }
    }
    core::LocalizedText text;
    for (auto& [language, array] : arrays) text.set(language, array + "]");
    return text;
}

void writeOffers(SQLite::Database& db, const std::vector<core::Offer>& offers, TextWriter& texts) {
    SQLite::Statement offer(
        db, "INSERT INTO offer(id, position, provider_id, url, languages, sample) VALUES (?, ?, ?, ?, ?, ?)");
    SQLite::Statement offerStage(db,
                                 "INSERT INTO offer_life_stage(offer_id, life_stage_id, position) VALUES (?, ?, ?)");
    SQLite::Statement offerTopic(db, "INSERT INTO offer_topic(offer_id, topic_id, position) VALUES (?, ?, ?)");
    auto link = [](SQLite::Statement& statement, const std::string& offerId, const std::vector<std::string>& ids) {
        for (size_t i = 0; i < ids.size(); ++i) {
            statement.bind(1, offerId);
            statement.bind(2, ids[i]);
            bindPosition(statement, 3, i);
            statement.exec();
            statement.reset();
        }
    };
    for (size_t i = 0; i < offers.size(); ++i) {
        const auto& o = offers[i];
        offer.bind(1, o.id);
        bindPosition(offer, 2, i);
        offer.bind(3, o.providerId);
        offer.bind(4, o.url);
        offer.bind(5, joinCodes(o.languages));
        offer.bind(6, o.sample ? 1 : 0);
        offer.exec();
        offer.reset();
        link(offerStage, o.id, o.lifeStages);
        link(offerTopic, o.id, o.topics);
        for (auto [field, text] : {std::pair{"title", &o.title}, {"summary", &o.summary},
                                   {"description", &o.description}, {"cost", &o.cost}, {"eligibility", &o.eligibility},
                                   {"audio", &o.audio}})
            texts.write("offer", o.id, field, *text);
        texts.write("offer", o.id, "keywords", keywordsText(o.keywords));
    }
}

// A text's value in `language` as the text table has it (also an empty one), or nothing.
const std::string* valueIn(const core::LocalizedText& text, std::string_view language) {
    for (const auto& [code, value] : text.values())
        if (code == language) return &value;
    return nullptr;
}

// Appends `part` with a space between, as group_concat(part, ' ') (nothing: NULL).
void concat(std::optional<std::string>& out, const std::string& part) {
    if (out) *out += ' ';
    else out.emplace();
    *out += part;
}

void bindText(SQLite::Statement& statement, int index, const std::optional<std::string>& text) {
    if (text) statement.bindNoCopy(index, *text);
    else statement.bind(index);
}

// The languages of the offers' titles as kIndexLanguages numbers them: German first, then by code, at most 63.
std::vector<std::string> searchLanguages(const core::Catalog& catalog) {
    std::set<std::string> codes;
    for (const auto& o : catalog.offers)
        for (const auto& [code, value] : o.title.values()) codes.insert(code);
    std::vector<std::string> ordered;
    if (codes.erase("de")) ordered.emplace_back("de");
    ordered.insert(ordered.end(), codes.begin(), codes.end());
    if (ordered.size() > 63) ordered.resize(63);
    return ordered;
}

// kIndexRows made from the catalog in memory (no lookups in the tables): per language in its number's
// order, per offer in content order; keywords in their order, topics by id (as the query reads them by
// offer_topic's key), summary, description and eligibility in the order of their names (as the query's IN).
void writeSearchRows(SQLite::Database& db, const core::Catalog& catalog) {
    std::vector<std::pair<std::string, std::int64_t>> languages;
    SQLite::Statement query(db, "SELECT code, number FROM search_language ORDER BY number");
    while (query.executeStep()) languages.emplace_back(query.getColumn(0).getString(), query.getColumn(1).getInt64());
    std::unordered_map<std::string_view, const core::Provider*> providers;
    for (const auto& p : catalog.providers) providers.emplace(p.id, &p);
    std::unordered_map<std::string_view, const core::Topic*> topics;
    for (const auto& t : catalog.topics) topics.emplace(t.id, &t);

    SQLite::Statement insert(db, "INSERT INTO search(rowid, title, keywords, place, topics, body) VALUES (?, ?, ?, ?, ?, ?)");
    std::vector<std::string_view> topicIds;
    for (const auto& [language, number] : languages)
        for (std::size_t position = 0; position < catalog.offers.size(); ++position) {
            const core::Offer& o = catalog.offers[position];
            const std::string* title = valueIn(o.title, language);
            const auto provider = providers.find(o.providerId);
            if (!title || provider == providers.end()) continue;
            std::optional<std::string> keywords, topicTitles, body;
            for (const auto& [code, words] : o.keywords)
                if (code == language)
                    for (const auto& word : words) concat(keywords, word);
            const std::string* name = valueIn(provider->second->name, language);
            const std::string place = (name ? *name : std::string()) + " " + provider->second->address.municipality;
            topicIds.assign(o.topics.begin(), o.topics.end());
            std::sort(topicIds.begin(), topicIds.end());
            for (const auto id : topicIds)
                if (auto topic = topics.find(id); topic != topics.end())
                    if (const std::string* value = valueIn(topic->second->title, language)) concat(topicTitles, *value);
            for (const auto* field : {&o.description, &o.eligibility, &o.summary})
                if (const std::string* value = valueIn(*field, language)) concat(body, *value);
            insert.bind(1, (number << 32) + static_cast<std::int64_t>(position));
            insert.bindNoCopy(2, *title);
            bindText(insert, 3, keywords);
            insert.bindNoCopy(4, place);
            bindText(insert, 5, topicTitles);
            bindText(insert, 6, body);
            insert.exec();
            insert.reset();
        }
}

// Binds the values in order from column 1; an empty optional date is stored as ''.
void bindAll(SQLite::Statement& statement, std::initializer_list<std::string> values) {
    int column = 0;
    for (const std::string& value : values) statement.bind(++column, value);
}

void run(SQLite::Statement& statement) {
    statement.exec();
    statement.reset();
}

void writeProfessionals(SQLite::Database& db, const core::Catalog& catalog, TextWriter& texts) {
    SQLite::Statement practice(db, "INSERT INTO practice(id, position, fields, municipality, providers, contact_name, "
                                   "contact_phone, contact_email, since, image, sample) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (size_t i = 0; i < catalog.practices.size(); ++i) {
        const auto& p = catalog.practices[i];
        bindAll(practice, {p.id, std::to_string(i), joinCodes(p.fields), p.municipality, joinCodes(p.providers),
                           p.contact.name, p.contact.phone, p.contact.email, p.started ? core::isoDate(*p.started) : "",
                           p.image});
        bindPosition(practice, 2, i);
        practice.bind(11, p.sample ? 1 : 0);
        run(practice);
        for (auto [field, text] : {std::pair{"title", &p.title}, {"summary", &p.summary},
                                   {"description", &p.description}, {"status", &p.status}, {"audio", &p.audio},
                                   {"image_alt", &p.imageAlt}})
            texts.write("practice", p.id, field, *text);
    }
    SQLite::Statement event(db, "INSERT INTO event(id, position, start, end, place_provider, street, postal_code, "
                                "municipality, online, register_phone, register_email, register_url, sample) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (size_t i = 0; i < catalog.events.size(); ++i) {
        const auto& e = catalog.events[i];
        bindAll(event, {e.id, "", core::isoDateTime(e.start), core::isoDateTime(e.end), e.place.provider,
                        e.place.street, e.place.postalCode, e.place.municipality, "", e.registration.phone,
                        e.registration.email, e.registration.url});
        bindPosition(event, 2, i);
        event.bind(9, e.place.online ? 1 : 0);
        event.bind(13, e.sample ? 1 : 0);
        run(event);
        for (auto [field, text] : {std::pair{"title", &e.title}, {"description", &e.description},
                                   {"audience", &e.audience}, {"cost", &e.cost}, {"capacity", &e.capacity}})
            texts.write("event", e.id, field, *text);
    }
    SQLite::Statement group(db, "INSERT INTO working_group(id, position, fields, contact_name, contact_phone, "
                                "contact_email, sample) VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (size_t i = 0; i < catalog.workingGroups.size(); ++i) {
        const auto& g = catalog.workingGroups[i];
        bindAll(group, {g.id, "", joinCodes(g.fields), g.contact.name, g.contact.phone, g.contact.email});
        bindPosition(group, 2, i);
        group.bind(7, g.sample ? 1 : 0);
        run(group);
        for (auto [field, text] : {std::pair{"title", &g.title}, {"purpose", &g.purpose}, {"meets", &g.meets},
                                   {"join", &g.join}})
            texts.write("working_group", g.id, field, *text);
    }
}

// The texts of one entity, read by readTexts, into the fields they belong to.
void takeTexts(std::map<std::string, core::LocalizedText>& texts,
               std::initializer_list<std::pair<const char*, core::LocalizedText*>> fields) {
    for (const auto& [name, field] : fields) *field = texts[name];
}

core::LocalDateTime storedTime(const std::string& text) {
    return core::parseIsoDateTime(text).value_or(core::LocalDateTime{});
}

void readProfessionals(SQLite::Database& db, core::Catalog& catalog) {
    auto practiceTexts = readTexts(db, "practice");
    SQLite::Statement practices(db, "SELECT id, fields, municipality, providers, contact_name, contact_phone, "
                                    "contact_email, since, image, sample FROM practice ORDER BY position");
    while (practices.executeStep()) {
        core::Practice p;
        p.id = practices.getColumn(0).getString();
        p.fields = splitCodes(practices.getColumn(1).getString());
        p.municipality = practices.getColumn(2).getString();
        p.providers = splitCodes(practices.getColumn(3).getString());
        p.contact = {practices.getColumn(4).getString(), practices.getColumn(5).getString(),
                     practices.getColumn(6).getString()};
        p.started = core::parseIsoDate(practices.getColumn(7).getString());
        p.image = practices.getColumn(8).getString();
        p.sample = practices.getColumn(9).getInt() != 0;
        takeTexts(practiceTexts[p.id], {{"title", &p.title}, {"summary", &p.summary}, {"description", &p.description},
                                        {"status", &p.status}, {"audio", &p.audio}, {"image_alt", &p.imageAlt}});
        catalog.practices.push_back(std::move(p));
    }
    auto eventTexts = readTexts(db, "event");
    SQLite::Statement events(db, "SELECT id, start, end, place_provider, street, postal_code, municipality, online, "
                                 "register_phone, register_email, register_url, sample FROM event ORDER BY position");
    while (events.executeStep()) {
        core::Event e;
        e.id = events.getColumn(0).getString();
        e.start = storedTime(events.getColumn(1).getString());
        e.end = storedTime(events.getColumn(2).getString());
        e.place = {events.getColumn(3).getString(), events.getColumn(4).getString(), events.getColumn(5).getString(),
                   events.getColumn(6).getString(), events.getColumn(7).getInt() != 0};
        e.registration = {events.getColumn(8).getString(), events.getColumn(9).getString(),
                          events.getColumn(10).getString()};
        e.sample = events.getColumn(11).getInt() != 0;
        takeTexts(eventTexts[e.id], {{"title", &e.title}, {"description", &e.description}, {"audience", &e.audience},
                                     {"cost", &e.cost}, {"capacity", &e.capacity}});
        catalog.events.push_back(std::move(e));
    }
    auto groupTexts = readTexts(db, "working_group");
    SQLite::Statement groups(db, "SELECT id, fields, contact_name, contact_phone, contact_email, sample "
                                 "FROM working_group ORDER BY position");
    while (groups.executeStep()) {
        core::WorkingGroup g;
        g.id = groups.getColumn(0).getString();
        g.fields = splitCodes(groups.getColumn(1).getString());
        g.contact = {groups.getColumn(2).getString(), groups.getColumn(3).getString(), groups.getColumn(4).getString()};
        g.sample = groups.getColumn(5).getInt() != 0;
        takeTexts(groupTexts[g.id], {{"title", &g.title}, {"purpose", &g.purpose}, {"meets", &g.meets}, {"join", &g.join}});
        catalog.workingGroups.push_back(std::move(g));
    }
}

// The providers; their texts too when `inMemory`.
void readProviders(SQLite::Database& db, core::Catalog& catalog, bool inMemory) {
    auto providerTexts = inMemory ? readTexts(db, "provider") : TextTable{};
    SQLite::Statement providers(db,
                                "SELECT id, street, postal_code, municipality, latitude, longitude, phone, email, "
                                "website, opening_hours, languages, national, sample, network_member, fields "
                                "FROM provider ORDER BY position");
    catalog.providers.reserve(static_cast<size_t>(db.execAndGet("SELECT count(*) FROM provider").getInt64()));
    std::unordered_map<std::string, std::optional<core::OpeningHours>> parsedHours;
    while (providers.executeStep()) {
        core::Provider p;
        p.id = providers.getColumn(0).getString();
        p.address = {providers.getColumn(1).getString(), providers.getColumn(2).getString(),
                     providers.getColumn(3).getString()};
        if (!providers.getColumn(4).isNull())
            p.location = core::GeoPoint{providers.getColumn(4).getDouble(), providers.getColumn(5).getDouble()};
        p.phone = providers.getColumn(6).getString();
        p.email = providers.getColumn(7).getString();
        p.website = providers.getColumn(8).getString();
        // Parsed once per distinct text: copies share the rules (many providers keep the same hours).
        const std::string hoursText = providers.getColumn(9).getString();
        auto parsed = parsedHours.find(hoursText);
        if (parsed == parsedHours.end()) parsed = parsedHours.emplace(hoursText, parseHours(hoursText)).first;
        p.hours = parsed->second;
        p.languages = splitCodes(providers.getColumn(10).getString());
        p.national = providers.getColumn(11).getInt() != 0;
        p.sample = providers.getColumn(12).getInt() != 0;
        p.networkMember = providers.getColumn(13).getInt() != 0;
        p.fields = splitCodes(providers.getColumn(14).getString());
        if (auto t = providerTexts.find(p.id); t != providerTexts.end()) {
            p.name = t->second["name"];
            p.description = t->second["description"];
            p.accessibility = t->second["accessibility"];
        }
        catalog.providers.push_back(std::move(p));
    }
}

}  // namespace

void rebuildSearchIndex(SQLite::Database& db) {
    db.exec(kIndexLanguages);
    db.exec(kIndexRows);
    db.exec(kIndexTrigrams);
    db.exec(kIndexWords);
}

void migrate(SQLite::Database& db) {
    const int version = db.execAndGet("PRAGMA user_version").getInt();
    if (version > kSchemaVersion)
        throw std::runtime_error(fmt::format(
            "the content database has schema version {}, newer than this kiosk understands ({})", version,
            kSchemaVersion));
    if (version == kSchemaVersion) return;
    SQLite::Transaction transaction(db);
    for (int step = version; step < kSchemaVersion; ++step) db.exec(kMigrations[step]);
    // Content of an older kiosk becomes searchable at once (version 4 numbers the rows anew, version 7
    // makes the index anew without its prefix indexes).
    if (version < 7) rebuildSearchIndex(db);
    if (version < 6) writeContentLanguages(db);
    db.exec(fmt::format("PRAGMA user_version = {}", kSchemaVersion));
    transaction.commit();
}

namespace {

// The tables writeTables fills (not the search index's), in the order they are emptied.
constexpr const char* kCatalogTables[] = {"practice", "event", "working_group", "synonym",
                                          "offer_topic", "offer_life_stage", "offer", "provider", "topic",
                                          "life_stage", "network", "text", "content_info", "content_language"};

// Every table but the search index's, in an open transaction on empty tables.
void writeTables(SQLite::Database& db, const core::Catalog& catalog, const ContentInfo& info) {
    TextWriter texts(db);

    SQLite::Statement stage(db, "INSERT INTO life_stage(id, position, icon) VALUES (?, ?, ?)");
    for (size_t i = 0; i < catalog.lifeStages.size(); ++i) {
        const auto& s = catalog.lifeStages[i];
        stage.bind(1, s.id);
        bindPosition(stage, 2, i);
        stage.bind(3, s.icon);
        stage.exec();
        stage.reset();
        texts.write("life_stage", s.id, "title", s.title);
        texts.write("life_stage", s.id, "ages", s.ages);
    }

    SQLite::Statement topic(db, "INSERT INTO topic(id, position, icon, emergency) VALUES (?, ?, ?, ?)");
    for (size_t i = 0; i < catalog.topics.size(); ++i) {
        const auto& t = catalog.topics[i];
        topic.bind(1, t.id);
        bindPosition(topic, 2, i);
        topic.bind(3, t.icon);
        topic.bind(4, t.emergency ? 1 : 0);
        topic.exec();
        topic.reset();
        texts.write("topic", t.id, "title", t.title);
    }

    writeProviders(db, catalog.providers, texts);
    PhaseTimer offers("tables: offers");
    writeOffers(db, catalog.offers, texts);
    offers.stop();
    writeProfessionals(db, catalog, texts);

    const auto& n = catalog.network;
    SQLite::Statement setting(db, "INSERT INTO network(key, value) VALUES (?, ?)");
    for (auto [key, value] : {std::pair{"street", &n.address.street}, {"postal_code", &n.address.postalCode},
                              {"municipality", &n.address.municipality}, {"phone", &n.phone}, {"fax", &n.fax},
                              {"website", &n.website}, {"site_base_url", &n.siteBaseUrl}}) {
        setting.bind(1, key);
        setting.bind(2, *value);
        setting.exec();
        setting.reset();
    }
    setting.bind(1, "opening_hours");
    setting.bind(2, n.hours ? n.hours->source() : std::string());
    setting.exec();
    setting.reset();
    setting.bind(1, "school_holidays");  // one line a holiday: "2026-10-26 2026-10-30 Herbstferien"; no schema change
    setting.bind(2, schoolHolidaysText(n.schoolHolidays));
    setting.exec();
    texts.write("network", "", "name", n.name);
    texts.write("network", "", "description", n.description);
    texts.write("network", "", "organisation", n.organisation);
    texts.write("network", "", "audio", n.audio);  // sound file paths live with the texts: no schema change

    SQLite::Statement synonym(db, "INSERT INTO synonym(language, word, also, position) VALUES (?, ?, ?, ?)");
    size_t synonymPosition = 0;
    for (const auto& entry : catalog.synonyms)
        for (const auto& also : entry.alsoFinds) {
            synonym.bind(1, entry.language);
            synonym.bind(2, entry.word);
            synonym.bind(3, also);
            bindPosition(synonym, 4, synonymPosition++);
            synonym.exec();
            synonym.reset();
        }
    PhaseTimer languages("tables: the characters of each language");
    texts.languages().write(db);  // of the texts just written: the fonts' characters per language
    languages.stop();

    SQLite::Statement infoRow(db, "INSERT INTO content_info(key, value) VALUES (?, ?)");
    for (auto [key, value] : {std::pair{"source", &info.source}, {"fingerprint", &info.fingerprint},
                              {"built_at", &info.builtAt}}) {
        infoRow.bind(1, key);
        infoRow.bind(2, *value);
        infoRow.exec();
        infoRow.reset();
    }
}

// The search index from the catalog, in an open transaction; needs none of the other tables.
void writeSearch(SQLite::Database& db, const core::Catalog& catalog) {
    db.exec("INSERT INTO search(search) VALUES ('delete-all'); DELETE FROM search_trigrams; DELETE FROM search_language");
    SQLite::Statement language(db, "INSERT INTO search_language(code, number) VALUES (?, ?)");
    std::int64_t number = 0;
    for (const auto& code : searchLanguages(catalog)) {
        language.bind(1, code);
        language.bind(2, ++number);
        language.exec();
        language.reset();
    }
    // All rows' words in memory until the end, then written as one segment: not flushed every
    // megabyte into small segments that are merged again and again (a third of the index's time).
    db.exec("INSERT INTO search(search, rank) VALUES ('hashsize', 268435456)");
    {
        PhaseTimer timer("search rows");
        writeSearchRows(db, catalog);
    }
    {
        PhaseTimer timer("search trigrams and optimize");
        db.exec(kIndexTrigrams);
    }
    PhaseTimer timer("search words");
    db.exec(kIndexWords);
}

}  // namespace

void writeCatalog(SQLite::Database& db, const core::Catalog& catalog, const ContentInfo& info) {
    migrate(db);
    SQLite::Transaction transaction(db);
    for (const char* table : kCatalogTables) db.exec(fmt::format("DELETE FROM {}", table));
    writeTables(db, catalog, info);
    writeSearch(db, catalog);
    transaction.commit();
}

core::Catalog readCatalog(SQLite::Database& db, Texts texts) {
    migrate(db);
    core::Catalog catalog;
    const bool inMemory = texts == Texts::InMemory;
    if (!inMemory) catalog.textSource = std::make_shared<DatabaseTexts>(db.getFilename());

    auto stageTexts = readTexts(db, "life_stage");
    SQLite::Statement stages(db, "SELECT id, icon FROM life_stage ORDER BY position");
    while (stages.executeStep()) {
        auto id = stages.getColumn(0).getString();
        catalog.lifeStages.push_back({id, stages.getColumn(1).getString(), stageTexts[id]["title"],
                                      stageTexts[id]["ages"]});
    }

    auto topicTexts = readTexts(db, "topic");
    SQLite::Statement topics(db, "SELECT id, icon, emergency FROM topic ORDER BY position");
    while (topics.executeStep()) {
        auto id = topics.getColumn(0).getString();
        catalog.topics.push_back(
            {id, topics.getColumn(1).getString(), topicTexts[id]["title"], topics.getColumn(2).getInt() != 0});
    }

    readProviders(db, catalog, inMemory);

    auto offerTexts = inMemory ? readTexts(db, "offer") : TextTable{};
    // The links by their offer's position: no map of 10,000 ids while reading (its freed nodes
    // would leave holes among what the catalog keeps).
    const auto offerCount = static_cast<size_t>(db.execAndGet("SELECT count(*) FROM offer").getInt64());
    std::vector<core::Codes> stagesOf(offerCount), topicsOf(offerCount);
    auto readLinks = [&](const char* sql, std::vector<core::Codes>& to) {
        SQLite::Statement query(db, sql);
        while (query.executeStep()) {
            const auto position = static_cast<size_t>(query.getColumn(0).getInt64());
            if (position >= to.size()) to.resize(position + 1);
            to[position].push_back(query.getColumn(1).getText());
        }
    };
    readLinks("SELECT o.position, l.life_stage_id FROM offer_life_stage l JOIN offer o ON o.id = l.offer_id "
              "ORDER BY l.offer_id, l.position", stagesOf);
    readLinks("SELECT o.position, l.topic_id FROM offer_topic l JOIN offer o ON o.id = l.offer_id "
              "ORDER BY l.offer_id, l.position", topicsOf);
    std::map<std::string, std::vector<std::pair<std::string, std::vector<std::string>>>> keywordsOf;
    SQLite::Statement keywords(db, "SELECT t.id, t.language, j.value FROM text t, json_each(t.value) j WHERE t.entity = "
                                   "'offer' AND t.field = 'keywords' ORDER BY t.rowid, j.key");
    while (inMemory && keywords.executeStep()) {  // the search has them in its index
        auto& perLanguage = keywordsOf[keywords.getColumn(0).getString()];
        auto language = keywords.getColumn(1).getString();
        if (perLanguage.empty() || perLanguage.back().first != language) perLanguage.emplace_back(language, std::vector<std::string>{});
        perLanguage.back().second.push_back(keywords.getColumn(2).getString());
    }

    SQLite::Statement offers(db, "SELECT id, provider_id, url, languages, sample, position FROM offer ORDER BY position");
    catalog.offers.reserve(offerCount);
    while (offers.executeStep()) {
        core::Offer o;
        o.id = offers.getColumn(0).getString();
        o.providerId = offers.getColumn(1).getString();
        if (inMemory) o.url = offers.getColumn(2).getString();  // else read when shown (DatabaseTexts)
        o.languages = splitCodes(offers.getColumn(3).getString());
        o.sample = offers.getColumn(4).getInt() != 0;
        if (const auto position = static_cast<size_t>(offers.getColumn(5).getInt64()); position < stagesOf.size()) {
            o.lifeStages = std::move(stagesOf[position]);
            o.lifeStages.shrink_to_fit();
        }
        if (const auto position = static_cast<size_t>(offers.getColumn(5).getInt64()); position < topicsOf.size()) {
            o.topics = std::move(topicsOf[position]);
            o.topics.shrink_to_fit();
        }
        if (auto k = keywordsOf.find(o.id); k != keywordsOf.end()) o.keywords = std::move(k->second);
        if (auto found = offerTexts.find(o.id); found != offerTexts.end()) {
            auto& t = found->second;
            o.title = t["title"];
            o.summary = t["summary"];
            o.description = t["description"];
            o.cost = t["cost"];
            o.eligibility = t["eligibility"];
            o.audio = t["audio"];
        }
        catalog.offers.push_back(std::move(o));
    }

    auto& n = catalog.network;
    SQLite::Statement settings(db, "SELECT key, value FROM network");
    while (settings.executeStep()) {
        auto key = settings.getColumn(0).getString();
        auto value = settings.getColumn(1).getString();
        if (key == "street") n.address.street = value;
        else if (key == "postal_code") n.address.postalCode = value;
        else if (key == "municipality") n.address.municipality = value;
        else if (key == "phone") n.phone = value;
        else if (key == "fax") n.fax = value;
        else if (key == "website") n.website = value;
        else if (key == "site_base_url") n.siteBaseUrl = value;
        else if (key == "opening_hours") n.hours = parseHours(value);
        else if (key == "school_holidays") n.schoolHolidays = parseSchoolHolidays(value);
    }
    auto networkTexts = readTexts(db, "network");
    n.name = networkTexts[""]["name"];
    n.description = networkTexts[""]["description"];
    n.organisation = networkTexts[""]["organisation"];
    n.audio = networkTexts[""]["audio"];

    SQLite::Statement synonyms(db, "SELECT language, word, also FROM synonym ORDER BY position");
    while (synonyms.executeStep()) {
        auto language = synonyms.getColumn(0).getString();
        auto word = synonyms.getColumn(1).getString();
        if (catalog.synonyms.empty() || catalog.synonyms.back().language != language ||
            catalog.synonyms.back().word != word)
            catalog.synonyms.push_back({language, word, {}});
        catalog.synonyms.back().alsoFinds.push_back(synonyms.getColumn(2).getString());
    }
    readProfessionals(db, catalog);
    catalog.buildIndex();  // the screens filter and look up every frame
    return catalog;
}

ContentInfo readContentInfo(SQLite::Database& db) {
    ContentInfo info;
    SQLite::Statement query(db, "SELECT key, value FROM content_info");
    while (query.executeStep()) {
        auto key = query.getColumn(0).getString();
        auto value = query.getColumn(1).getString();
        if (key == "source") info.source = value;
        else if (key == "fingerprint") info.fingerprint = value;
        else if (key == "built_at") info.builtAt = value;
    }
    return info;
}

namespace {

// A new file beside the old one, flushed whole before it replaces it (by the caller): SQLite's
// own rollback journal and syncs would only write twice and wait. A big cache keeps the search
// index's pages in memory while it is built (10,000 offers: 190 MB).
SQLite::Database openNewFile(const std::filesystem::path& file) {
    SQLite::Database db(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA journal_mode = OFF");
    db.exec("PRAGMA synchronous = OFF");
    db.exec("PRAGMA cache_size = -65536");
    migrate(db);
    return db;
}

// The search index's tables (FTS5's own and ours), in the order they are copied.
constexpr const char* kSearchTables[] = {"search_language", "search_data", "search_idx", "search_docsize",
                                         "search_config", "search_trigrams_data", "search_trigrams_idx",
                                         "search_trigrams_content", "search_trigrams_docsize",
                                         "search_trigrams_config", "search_word"};

// Keeps a promise: when called, or else when the scope is left (also by an exception).
class Signal {
public:
    explicit Signal(std::promise<void> promise) : m_promise(std::move(promise)) {}
    Signal(const Signal&) = delete;
    Signal& operator=(const Signal&) = delete;
    ~Signal() { (*this)(); }
    void operator()() {
        if (!m_set) m_promise.set_value();
        m_set = true;
    }

private:
    std::promise<void> m_promise;
    bool m_set = false;
};

// writeCatalog into a new file on both cores: the search index into a second file (`searchFile`)
// on another thread while this one writes the tables (each about half of the work); then the
// index's tables are copied in, which SQLite does page by page for tables of the same schema (its
// transfer optimisation: no row is parsed or indexed again), and the second file is removed. The
// index is the smaller part (10,000 offers: 55 of 200 MB), so less is copied than the other way round.
// With Flush::Here the tables are synced while the other thread still builds the index (this one
// would only wait), so that the last sync has only the index left to write. A catalog given away
// (`owned`: the catalog) is freed by the other thread once both are done with it, while this one
// syncs and copies.
core::Result<void> writeNewDatabase(const std::filesystem::path& staging, const std::filesystem::path& searchFile,
                                    const core::Catalog& catalog, core::Catalog* owned, const ContentInfo& info,
                                    Flush flush) {
    std::promise<void> indexWritten;
    auto indexDone = indexWritten.get_future();
    std::promise<void> tablesPromise;
    auto tablesDone = tablesPromise.get_future();
    auto searchThread = std::async(std::launch::async, [&] {
        try {
            PhaseTimer timer("search (2nd thread)");
            SQLite::Database side = openNewFile(searchFile);
            SQLite::Transaction transaction(side);
            writeSearch(side, catalog);
            transaction.commit();
            indexWritten.set_value();
        } catch (...) {
            indexWritten.set_exception(std::current_exception());
        }
        if (owned) {
            tablesDone.wait();
            PhaseTimer timer("free the catalog (2nd thread)");
            const core::Catalog freed = std::move(*owned);
        }
    });
    Signal tablesWritten(std::move(tablesPromise));  // after the thread's future: kept before it is waited for
    SQLite::Database db = openNewFile(staging);
    {
        PhaseTimer timer("tables (main thread)");
        SQLite::Transaction transaction(db);
        db.exec(kDropTableIndexes);
        writeTables(db, catalog, info);
        tablesWritten();  // the catalog is not used here from now on
        PhaseTimer indexes("tables: their indexes");
        db.exec(kTableIndexes);
        indexes.stop();
        transaction.commit();
    }
    if (flush == Flush::Here) {
        PhaseTimer timer("sync the tables");
        if (auto synced = files::syncFile(staging); !synced) return synced;
    }
    {
        PhaseTimer timer("wait for the search index");
        indexDone.get();
    }
    PhaseTimer copy("copy the search index");
    SQLite::Statement attach(db, "ATTACH DATABASE ? AS built");
    attach.bind(1, searchFile.string());
    attach.exec();
    {
        SQLite::Transaction transaction(db);
        for (const char* table : kSearchTables)
            db.exec(fmt::format("DELETE FROM main.{0}; INSERT INTO main.{0} SELECT * FROM built.{0}", table));
        transaction.commit();
    }
    db.exec("DETACH DATABASE built");
    std::filesystem::remove(searchFile);
    copy.stop();
    return {};
}

core::Result<void> writeDatabaseFile(const std::filesystem::path& path, const core::Catalog& catalog,
                                     core::Catalog* owned, const ContentInfo& info, Flush flush) {
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
    if (ec) return files::fileProblem(ec.value(), path.parent_path(), "create folder");
    auto staging = path;
    staging += ".new";
    std::filesystem::remove(staging, ec);
    auto searchFile = path;
    searchFile += ".search.new";
    std::filesystem::remove(searchFile, ec);
    try {
        if (auto written = writeNewDatabase(staging, searchFile, catalog, owned, info, flush); !written) {
            std::filesystem::remove(staging, ec);
            std::filesystem::remove(searchFile, ec);
            return written;
        }
    } catch (const SQLite::Exception& e) {
        std::filesystem::remove(staging, ec);
        std::filesystem::remove(searchFile, ec);
        return databaseProblem(e, path);
    } catch (const std::exception& e) {
        std::filesystem::remove(staging, ec);
        std::filesystem::remove(searchFile, ec);
        return files::fileProblem(EIO, path, "write").withDetail(fmt::format("write {}: {}", path.string(), e.what()));
    }
    if (flush == Flush::ByCaller) {
        std::filesystem::rename(staging, path, ec);
        if (ec) return files::fileProblem(ec.value(), path, "rename");
        return {};
    }
    // The new file must be on disk before the rename makes it the active one, and the rename
    // itself must be on disk before we report success.
    PhaseTimer timer("sync and rename");
    if (auto synced = files::syncFile(staging); !synced) return synced;
    return files::renameDurably(staging, path);
}

}  // namespace

core::Result<void> writeDatabaseFile(const std::filesystem::path& path, const core::Catalog& catalog,
                                     const ContentInfo& info, Flush flush) {
    return writeDatabaseFile(path, catalog, nullptr, info, flush);
}

core::Result<void> writeDatabaseFile(const std::filesystem::path& path, core::Catalog&& catalog,
                                     const ContentInfo& info, Flush flush) {
    return writeDatabaseFile(path, catalog, &catalog, info, flush);
}

}  // namespace kiosk::content
