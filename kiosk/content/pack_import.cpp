// Importing, rolling back and describing content packs in a kiosk's data folder. The order of the
// steps is what makes it safe: nothing outside staging-* is touched until the new version is
// complete and on disk, and the switch is a single rename(2) of a symbolic link.
#include "kiosk/content/pack_import.hpp"

#include "kiosk/content/database.hpp"
#include "kiosk/content/source_loader.hpp"

#include <SQLiteCpp/Database.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fmt/chrono.h>
#include <fmt/format.h>
#include <fstream>
#include <future>
#include <nlohmann/json.hpp>
#include <sstream>
#include <spdlog/spdlog.h>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace kiosk::content {
namespace fs = std::filesystem;

namespace {

constexpr int kKeptEarlierVersions = 2;

std::string nowIso8601() {
    return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}",
                       fmt::gmtime(std::chrono::system_clock::to_time_t(std::chrono::system_clock::now())));
}

// Holds an exclusive lock on the data folder, so that the kiosk and a command-line import never
// work on it at once.
class DataDirLock {
public:
    explicit DataDirLock(const fs::path& dataDir)
        : m_fd(::open(dataDir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)) {
        m_locked = m_fd >= 0 && ::flock(m_fd, LOCK_EX | LOCK_NB) == 0;
    }
    ~DataDirLock() {
        if (m_fd >= 0) ::close(m_fd);  // closing releases the lock
    }
    DataDirLock(const DataDirLock&) = delete;
    DataDirLock& operator=(const DataDirLock&) = delete;
    bool locked() const { return m_locked; }

private:
    int m_fd;
    bool m_locked = false;
};

void syncPath(const fs::path& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw std::runtime_error(fmt::format("{}: {}", path.string(), std::strerror(errno)));
    int status = ::fsync(fd);
    ::close(fd);
    if (status != 0) throw std::runtime_error(fmt::format("fsync {}: {}", path.string(), std::strerror(errno)));
}

std::optional<std::int64_t> versionNumber(const std::string& name) {
    if (name.empty() || name.size() > 18 || !std::all_of(name.begin(), name.end(), ::isdigit) || name[0] == '0')
        return std::nullopt;
    return std::stoll(name);
}

// Every complete version in versions/, newest first.
std::vector<std::int64_t> keptVersions(const fs::path& dataDir) {
    std::vector<std::int64_t> versions;
    std::error_code ec;
    for (fs::directory_iterator it(dataDir / "versions", ec), end; !ec && it != end; it.increment(ec))
        if (auto n = versionNumber(it->path().filename().string()); n && fs::exists(it->path() / "content.sqlite"))
            versions.push_back(*n);
    std::sort(versions.rbegin(), versions.rend());
    return versions;
}

// Points `current` at versions/<version>: a new link, renamed over the old one, then the folder synced.
void switchCurrent(const fs::path& dataDir, std::int64_t version) {
    const fs::path link = dataDir / fmt::format("current.new-{}", ::getpid());
    std::error_code ec;
    fs::remove(link, ec);
    fs::create_directory_symlink(fs::path("versions") / std::to_string(version), link);
    fs::rename(link, dataDir / "current");
    syncPath(dataDir);
}

// The history keeps its newest lines: at a few packs a month, 500 lines are many years.
constexpr std::size_t kHistoryLines = 500;
constexpr std::uintmax_t kHistoryTrimBytes = 64 * 1024;

// Rewrites a long history with its newest lines only, replacing it by a rename (whole or not at all).
void trimHistory(const fs::path& file) {
    std::error_code ec;
    if (fs::file_size(file, ec) < kHistoryTrimBytes || ec) return;
    std::deque<std::string> lines;
    {
        std::ifstream in(file);
        for (std::string line; std::getline(in, line);) {
            lines.push_back(std::move(line));
            if (lines.size() > kHistoryLines) lines.pop_front();
        }
    }
    const fs::path partial = file.string() + ".new";
    {
        std::ofstream out(partial, std::ios::trunc);
        for (const auto& line : lines) out << line << '\n';
        if (!out.flush()) {
            spdlog::warn("content: cannot shorten {}", file.string());
            fs::remove(partial, ec);
            return;
        }
    }
    syncPath(partial);
    fs::rename(partial, file, ec);
    if (ec) spdlog::warn("content: cannot shorten {}: {}", file.string(), ec.message());
}

void appendHistory(const fs::path& dataDir, const std::string& line) {
    const fs::path file = dataDir / "history.log";
    int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0) {
        spdlog::warn("content: {}: {}", file.string(), std::strerror(errno));
        return;
    }
    const std::string text = nowIso8601() + " " + line + "\n";
    if (::write(fd, text.data(), text.size()) != static_cast<ssize_t>(text.size()) || ::fsync(fd) != 0)
        spdlog::warn("content: {}: {}", file.string(), std::strerror(errno));
    ::close(fd);
    trimHistory(file);
}

// Whether a sound file starts the way an Ogg or WAV file does; a player would refuse anything else.
bool looksLikeSound(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    char head[12] = {};
    in.read(head, sizeof head);
    if (in.gcount() < 12) return false;
    const std::string ext = file.extension().string();
    if (ext == ".wav") return std::memcmp(head, "RIFF", 4) == 0 && std::memcmp(head + 8, "WAVE", 4) == 0;
    return std::memcmp(head, "OggS", 4) == 0;
}

// The first sound file named in the content that is in the pack but cannot be played, or empty.
std::string undecodableSound(const core::Catalog& catalog, const fs::path& contentDir) {
    std::vector<const core::LocalizedText*> audio{&catalog.network.audio};
    for (const auto& offer : catalog.offers) audio.push_back(&offer.audio);
    for (const auto* text : audio)
        for (const auto& [language, path] : text->values()) {
            if (path.empty()) continue;
            const fs::path file = contentDir / path;
            // A file the content names but does not ship is allowed, as in a content folder.
            if (fs::exists(file) && !looksLikeSound(file)) return path;
        }
    return {};
}

std::string readText(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Offers and creation date of a kept version, from its own (already verified) files.
struct VersionInfo {
    std::string name, created;
    std::size_t offers = 0;
};
std::optional<VersionInfo> versionInfo(const fs::path& folder) {
    try {
        VersionInfo info;
        std::string error;
        if (auto manifest = parseManifest(readText(folder / "manifest.json"), error)) {
            info.name = manifest->name;
            info.created = manifest->created;
        }
        // Read-write so that a database of an older kiosk is migrated, as with a content folder.
                SQLite::Database db((folder / "content.sqlite").string(), SQLite::OPEN_READWRITE);
        info.offers = static_cast<std::size_t>(db.execAndGet("SELECT count(*) FROM offer").getInt64());
        return info;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

ImportOutcome failed(Refusal refusal, std::string detail, bool contentUnchanged = true) {
    ImportOutcome outcome;
    outcome.message = englishText(refusal) + (contentUnchanged ? " The content in use is unchanged." : "");
    outcome.refusal = std::move(refusal);
    outcome.detail = std::move(detail);
    return outcome;
}


// The content of a pack being imported, built from its source files in the staging folder.
struct BuiltContent {
    Refusal refusal;  // no code: built
    std::string detail;
    core::Catalog catalog;
};

// Checks the content exactly as a content folder is checked, builds its database and reads it back,
// and writes the signed manifest beside it. Nothing is flushed: the importer syncs the staging
// folder as a whole once the pack is unpacked.
BuiltContent buildContent(const fs::path& staging, const std::string& packName, const Manifest& manifest,
                          const std::string& manifestBytes, const std::string& signature) {
    BuiltContent built;
    // A full disk throws here, and the importer refuses the pack as one it cannot store.
    for (const auto& [name, bytes] : {std::pair{"manifest.json", &manifestBytes}, std::pair{"manifest.sig", &signature}}) {
        std::ofstream out(staging / name, std::ios::binary);
        out << *bytes;
        out.close();
        if (!out) throw std::runtime_error(fmt::format("cannot write {}", (staging / name).string()));
    }
    SourceResult source = loadSource(staging / "content");
    if (!source.ok()) {
        built.refusal = {"content-mistakes", {std::to_string(source.errors.size()), source.errors.front().toString()}};
        built.detail = fmt::format("{}: {}", packName, describe(source.errors));
        return built;
    }
    const fs::path database = staging / "content.sqlite";
    writeDatabaseFile(database, source.catalog,
                      {fmt::format("content pack {} version {}", manifest.name, manifest.version),
                       "pack:" + blake2bHex(manifestBytes), nowIso8601()},
                      Flush::ByCaller);
    // Read back what was written: the kiosk will read exactly this file at start.
    SQLite::Database db(database.string(), SQLite::OPEN_READWRITE);
    if (readCatalog(db).offers.size() != source.catalog.offers.size())
        throw std::runtime_error("the built database does not hold every offer");
    built.catalog = std::move(source.catalog);
    return built;
}

void removeLeftoversLocked(const fs::path& dataDir) {
    std::error_code ec;
    for (fs::directory_iterator it(dataDir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.starts_with("staging-") || name.starts_with("trash-") || name.starts_with("current.new-")) {
            std::error_code ignored;
            fs::remove_all(it->path(), ignored);
            spdlog::info("content: removed {}, left by an interrupted import", it->path().string());
        }
    }
}

}  // namespace

std::optional<std::int64_t> activeVersion(const fs::path& dataDir) {
    std::error_code ec;
    const fs::path target = fs::read_symlink(dataDir / "current", ec);
    if (ec || target.parent_path() != "versions") return std::nullopt;
    return versionNumber(target.filename().string());
}

void removeLeftovers(const fs::path& dataDir) {
    DataDirLock lock(dataDir);
    if (lock.locked()) removeLeftoversLocked(dataDir);
}

ImportOutcome importPack(const fs::path& pack, const fs::path& dataDir, const fs::path& trustedKeysDir,
                         const ImportLimits& limits, const std::function<void(double fraction)>& progress,
                         bool allowOlder) {
    auto report = [&](double fraction) {
        if (progress) progress(fraction);
    };
    std::error_code ec;
    fs::create_directories(dataDir / "versions", ec);
    if (ec) return failed({"cannot-store", {}}, fmt::format("{}: {}", dataDir.string(), ec.message()));
    DataDirLock lock(dataDir);
    if (!lock.locked())
        return failed({"busy", {}},
                      fmt::format("{} is locked by another import", dataDir.string()));
    removeLeftoversLocked(dataDir);

    const auto keys = trustedKeys(trustedKeysDir);
    if (keys.empty())
        return failed({"no-trusted-keys", {}},
                      fmt::format("no readable *.pub file in {}", trustedKeysDir.string()));
    const auto active = activeVersion(dataDir);

    // A private staging folder beside versions/, so the final move is a rename on one filesystem.
    std::string pattern = (dataDir / "staging-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) return failed({"cannot-store", {}}, fmt::format("mkdtemp {}: {}", pattern, std::strerror(errno)));
    const fs::path staging = pattern;
    fs::permissions(staging, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                 fs::perms::others_read | fs::perms::others_exec, ec);  // readable by the kiosk's user
    struct StagingRemover {
        fs::path path;
        bool keep = false;
        ~StagingRemover() {
            std::error_code ignored;
            if (!keep) fs::remove_all(path, ignored);
        }
    } remover{staging};

    // The database is built on a second thread from the content's source files, which come first in
    // a pack and are announced as soon as they are unpacked and their hashes checked, while the media
    // still stream in; its outcome counts only once every file of the pack checked out.
    std::future<BuiltContent> building;  // declared after `remover`: a running build ends before staging goes
    PackReadOptions options;
    options.keys = &keys;
    options.limits = limits;
    options.extractTo = staging;
    options.progress = report;
    options.acceptManifest = [&](const Manifest& manifest) -> Refusal {
        if (!active || allowOlder) return {};
        if (manifest.version == *active) return {"same-version", {std::to_string(manifest.version)}};
        if (manifest.version < *active)
            return {"older-version", {std::to_string(manifest.version), std::to_string(*active)}};
        return {};
    };
    options.sourceReady = [&](const PackCheck& sofar) {
        building = std::async(std::launch::async, buildContent, staging, pack.filename().string(), sofar.manifest,
                              sofar.manifestBytes, sofar.signature);
    };
    // What the builder wrote is flushed to disk together with the media.
    options.beforeSync = [&] {
        if (building.valid()) building.wait();
    };
    PackCheck check = readPack(pack, options);
    if (!check.ok) return failed(check.refusal, check.detail);
    const Manifest& manifest = check.manifest;

    ImportOutcome outcome;
    outcome.version = manifest.version;
    outcome.created = manifest.created;
    try {
        if (!building.valid()) throw std::logic_error("the pack's content was never announced");
        BuiltContent built = building.get();
        if (!built.refusal.code.empty()) return failed(built.refusal, built.detail);
        if (std::string sound = undecodableSound(built.catalog, staging / "content"); !sound.empty()) {
            return failed({"sound-broken", {sound}},
                          fmt::format("{}: {} is not an Ogg or WAV file", pack.filename().string(), sound));
        }
        outcome.offers = built.catalog.offers.size();
        report(0.95);

        // The switch. A version folder of the same number can exist only after a rollback: it moves aside.
        const fs::path target = dataDir / "versions" / std::to_string(manifest.version);
        fs::path aside;
        if (fs::exists(target)) {
            aside = dataDir / fmt::format("trash-{}-{}", manifest.version, ::getpid());
            fs::rename(target, aside);
        }
        fs::rename(staging, target);
        remover.keep = true;
        syncPath(dataDir / "versions");
        report(0.97);
        switchCurrent(dataDir, manifest.version);
        report(0.98);
        appendHistory(dataDir, fmt::format("imported version {} ({}, created {}, {} offers) from {}{}", manifest.version,
                                           manifest.name, manifest.created, outcome.offers, pack.filename().string(),
                                           active ? fmt::format(", replacing version {}", *active) : std::string()));

        // Keep the new version and the two newest below it.
        int earlier = 0;
        for (std::int64_t version : keptVersions(dataDir)) {
            if (version == manifest.version || (version < manifest.version && earlier++ < kKeptEarlierVersions)) continue;
            fs::remove_all(dataDir / "versions" / std::to_string(version), ec);
        }
        if (!aside.empty()) fs::remove_all(aside, ec);
    } catch (const std::exception& e) {
        // Before the switch the active content is untouched; after it, the new version is complete.
        if (activeVersion(dataDir) != manifest.version) {
            std::error_code ignored;
            fs::remove_all(dataDir / "versions" / std::to_string(manifest.version), ignored);
            return failed({"cannot-store", {}}, fmt::format("{}: {}", pack.filename().string(), e.what()));
        }
        spdlog::warn("content: after switching to version {}: {}", manifest.version, e.what());
    }
    report(1.0);
    outcome.ok = true;
    outcome.message = fmt::format("New content is in use: version {} of {}, {} offers.", manifest.version,
                                  manifest.created.substr(0, 10), outcome.offers);
    outcome.detail = fmt::format("imported {} ({} version {}, created {}, {} files, {} bytes){}", pack.string(),
                                 manifest.name, manifest.version, manifest.created, manifest.files.size(),
                                 manifest.totalBytes(), active ? fmt::format(", was version {}", *active) : std::string());
    return outcome;
}

ImportOutcome rollBack(const fs::path& dataDir) {
    if (!fs::exists(dataDir)) return failed({"nothing-to-roll-back", {}},
                                           fmt::format("{} does not exist", dataDir.string()), false);
    DataDirLock lock(dataDir);
    if (!lock.locked())
        return failed({"busy", {}},
                      fmt::format("{} is locked by an import", dataDir.string()), false);
    removeLeftoversLocked(dataDir);
    const auto active = activeVersion(dataDir);
    if (!active) return failed({"nothing-to-roll-back", {}},
                               fmt::format("{}/current does not exist", dataDir.string()), false);
    std::optional<std::int64_t> previous;
    for (std::int64_t version : keptVersions(dataDir))
        if (version < *active) {
            previous = version;
            break;
        }
    if (!previous)
        return failed({"no-earlier-version", {std::to_string(*active)}},
                      fmt::format("no kept version older than {} in {}", *active, (dataDir / "versions").string()), false);
    ImportOutcome outcome;
    try {
        switchCurrent(dataDir, *previous);
    } catch (const std::exception& e) {
        return failed({"rollback-failed", {std::to_string(*active)}}, e.what(), false);
    }
    auto info = versionInfo(dataDir / "versions" / std::to_string(*previous));
    appendHistory(dataDir, fmt::format("rolled back from version {} to version {}", *active, *previous));
    outcome.ok = true;
    outcome.version = *previous;
    if (info) {
        outcome.created = info->created;
        outcome.offers = info->offers;
    }
    outcome.message = fmt::format("Back to the earlier content: version {} of {}, {} offers.", *previous,
                                  outcome.created.substr(0, 10), outcome.offers);
    outcome.detail = fmt::format("rolled back {} from version {} to {}", dataDir.string(), *active, *previous);
    return outcome;
}

std::string contentStatus(const fs::path& dataDir) {
    std::string text;
    const auto active = activeVersion(dataDir);
    if (!active) {
        text = fmt::format("No content pack is in use in {}; the kiosk runs on its configured content folder.\n",
                           dataDir.string());
    } else {
        auto info = versionInfo(dataDir / "versions" / std::to_string(*active));
        if (info)
            text = fmt::format("Active: version {} ({}), created {}, {} offers\n", *active, info->name, info->created,
                               info->offers);
        else
            text = fmt::format("Active: version {} (its files cannot be read)\n", *active);
        std::vector<std::string> earlier;
        for (std::int64_t version : keptVersions(dataDir))
            if (version != *active) earlier.push_back(std::to_string(version));
        text += fmt::format("Kept for rollback: {}\n", earlier.empty() ? "none" : fmt::format("{}", fmt::join(earlier, ", ")));
    }
    const std::string history = readText(dataDir / "history.log");
    if (!history.empty()) text += "History:\n" + history;
    return text;
}

LoadedContent loadKioskContent(const fs::path& source, const fs::path& dataDir) {
    if (fs::exists(dataDir)) removeLeftovers(dataDir);
    if (const auto active = activeVersion(dataDir)) {
        // The resolved folder, so that a later import never mixes new media with the database read now.
        std::error_code ec;
        const fs::path folder = fs::canonical(dataDir / "current", ec);
        LoadedContent loaded;
        if (!ec) {
            try {
                // Read-write so that a database of an older kiosk is migrated, as with a content folder.
                SQLite::Database db((folder / "content.sqlite").string(), SQLite::OPEN_READWRITE);
                loaded.catalog = readCatalog(db);
                loaded.info = readContentInfo(db);
                loaded.mediaDir = folder / "content";
                loaded.database = folder / "content.sqlite";
                spdlog::info("content: content pack version {} ({})", *active, folder.string());
                return loaded;
            } catch (const std::exception& e) {
                ec = std::make_error_code(std::errc::io_error);
                spdlog::error("content: the active content pack (version {}) cannot be read: {}", *active, e.what());
            }
        }
        spdlog::error("content: falling back to the content folder {}", source.string());
    }
    return loadContent(source, dataDir / "content.sqlite");
}

}  // namespace kiosk::content
