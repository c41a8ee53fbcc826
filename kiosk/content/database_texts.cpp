// Texts on demand from the content database, with a small cache of the most recently shown.
#include "kiosk/content/database_texts.hpp"

#include "kiosk/core/utf8.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <map>
#include <vector>

namespace kiosk::content {
namespace {

constexpr const char* kOfferFields[] = {"title", "summary", "description", "cost", "eligibility", "audio"};
constexpr const char* kProviderFields[] = {"name", "description", "accessibility"};

template <size_t N>
int fieldIndex(const char* const (&names)[N], const std::string& field) {
    for (size_t i = 0; i < N; ++i)
        if (field == names[i]) return static_cast<int>(i);
    return -1;
}

}  // namespace

DatabaseTexts::DatabaseTexts(const std::filesystem::path& database, size_t capacity)
    : m_db(database.string(), SQLite::OPEN_READONLY),
      // In the order written, so languages stay in the content's order (as readCatalog reads them).
      m_query(m_db, "SELECT field, language, value FROM text WHERE entity = ? AND id = ? ORDER BY rowid"),
      m_urlQuery(m_db, "SELECT url FROM offer WHERE id = ?"),
      m_capacity(std::max<size_t>(capacity, 1)) {
    m_db.exec("PRAGMA cache_size = -1024");  // 1 MiB of pages: a screenful of texts, not the file
}

DatabaseTexts::~DatabaseTexts() = default;

const DatabaseTexts::Texts& DatabaseTexts::entry(std::string_view entity, std::string_view id) const {
    std::string key(entity);
    key += '\n';
    key += id;
    if (auto found = m_byKey.find(key); found != m_byKey.end()) {
        m_recent.splice(m_recent.begin(), m_recent, found->second);
        return found->second->second;
    }
    Texts texts;
    const bool offer = entity == "offer";
    try {
        m_query.reset();
        m_query.bind(1, std::string(entity));
        m_query.bind(2, std::string(id));
        while (m_query.executeStep()) {
            const std::string field = m_query.getColumn(0).getString();
            const int at = offer ? fieldIndex(kOfferFields, field) : fieldIndex(kProviderFields, field);
            if (at >= 0) texts[static_cast<size_t>(at)].set(m_query.getColumn(1).getString(), m_query.getColumn(2).getString());
        }
    } catch (const std::exception& e) {  // a screen shows an empty text rather than fail its frame
        spdlog::error("content: the texts of {} {} cannot be read: {}", entity, id, e.what());
    }
    m_recent.emplace_front(key, std::move(texts));
    m_byKey[key] = m_recent.begin();
    while (m_recent.size() > m_capacity) {
        m_byKey.erase(m_recent.back().first);
        m_recent.pop_back();
    }
    return m_recent.front().second;
}

core::LocalizedText DatabaseTexts::offerText(std::string_view offerId, core::OfferText field) const {
    std::lock_guard lock(m_lock);
    return entry("offer", offerId)[static_cast<size_t>(field)];
}

core::LocalizedText DatabaseTexts::providerText(std::string_view providerId, core::ProviderText field) const {
    std::lock_guard lock(m_lock);
    return entry("provider", providerId)[static_cast<size_t>(field)];
}

std::string DatabaseTexts::offerUrl(std::string_view offerId) const {
    std::lock_guard lock(m_lock);
    if (m_lastUrl.first == offerId && !offerId.empty()) return m_lastUrl.second;
    std::string url;
    try {
        m_urlQuery.reset();
        m_urlQuery.bind(1, std::string(offerId));
        if (m_urlQuery.executeStep()) url = m_urlQuery.getColumn(0).getString();
        m_urlQuery.reset();
    } catch (const std::exception& e) {  // a screen shows no link rather than fail its frame
        spdlog::error("content: the link of offer {} cannot be read: {}", offerId, e.what());
        return url;
    }
    m_lastUrl = {std::string(offerId), url};
    return url;
}

std::vector<std::string> DatabaseTexts::languages() const {
    std::lock_guard lock(m_lock);
    std::vector<std::string> result{std::string(core::kReferenceLanguage)};
    try {
        SQLite::Statement query(m_db, "SELECT code FROM content_language WHERE position IS NOT NULL ORDER BY position");
        while (query.executeStep())
            if (auto code = query.getColumn(0).getString(); code != core::kReferenceLanguage) result.push_back(code);
    } catch (const std::exception& e) {
        spdlog::error("content: the content's languages cannot be read: {}", e.what());
    }
    return result;
}

std::string DatabaseTexts::characters() const {
    std::lock_guard lock(m_lock);
    std::string result;
    try {
        SQLite::Statement query(m_db, "SELECT characters FROM content_language");
        while (query.executeStep()) result += query.getColumn(0).getString();
    } catch (const std::exception& e) {
        spdlog::error("content: the content's characters cannot be read: {}", e.what());
    }
    return result;
}

size_t DatabaseTexts::cached() const {
    std::lock_guard lock(m_lock);
    return m_recent.size();
}

std::vector<bool>& ContentLanguages::used(std::string_view language) {
    if (m_last && m_lastLanguage == language) return *m_last;
    auto found = m_seen.find(language);
    if (found == m_seen.end()) found = m_seen.emplace(std::string(language), std::vector<bool>(0x110000)).first;
    m_lastLanguage = language;
    m_last = &found->second;
    return *m_last;
}

void ContentLanguages::add(std::string_view entity, std::string_view field, std::string_view language,
                           std::string_view value) {
    if (entity == "offer" && field == "title" &&
        std::find(m_titleLanguages.begin(), m_titleLanguages.end(), language) == m_titleLanguages.end())
        m_titleLanguages.emplace_back(language);
    // Not the offers' keywords (JSON arrays): the kiosk searches them but never shows them.
    if (field == "keywords") return;
    std::vector<bool>& set = used(language);
    for (std::size_t at = 0; at < value.size();) {
        const auto lead = static_cast<unsigned char>(value[at]);
        if (lead < 0x80) {  // ASCII is always in the fonts
            ++at;
            continue;
        }
        // Two bytes (Turkish, Arabic, Cyrillic: most of the texts beyond ASCII) decoded here, the rest by decodeUtf8At.
        if (lead >= 0xC2 && lead <= 0xDF && at + 1 < value.size()) {
            const auto next = static_cast<unsigned char>(value[at + 1]);
            if (next >= 0x80 && next <= 0xBF) {
                set[(static_cast<char32_t>(lead & 0x1F) << 6) | (next & 0x3F)] = true;
                at += 2;
                continue;
            }
        }
        const core::CodePoint c = core::decodeUtf8At(value, at);  // an invalid byte counts as U+FFFD
        if (c.value >= 0x80 && c.value < 0x110000) set[c.value] = true;
        at += c.length;
    }
}

void ContentLanguages::write(SQLite::Database& db) const {
    db.exec("DELETE FROM content_language");
    SQLite::Statement insert(db, "INSERT INTO content_language(code, position, characters) VALUES (?, ?, ?)");
    for (const auto& [language, set] : m_seen) {
        std::u32string characters;
        for (char32_t c = 0x80; c < 0x110000; ++c)
            if (set[c]) characters.push_back(c);
        insert.bind(1, language);
        const std::string& code = language;  // clang 14 (the fuzz build) captures no structured binding
        const auto at = std::find(m_titleLanguages.begin(), m_titleLanguages.end(), code);
        if (at != m_titleLanguages.end()) insert.bind(2, static_cast<int64_t>(at - m_titleLanguages.begin()));
        else insert.bind(2);
        insert.bind(3, core::encodeUtf8(characters));
        insert.exec();
        insert.reset();
    }
}

void writeContentLanguages(SQLite::Database& db) {
    ContentLanguages languages;
    SQLite::Statement texts(db, "SELECT entity, field, language, value FROM text ORDER BY rowid");
    while (texts.executeStep()) {
        const SQLite::Column value = texts.getColumn(3);
        languages.add(texts.getColumn(0).getText(), texts.getColumn(1).getText(), texts.getColumn(2).getText(),
                      std::string_view(value.getText(), static_cast<size_t>(value.getBytes())));
    }
    languages.write(db);
}

}  // namespace kiosk::content
