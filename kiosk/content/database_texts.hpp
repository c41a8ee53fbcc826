// The texts of offers and providers, read from the content database when a screen shows them: the
// kiosk keeps only what every frame needs of each offer in memory (see core::TextSource).
#pragma once

#include "kiosk/core/catalog.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <array>
#include <filesystem>
#include <list>
#include <memory>
#include <mutex>
#include <map>
#include <string>
#include <unordered_map>

namespace kiosk::content {

class DatabaseTexts final : public core::TextSource {
public:
    // Opens `database` read-only (its own connection). Keeps the texts of the `capacity` offers and
    // providers asked for last (a screen shows a few dozen at most). Throws SQLite::Exception when the
    // file cannot be opened.
    explicit DatabaseTexts(const std::filesystem::path& database, size_t capacity = 128);
    ~DatabaseTexts() override;

    core::LocalizedText offerText(std::string_view offerId, core::OfferText field) const override;
    core::LocalizedText providerText(std::string_view providerId, core::ProviderText field) const override;
    std::string offerUrl(std::string_view offerId) const override;
    std::vector<std::string> languages() const override;
    std::string characters() const override;

    size_t cached() const;  // entries in the cache now (for tests)

private:
    static constexpr size_t kFields = 6;  // the most of OfferText and ProviderText
    using Texts = std::array<core::LocalizedText, kFields>;
    const Texts& entry(std::string_view entity, std::string_view id) const;  // with m_lock held

    mutable std::mutex m_lock;
    mutable SQLite::Database m_db;
    mutable SQLite::Statement m_query;
    mutable SQLite::Statement m_urlQuery;
    mutable std::pair<std::string, std::string> m_lastUrl;  // offer id, its link: the offer screen asks every frame
    size_t m_capacity;
    mutable std::list<std::pair<std::string, Texts>> m_recent;  // most recently used first
    mutable std::unordered_map<std::string, std::list<std::pair<std::string, Texts>>::iterator> m_byKey;
};

// The characters of every text of the database's `text` table, per language, and the order of the
// languages the offers' titles are in; written when a database is built (and by the migration to
// schema 6), so that the kiosk never reads every text at its start.
void writeContentLanguages(SQLite::Database& db);

// writeContentLanguages' table from the texts as they are written into the `text` table, in its order
// (a new database's tables: no second pass over the 60 MB of texts of 10,000 offers).
class ContentLanguages {
public:
    // A row of the text table: the characters of `value`, unless it is an offer's keywords (never shown).
    void add(std::string_view entity, std::string_view field, std::string_view language, std::string_view value);
    void write(SQLite::Database& db) const;  // content_language's rows, the old ones deleted

private:
    std::vector<bool>& used(std::string_view language);
    std::map<std::string, std::vector<bool>, std::less<>> m_seen;  // per language, a bit per code point
    std::vector<bool>* m_last = nullptr;                           // the last language's (texts come in runs)
    std::string m_lastLanguage;
    std::vector<std::string> m_titleLanguages;  // the offers' titles' languages as they first come
};

}  // namespace kiosk::content
