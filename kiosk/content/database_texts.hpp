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

}  // namespace kiosk::content
