// Content packs: one signed file that carries a content source and its media to a kiosk. What every
// part shares; the parts are pack_manifest (what a pack holds), pack_keys (signing keys),
// pack_hashing (BLAKE2b), pack_writer (kiosk-pack build), pack_reader (verify and unpack) and
// pack_refusal (why a pack is refused).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kiosk::content {

// The kiosk version this build reports to a pack's min_kiosk_version.
std::string kioskVersion();

inline constexpr int kPackFormat = 1;
inline constexpr std::string_view kManifestName = "manifest.json";
inline constexpr std::string_view kSignatureName = "manifest.sig";
inline constexpr std::string_view kPayloadFolder = "content";  // every payload path starts with "content/"
inline constexpr std::uint64_t kMaxManifestBytes = 4u << 20;
// The ready database kiosk-pack builds from the source (the kiosk's own code and schema), packed
// before the source files; a kiosk of the same schema uses it instead of building its own.
inline constexpr std::string_view kReadyDatabasePath = "content/content.sqlite";

// What a kiosk takes at most from one pack.
struct ImportLimits {
    std::uint64_t maxFileBytes = 200ull << 20;
    std::uint64_t maxTotalBytes = 2ull << 30;
    std::size_t maxFiles = 20000;
};

}  // namespace kiosk::content
