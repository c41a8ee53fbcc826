// Three one-line files in the data folder: start-trial (the content of a start not yet drawn),
// content-drawn (the content last drawn from), content-refused (content that ended a start).
#include "kiosk/content/start_guard.hpp"

#include "kiosk/content/pack_import.hpp"
#include "kiosk/files/durable_file.hpp"

#include <SQLiteCpp/Database.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <fstream>
#include <utility>

namespace kiosk::content {
namespace {

std::string readLine(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::string line;
    std::getline(in, line);
    return line;
}

void writeLine(const std::filesystem::path& file, const std::string& line) {
    if (auto written = files::writeFileDurably(file, line + "\n", 0600); !written)
        spdlog::warn("content: {}", written.problem().logLine());
}

// The kept previous build of a content folder, as content to show.
LoadedContent previousBuild(const LoadedContent& loaded) {
    LoadedContent previous;
    const auto file = previousDatabase(loaded.database);
    try {
        SQLite::Database db(file.string(), SQLite::OPEN_READWRITE);
        previous.catalog = readCatalog(db, Texts::OnDemand);
        previous.info = readContentInfo(db);
        previous.database = file;
        previous.mediaDir = previous.info.source.empty() ? loaded.mediaDir : std::filesystem::path(previous.info.source);
    } catch (const std::exception& e) {
        spdlog::error("content: the previous content {} cannot be read: {}", file.string(), e.what());
        return {};
    }
    return previous;
}

}  // namespace

std::string contentIdentity(const std::filesystem::path& database, const ContentInfo& info) {
    return database.string() + "|" + info.builtAt + "|" + info.fingerprint;
}

std::string contentIdentity(const LoadedContent& content) {
    return content.catalog ? contentIdentity(content.database, content.info) : std::string();
}

void keepDrawnBuild(const std::filesystem::path& database, const ContentInfo& info) {
    if (readLine(database.parent_path() / "content-drawn") != contentIdentity(database, info)) return;
    std::error_code ec;
    std::filesystem::copy_file(database, previousDatabase(database), std::filesystem::copy_options::overwrite_existing, ec);
    if (ec) spdlog::warn("content: the previous content could not be kept: {}", ec.message());
}

std::filesystem::path previousDatabase(const std::filesystem::path& database) {
    return database.string() + ".previous";
}

// "N identity": N starts with this content ended by a crash before the first frame.
static std::pair<int, std::string> readTrial(const std::filesystem::path& dataDir) {
    const std::string line = readLine(dataDir / "start-trial");
    const auto space = line.find(' ');
    if (space == std::string::npos || space == 0 || space > 3) return {0, {}};
    int count = 0;
    for (size_t i = 0; i < space; ++i) {
        if (line[i] < '0' || line[i] > '9') return {0, {}};
        count = count * 10 + (line[i] - '0');
    }
    return {count, line.substr(space + 1)};
}

LoadedContent guardStart(const std::filesystem::path& dataDir, LoadedContent loaded,
                         const std::function<LoadedContent()>& reload) {
    const std::string identity = contentIdentity(loaded);
    const std::string drawn = readLine(dataDir / "content-drawn");
    const auto [tries, tried] = readTrial(dataDir);
    // Two starts in a row ended before the first frame (one may be a power cut or a stop).
    const bool crashed = !identity.empty() && identity != drawn &&
                         ((tried == identity && tries >= kCrashedStarts) || readLine(dataDir / "content-refused") == identity);
    if (crashed) {
        LoadedContent fallback;
        if (activeVersion(dataDir) && loaded.database != dataDir / "content.sqlite") {
            if (auto back = rollBack(dataDir); back && reload) fallback = reload();
        } else if (std::filesystem::exists(previousDatabase(loaded.database))) {
            fallback = previousBuild(loaded);
        }
        if (fallback.catalog && contentIdentity(fallback) != identity) {
            spdlog::error("content: the content built {} ended the kiosk's start before its first frame; it is refused "
                          "and the previous content (built {}) is shown",
                          loaded.info.builtAt, fallback.info.builtAt);
            writeLine(dataDir / "content-refused", identity);
            fallback.problem = "The new content ended the kiosk at its start and was refused; the previous content is shown.";
            loaded = std::move(fallback);
        } else {
            spdlog::error("content: the content built {} ended the kiosk's start before its first frame, and there is "
                          "no previous content to fall back on", loaded.info.builtAt);
        }
    }
    const std::string shown = contentIdentity(loaded);
    if (!shown.empty() && shown != drawn) {
        const auto [count, name] = readTrial(dataDir);
        writeLine(dataDir / "start-trial", std::to_string(name == shown ? std::min(count + 1, 99) : 1) + " " + shown);
    }
    return loaded;
}

void startEnded(const std::filesystem::path& dataDir) {
    std::error_code ignored;
    std::filesystem::remove(dataDir / "start-trial", ignored);
}

void contentDrawn(const std::filesystem::path& dataDir, const LoadedContent& content) {
    const std::string identity = contentIdentity(content);
    if (identity.empty()) return;
    if (readLine(dataDir / "content-drawn") != identity) writeLine(dataDir / "content-drawn", identity);
    startEnded(dataDir);
}

}  // namespace kiosk::content
