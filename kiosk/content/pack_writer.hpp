// Writing a signed pack of a content folder (kiosk-pack build), on an administrator's computer.
#pragma once

#include "kiosk/content/pack_keys.hpp"
#include "kiosk/content/pack_manifest.hpp"
#include "kiosk/core/problem.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace kiosk::content {

enum class PackBuildProblem {
    BadVersion,       // the version is not a whole number above 0
    ContentMistakes,  // the content folder has mistakes: the value is their number, the detail lists them
    UnsafeName,       // a file whose name cannot go into a pack
    Unreadable,       // a file or the folder cannot be read
    SourceChanged,    // a file changed while the pack was made
};
std::string_view problemDomain(PackBuildProblem);
std::string_view problemName(PackBuildProblem code);
std::string_view problemEnglish(PackBuildProblem code);

enum class Compression { None, Gzip, Zstd };
// Whether the pack carries the database built from its source (kReadyDatabasePath) beside it.
enum class PackDatabase { Ready, SourceOnly };

// Validates `source` like the kiosk does, then writes a signed pack of its source files and media
// (beside `pack` first, then renamed over it: never half a pack), with the database built from them
// first when `database` says Ready (kiosk-pack's default). Returns the pack's manifest.
core::Result<Manifest> buildPack(const std::filesystem::path& source, const std::filesystem::path& pack,
                                 const SecretKey& key, std::int64_t version, const std::string& name,
                                 Compression compression = Compression::Zstd,
                                 PackDatabase database = PackDatabase::SourceOnly);

}  // namespace kiosk::content
