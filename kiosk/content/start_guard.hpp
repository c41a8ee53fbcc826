// New content on trial: the kiosk takes content it has not yet drawn from (a rebuilt content
// folder, a newly imported pack) only on trial. A start that ends before its first frame (a crash
// on a text the check let through) leaves its marker behind; the next start with the same content
// falls back by itself to the content last drawn from, and keeps refusing the content that crashed
// until it changes (`Restart=always` would otherwise loop on it for ever).
#pragma once

#include "kiosk/content/content_store.hpp"

#include <filesystem>
#include <functional>
#include <string>

namespace kiosk::content {

// What names one content: its database file, when it was built and from what.
std::string contentIdentity(const LoadedContent& content);
std::string contentIdentity(const std::filesystem::path& database, const ContentInfo& info);

// The database the last good content folder build was kept in when a new build replaced it.
std::filesystem::path previousDatabase(const std::filesystem::path& database);
// Before a new build replaces `database` (of `info`): kept as previousDatabase() when the kiosk
// has drawn from it, so that new content that crashes the kiosk has something to fall back on.
void keepDrawnBuild(const std::filesystem::path& database, const ContentInfo& info);

// Starts in a row that ended (crashed) before their first frame before content is refused.
inline constexpr int kCrashedStarts = 2;

// Before the window opens: the content to start with. `loaded` unless it ended the last two starts
// before their first frame (or was refused for that before) and was never drawn from: then the
// previous content (a rollback of a pack, or the kept previous build of a content folder),
// logged. `reload` loads the kiosk's content again (after a rollback). Marks the start.
LoadedContent guardStart(const std::filesystem::path& dataDir, LoadedContent loaded,
                         const std::function<LoadedContent()>& reload);

// After the first frame was drawn from `content`: it is good; the start's marker goes.
void contentDrawn(const std::filesystem::path& dataDir, const LoadedContent& content);
// The kiosk ends in order (not a crash), also before a first frame: the start's marker goes.
void startEnded(const std::filesystem::path& dataDir);

}  // namespace kiosk::content
