// Reading a pack once from start to end: manifest and signature first, then every entry checked
// against the signed manifest as it streams; verifyAndUnpack also writes the payload to a folder.
#pragma once

#include "kiosk/content/pack.hpp"
#include "kiosk/content/pack_keys.hpp"
#include "kiosk/content/pack_manifest.hpp"
#include "kiosk/core/problem.hpp"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace kiosk::content {

// A pack whose every file checked out (problems are Refusal codes; their detail is for the log).
struct VerifiedPack {
    Manifest manifest;
    std::string manifestBytes;  // exactly as signed
    std::string signature;      // 64 raw bytes
    bool verified = false;      // signature checked against a trusted key
};

struct PackReadOptions {
    // nullptr: the signature is not checked (inspect only; never for importing).
    const std::vector<PublicKey>* keys = nullptr;
    ImportLimits limits;
    std::function<void(double)> progress;
    // Called with the verified manifest before any payload is read; a problem refuses the pack.
    std::function<core::Result<void>(const Manifest&)> acceptManifest;

    // Only for verifyAndUnpack:
    // Flush what was written to disk (syncfs) before returning; false only for a throw-away look.
    bool syncToDisk = true;
    // Called once every content source file (the YAML, packed first) and the ready database, when
    // the pack has one, are unpacked and their hashes checked, while the media still stream; the
    // importer checks or builds its database meanwhile.
    std::function<void(const VerifiedPack& sofar)> sourceReady;
    // Called after the last file checked out, before the one flush to disk, so that whatever the
    // importer still writes into the folder is flushed with it.
    std::function<void()> beforeSync;
};

// Checks a pack without writing anything.
core::Result<VerifiedPack> verifyPack(const std::filesystem::path& pack, const PackReadOptions& options);
// Checks a pack and writes its payload into `folder` (which must be empty); on a refusal the folder
// holds what was written so far, for the caller to remove.
core::Result<VerifiedPack> verifyAndUnpack(const std::filesystem::path& pack, const std::filesystem::path& folder,
                                           const PackReadOptions& options);

}  // namespace kiosk::content
