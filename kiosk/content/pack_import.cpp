// Importing, rolling back and describing content packs in a kiosk's data folder. The order of the
// steps is what makes it safe: nothing outside staging-* is touched until the new version is
// complete and on disk, and the switch is a single rename(2) of a symbolic link.
#include "kiosk/content/pack_import.hpp"

#include "kiosk/content/database.hpp"
#include "kiosk/content/pack_hashing.hpp"
#include "kiosk/content/pack_reader.hpp"
#include "kiosk/content/pack_refusal.hpp"
#include "kiosk/content/source_loader.hpp"
#include "kiosk/files/durable_file.hpp"

#include <SQLiteCpp/Database.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fmt/format.h>
#include <fstream>
#include <future>
#include <sstream>
#include <spdlog/spdlog.h>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace kiosk::content {
namespace fs = std::filesystem;

namespace {

constexpr int kKeptEarlierVersions = 2;

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
core::Result<void> switchCurrent(const fs::path& dataDir, std::int64_t version) {
    const fs::path link = dataDir / fmt::format("current.new-{}", ::getpid());
    std::error_code ec;
    fs::remove(link, ec);
    fs::create_directory_symlink(fs::path("versions") / std::to_string(version), link, ec);
    if (ec) return files::fileProblem(ec.value(), link, "symlink");
    return files::renameDurably(link, dataDir / "current");
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
    std::string text;
    for (const auto& line : lines) text += line + '\n';
    if (auto written = files::writeFileDurably(file, text); !written)
        spdlog::warn("content: cannot shorten {}: {}", file.string(), written.problem().logLine());
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
        if (auto manifest = parseManifest(readText(folder / "manifest.json"))) {
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

core::Problem refused(Refusal code, std::vector<std::string> values, std::string detail) {
    return core::Problem(code, std::move(values), std::move(detail));
}

// The pack's ready database, linked to where the kiosk reads it, when this kiosk can use it: kiosk-pack
// built it with the kiosk's own code and its hash matched the signed manifest; here SQLite checks it
// and its schema must be this kiosk's. A hard link, not a copy or a move: the signed file stays whole
// where the manifest names it, at no cost in time or disk. Nothing: the caller builds it from the YAML.
std::optional<core::Catalog> readyCatalog(const fs::path& staging, const std::string& packName) {
    const fs::path packed = staging / kReadyDatabasePath;
    const fs::path database = staging / "content.sqlite";
    std::error_code ec;
    if (!fs::exists(packed, ec)) return std::nullopt;
    fs::create_hard_link(packed, database, ec);
    if (ec) return std::nullopt;
    std::string why;
    try {
        SQLite::Database db(database.string(), SQLite::OPEN_READONLY);
        const int schema = db.execAndGet("PRAGMA user_version").getInt();
        const std::string check = schema == kSchemaVersion ? db.execAndGet("PRAGMA integrity_check").getString() : "";
        if (schema == kSchemaVersion && check == "ok") return readCatalog(db);
        why = schema != kSchemaVersion ? fmt::format("schema version {}, this kiosk's is {}", schema, kSchemaVersion)
                                       : "integrity check: " + check;
    } catch (const std::exception& e) {
        why = e.what();
    }
    spdlog::info("content: {}: the pack's ready database is not used ({}); building it from the source", packName, why);
    fs::remove(database, ec);
    return std::nullopt;
}

// The content of a pack being imported, in the staging folder: the pack's ready database when this
// kiosk can use it, else built from its source files, checked exactly as a content folder is
// checked, and read back; the signed manifest written beside it. Nothing is flushed: the importer syncs the staging folder as a whole once the
// pack is unpacked. A full disk refuses the pack as one the kiosk cannot store.
core::Result<core::Catalog> buildContentOrThrow(const fs::path& staging, const std::string& packName,
                                                const Manifest& manifest, const std::string& manifestBytes,
                                                const std::string& signature) {
    for (const auto& [name, bytes] : {std::pair{"manifest.json", &manifestBytes}, std::pair{"manifest.sig", &signature}}) {
        std::ofstream out(staging / name, std::ios::binary);
        out << *bytes;
        out.close();
        if (!out) return refused(Refusal::CannotStore, {}, fmt::format("cannot write {}", (staging / name).string()));
    }
    if (auto ready = readyCatalog(staging, packName)) return std::move(*ready);
    SourceResult source = loadSource(staging / "content");
    if (!source.ok())
        return refused(Refusal::ContentMistakes, {std::to_string(source.errors.size()), source.errors.front().toString()},
                       fmt::format("{}: {}", packName, describe(source.errors)));
    const fs::path database = staging / "content.sqlite";
    auto written = writeDatabaseFile(database, source.catalog,
                                     {fmt::format("content pack {} version {}", manifest.name, manifest.version),
                                      "pack:" + blake2bHex(manifestBytes), nowIso8601()},
                                     Flush::ByCaller);
    if (!written)
        return refused(Refusal::CannotStore, {}, fmt::format("{}: {}", packName, written.problem().logLine()));
    // Read back what was written: the kiosk will read exactly this file at start.
    SQLite::Database db(database.string(), SQLite::OPEN_READWRITE);
    if (readCatalog(db).offers.size() != source.catalog.offers.size())
        return refused(Refusal::CannotStore, {}, fmt::format("{}: the built database does not hold every offer", packName));
    return std::move(source.catalog);
}

core::Result<core::Catalog> buildContent(const fs::path& staging, const std::string& packName, const Manifest& manifest,
                                         const std::string& manifestBytes, const std::string& signature) {
    try {
        return buildContentOrThrow(staging, packName, manifest, manifestBytes, signature);
    } catch (const std::exception& e) {
        // SQLite on a full disk, a file that vanished: the kiosk cannot store this content.
        return refused(Refusal::CannotStore, {}, fmt::format("{}: {}", packName, e.what()));
    }
}

// Moves the verified staging folder in as versions/<version> and points `current` at it; then the
// history gets its line and versions beyond the kept ones go. A problem before the link switched
// leaves the content in use as it was.
core::Result<void> switchTo(const fs::path& dataDir, const fs::path& staging, std::int64_t version,
                            const std::function<void(double)>& report) {
    // A version folder of the same number can exist only after a rollback: it moves aside.
    const fs::path target = dataDir / "versions" / std::to_string(version);
    fs::path aside;
    std::error_code ec;
    if (fs::exists(target)) {
        aside = dataDir / fmt::format("trash-{}-{}", version, ::getpid());
        fs::rename(target, aside, ec);
        if (ec) return files::fileProblem(ec.value(), target, "rename");
    }
    if (auto moved = files::renameDurably(staging, target); !moved) return moved;
    report(0.97);
    if (auto switched = switchCurrent(dataDir, version); !switched) return switched;
    report(0.98);
    // Keep the new version and the two newest below it.
    int earlier = 0;
    for (std::int64_t kept : keptVersions(dataDir)) {
        if (kept == version || (kept < version && earlier++ < kKeptEarlierVersions)) continue;
        fs::remove_all(dataDir / "versions" / std::to_string(kept), ec);
    }
    if (!aside.empty()) fs::remove_all(aside, ec);
    return {};
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

core::Result<ImportedContent> importPack(const fs::path& pack, const fs::path& dataDir, const fs::path& trustedKeysDir,
                                         const ImportLimits& limits, const std::function<void(double fraction)>& progress,
                                         bool allowOlder) {
    auto report = [&](double fraction) {
        if (progress) progress(fraction);
    };
    std::error_code ec;
    fs::create_directories(dataDir / "versions", ec);
    if (ec) return refused(Refusal::CannotStore, {}, fmt::format("{}: {}", dataDir.string(), ec.message()));
    DataDirLock lock(dataDir);
    if (!lock.locked()) return refused(Refusal::Busy, {}, fmt::format("{} is locked by another import", dataDir.string()));
    removeLeftoversLocked(dataDir);

    const auto keys = trustedKeys(trustedKeysDir);
    if (keys.empty())
        return refused(Refusal::NoTrustedKeys, {}, fmt::format("no readable *.pub file in {}", trustedKeysDir.string()));
    const auto active = activeVersion(dataDir);

    // A private staging folder beside versions/, so the final move is a rename on one filesystem.
    std::string pattern = (dataDir / "staging-XXXXXX").string();
    if (!::mkdtemp(pattern.data()))
        return refused(Refusal::CannotStore, {}, fmt::format("mkdtemp {}: {}", pattern, std::strerror(errno)));
    const fs::path staging = pattern;
    fs::permissions(staging, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                 fs::perms::others_read | fs::perms::others_exec, ec);  // readable by the kiosk's user
    struct StagingRemover {
        fs::path path;
        ~StagingRemover() {
            std::error_code ignored;
            fs::remove_all(path, ignored);  // gone already once it became a version
        }
    } remover{staging};

    // The database is built on a second thread from the content's source files, which come first in
    // a pack and are announced as soon as they are unpacked and their hashes checked, while the media
    // still stream in; its outcome counts only once every file of the pack checked out.
    // Declared after `remover`: a running build ends before the staging folder goes.
    std::future<core::Result<core::Catalog>> building;
    PackReadOptions options;
    options.keys = &keys;
    options.limits = limits;
    options.progress = report;
    options.acceptManifest = [&](const Manifest& manifest) -> core::Result<void> {
        if (!active || allowOlder) return {};
        if (manifest.version == *active) return core::Problem(Refusal::SameVersion, {std::to_string(manifest.version)});
        if (manifest.version < *active)
            return core::Problem(Refusal::OlderVersion, {std::to_string(manifest.version), std::to_string(*active)});
        return {};
    };
    options.sourceReady = [&](const VerifiedPack& sofar) {
        building = std::async(std::launch::async, buildContent, staging, pack.filename().string(), sofar.manifest,
                              sofar.manifestBytes, sofar.signature);
    };
    // What the builder wrote is flushed to disk together with the media.
    options.beforeSync = [&] {
        if (building.valid()) building.wait();
    };
    auto verified = verifyAndUnpack(pack, staging, options);
    if (!verified) return std::move(verified).takeProblem();
    const Manifest& manifest = verified->manifest;

    if (!building.valid())
        return refused(Refusal::CannotStore, {}, fmt::format("{}: the pack's content was never announced", pack.string()));
    auto built = building.get();
    if (!built) return std::move(built).takeProblem();
    if (std::string sound = undecodableSound(*built, staging / "content"); !sound.empty())
        return refused(Refusal::SoundBroken, {sound},
                       fmt::format("{}: {} is not an Ogg or WAV file", pack.filename().string(), sound));
    ImportedContent imported;
    imported.version = manifest.version;
    imported.created = manifest.created;
    imported.offers = built->offers.size();
    report(0.95);

    if (auto switched = switchTo(dataDir, staging, manifest.version, report); !switched) {
        // Before the switch the active content is untouched; after it, the new version is complete.
        if (activeVersion(dataDir) != manifest.version) {
            std::error_code ignored;
            fs::remove_all(dataDir / "versions" / std::to_string(manifest.version), ignored);
            return refused(Refusal::CannotStore, {},
                           fmt::format("{}: {}", pack.filename().string(), switched.problem().logLine()));
        }
        spdlog::warn("content: after switching to version {}: {}", manifest.version, switched.problem().logLine());
    }
    appendHistory(dataDir, fmt::format("imported version {} ({}, created {}, {} offers) from {}{}", manifest.version,
                                       manifest.name, manifest.created, imported.offers, pack.filename().string(),
                                       active ? fmt::format(", replacing version {}", *active) : std::string()));
    report(1.0);
    imported.message = fmt::format("New content is in use: version {} of {}, {} offers.", manifest.version,
                                   manifest.created.substr(0, 10), imported.offers);
    imported.detail = fmt::format("imported {} ({} version {}, created {}, {} files, {} bytes){}", pack.string(),
                                  manifest.name, manifest.version, manifest.created, manifest.files.size(),
                                  manifest.totalBytes(), active ? fmt::format(", was version {}", *active) : std::string());
    return imported;
}

core::Result<ImportedContent> rollBack(const fs::path& dataDir) {
    if (!fs::exists(dataDir))
        return refused(Refusal::NothingToRollBack, {}, fmt::format("{} does not exist", dataDir.string()));
    DataDirLock lock(dataDir);
    if (!lock.locked()) return refused(Refusal::Busy, {}, fmt::format("{} is locked by an import", dataDir.string()));
    removeLeftoversLocked(dataDir);
    const auto active = activeVersion(dataDir);
    if (!active)
        return refused(Refusal::NothingToRollBack, {}, fmt::format("{}/current does not exist", dataDir.string()));
    std::optional<std::int64_t> previous;
    for (std::int64_t version : keptVersions(dataDir))
        if (version < *active) {
            previous = version;
            break;
        }
    if (!previous)
        return refused(Refusal::NoEarlierVersion, {std::to_string(*active)},
                       fmt::format("no kept version older than {} in {}", *active, (dataDir / "versions").string()));
    if (auto switched = switchCurrent(dataDir, *previous); !switched)
        return refused(Refusal::RollbackFailed, {std::to_string(*active)}, switched.problem().logLine());
    auto info = versionInfo(dataDir / "versions" / std::to_string(*previous));
    appendHistory(dataDir, fmt::format("rolled back from version {} to version {}", *active, *previous));
    ImportedContent back;
    back.version = *previous;
    if (info) {
        back.created = info->created;
        back.offers = info->offers;
    }
    back.message = fmt::format("Back to the earlier content: version {} of {}, {} offers.", *previous,
                               back.created.substr(0, 10), back.offers);
    back.detail = fmt::format("rolled back {} from version {} to {}", dataDir.string(), *active, *previous);
    return back;
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
                loaded.catalog = readCatalog(db, Texts::OnDemand);
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
