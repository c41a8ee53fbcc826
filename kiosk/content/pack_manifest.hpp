// A pack's manifest: the files it holds with their sizes and hashes, as the exact bytes that are signed.
#pragma once

#include "kiosk/content/pack.hpp"
#include "kiosk/core/problem.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::content {

struct PackFile {
    std::string path;    // "content/offers.yaml", as in the archive
    std::uint64_t size = 0;
    std::string blake2b;  // BLAKE2b-256 of the file, lower-case hex
};

struct Manifest {
    int format = kPackFormat;
    std::string name;
    std::int64_t version = 0;
    std::string created;          // ISO 8601, UTC
    std::string minKioskVersion;  // "0.1.0"
    std::string keyId;            // first 8 bytes of the signing public key, hex
    std::vector<PackFile> files;

    std::uint64_t totalBytes() const;
};

// The manifest as the exact bytes that are signed.
std::string manifestToJson(const Manifest& manifest);
// Reads and checks a manifest; on any mistake Refusal::BadManifest, its detail saying which.
core::Result<Manifest> parseManifest(std::string_view json);

// "a/b/c" made only of plain names: not absolute, no "..", ".", empty parts or backslashes.
bool isSafeRelativePath(std::string_view path);

// Parts of a dotted version, "0.1.0" -> {0, 1, 0}; empty when it is not one.
std::vector<long> versionParts(std::string_view text);

// Now as a manifest's `created` says it: "2026-11-26T23:31:49Z".
std::string nowIso8601();

}  // namespace kiosk::content
