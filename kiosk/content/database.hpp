// The kiosk's content database: a SQLite file built from a validated catalog, read back at start.
#pragma once

#include "kiosk/core/catalog.hpp"
#include "kiosk/core/problem.hpp"

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <string>

namespace kiosk::content {

inline constexpr int kSchemaVersion = 7;

struct ContentInfo {
    std::string source;       // where the content was built from
    std::string fingerprint;  // of the source files, to notice edits
    std::string builtAt;      // ISO 8601, UTC
};

// Brings a database to kSchemaVersion, one step per version, all in one transaction.
// Throws std::runtime_error for a file made by a newer kiosk.
void migrate(SQLite::Database& db);
// Fills the search index anew from the catalog's tables (what migrating from before version 4 does).
void rebuildSearchIndex(SQLite::Database& db);

void writeCatalog(SQLite::Database& db, const core::Catalog& catalog, const ContentInfo& info);
// Texts::OnDemand: the offers' and providers' texts stay in the file, read when shown (DatabaseTexts
// on its own read-only connection to the file); the kiosk's catalog, small at any size of content.
// Texts::InMemory: everything read, for programs that use the catalog whole.
enum class Texts { InMemory, OnDemand };
core::Catalog readCatalog(SQLite::Database& db, Texts texts = Texts::InMemory);
ContentInfo readContentInfo(SQLite::Database& db);

// Who makes the written database durable: this function (fsync of the file and its folder), or
// the caller, who flushes a whole private folder at once (the pack importer's staging folder).
enum class Flush { Here, ByCaller };
// Writes the database beside `path` and renames it into place, so a crash leaves the old file. A
// problem is a files::FileProblem (a full disk says so) with SQLite's words in its detail.
core::Result<void> writeDatabaseFile(const std::filesystem::path& path, const core::Catalog& catalog,
                                     const ContentInfo& info, Flush flush = Flush::Here);
// The same for a catalog not needed afterwards (left empty): its memory is freed on the second thread
// while this one finishes the file (10,000 offers: a million texts, 0.2 s of frees after the end otherwise).
core::Result<void> writeDatabaseFile(const std::filesystem::path& path, core::Catalog&& catalog,
                                     const ContentInfo& info, Flush flush = Flush::Here);

}  // namespace kiosk::content
