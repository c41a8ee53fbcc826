// Start-up content loading that never leaves the kiosk without content because of a bad edit.
#include "kiosk/content/content_store.hpp"

#include "kiosk/content/phase_timer.hpp"
#include "kiosk/content/source_loader.hpp"
#include "kiosk/content/start_guard.hpp"

#include <chrono>
#include <fmt/chrono.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

namespace kiosk::content {
namespace {

std::optional<core::Catalog> readDatabaseFile(const std::filesystem::path& path, ContentInfo& info,
                                              std::string& problem) {
    try {
        // Read-write so that a file from an older kiosk is migrated (in one transaction).
        SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
        auto catalog = readCatalog(db, Texts::OnDemand);  // the kiosk's: texts read when shown
        info = readContentInfo(db);
        return catalog;
    } catch (const std::exception& e) {
        problem = fmt::format("The content database {} cannot be read: {}", path.string(), e.what());
        return std::nullopt;
    }
}

std::string nowIso8601() {
    return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::chrono::system_clock::to_time_t(
                                                     std::chrono::system_clock::now())));
}

}  // namespace

std::string sourceFingerprint(const std::filesystem::path& source) {
    std::string fingerprint;
    auto names = sourceFiles();
    names.insert(names.end(), optionalSourceFiles().begin(), optionalSourceFiles().end());
    for (const auto& name : names) {
        std::error_code ec;
        auto path = source / name;
        auto size = std::filesystem::file_size(path, ec);
        auto time = std::filesystem::last_write_time(path, ec);
        fingerprint += fmt::format("{}:{}:{};", name, ec ? 0 : size, ec ? 0 : time.time_since_epoch().count());
    }
    return fingerprint;
}

std::vector<ContentError> buildDatabase(const std::filesystem::path& source, const std::filesystem::path& database,
                                        std::vector<ContentError>* warnings) {
    PhaseTimer loading("load content (parse and check)");
    SourceResult result = loadSource(source);
    loading.stop();
    if (!result.ok()) return result.errors;
    PhaseTimer warningsTimer("warnings");
    if (warnings) {
        *warnings = schoolHolidayWarnings(result.catalog, localToday());
        for (auto& warning : professionalWarnings(result.catalog)) warnings->push_back(std::move(warning));
        for (auto& warning : pictureWarnings(result.catalog, source)) warnings->push_back(std::move(warning));
    }
    warningsTimer.stop();
    PhaseTimer writing("write the database (all)");
    auto written = writeDatabaseFile(database, std::move(result.catalog),
                                     {std::filesystem::absolute(source).string(), sourceFingerprint(source), nowIso8601()});
    writing.stop();
    if (!written)
        return {{database.string(), "", "",
                 fmt::format("the content database cannot be written: {}", written.problem().logLine())}};
    return {};
}

LoadedContent loadContent(const std::filesystem::path& source, const std::filesystem::path& database) {
    LoadedContent loaded;
    if (std::filesystem::is_regular_file(source)) {
        loaded.catalog = readDatabaseFile(source, loaded.info, loaded.problem);
        loaded.database = source;
        loaded.mediaDir = std::filesystem::absolute(source).parent_path();
        return loaded;
    }
    // The folder the content in use was built from; the previous content of a broken edit may come from another.
    auto mediaDirOf = [&](const ContentInfo& info) {
        return info.source.empty() ? std::filesystem::absolute(source) : std::filesystem::path(info.source);
    };
    loaded.mediaDir = std::filesystem::absolute(source);
    loaded.database = database;

    std::string databaseProblem;
    ContentInfo existing;
    std::optional<core::Catalog> previous;
    if (std::filesystem::exists(database)) previous = readDatabaseFile(database, existing, databaseProblem);

    const std::string fingerprint = sourceFingerprint(source);
    if (previous && existing.fingerprint == fingerprint &&
        existing.source == std::filesystem::absolute(source).string()) {
        loaded.catalog = std::move(previous);
        loaded.info = existing;
        loaded.mediaDir = mediaDirOf(existing);
        return loaded;
    }

    if (previous) keepDrawnBuild(database, existing);
    loaded.sourceErrors = buildDatabase(source, database);
    if (loaded.sourceErrors.empty()) {
        spdlog::info("content: built {} from {}", database.string(), source.string());
        loaded.catalog = readDatabaseFile(database, loaded.info, loaded.problem);
        return loaded;
    }

    for (const auto& error : loaded.sourceErrors) spdlog::error("content: {}", error.toString());
    if (previous) {
        loaded.catalog = std::move(previous);
        loaded.info = existing;
        loaded.mediaDir = mediaDirOf(existing);
        loaded.problem = fmt::format(
            "The edited content has {} error(s) and was not taken; the kiosk shows the previous content (built {}).",
            loaded.sourceErrors.size(), existing.builtAt);
    } else {
        loaded.problem = fmt::format("The content has {} error(s) and there is no previous content to show.",
                                     loaded.sourceErrors.size());
        if (!databaseProblem.empty()) loaded.problem += " " + databaseProblem;
    }
    spdlog::warn("content: {}", loaded.problem);
    return loaded;
}

}  // namespace kiosk::content
