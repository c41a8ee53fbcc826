// Importing a content pack on a kiosk: verified, staged, checked, then switched in by one rename, so
// that a refusal or a power cut at any moment leaves the kiosk on its old content or the new one.
#pragma once

#include "kiosk/content/content_store.hpp"
#include "kiosk/content/pack.hpp"
#include "kiosk/core/problem.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace kiosk::content {

// Layout of a data folder:
//   versions/<N>/{manifest.json, manifest.sig, content/, content.sqlite}   the active and two earlier versions
//   current -> versions/<N>                                                switched by rename(2)
//   history.log                                                            one line per import and rollback
//
// What an import or a rollback put in use. When it refuses, the problem is a Refusal (words in the
// reader's language through the .po files) and the content in use is unchanged.
struct ImportedContent {
    std::int64_t version = 0;
    std::string created;
    std::size_t offers = 0;
    std::string message;  // plain words for a receptionist, in English
    std::string detail;   // for the log
};

core::Result<ImportedContent> importPack(const std::filesystem::path& pack, const std::filesystem::path& dataDir,
                                         const std::filesystem::path& trustedKeysDir, const ImportLimits& limits,
                                         const std::function<void(double fraction)>& progress, bool allowOlder = false);

// Returns to the newest kept version older than the active one.
core::Result<ImportedContent> rollBack(const std::filesystem::path& dataDir);

// The active version, when it was made, the kept versions and the history, for people.
std::string contentStatus(const std::filesystem::path& dataDir);

// The version `dataDir/current` points at; nothing when no pack was ever imported.
std::optional<std::int64_t> activeVersion(const std::filesystem::path& dataDir);

// Removes what an interrupted import left behind (staging-*, trash-*, current.new-*), unless an
// import is running right now.
void removeLeftovers(const std::filesystem::path& dataDir);

// The content the kiosk runs on: the active content pack in `dataDir` when there is one (its
// database, media beside it), otherwise `source` as loadContent() chooses it.
LoadedContent loadKioskContent(const std::filesystem::path& source, const std::filesystem::path& dataDir);

}  // namespace kiosk::content
