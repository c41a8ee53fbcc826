// Ed25519 signing keys (libsodium): made by kiosk-pack keygen, the secret one signs a pack's
// manifest, the public ones in a kiosk's keys folder decide which packs it trusts.
#pragma once

#include "kiosk/core/problem.hpp"

#include <array>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::content {

enum class KeyProblem {
    Exists,         // keygen: the key file is there already
    Unreadable,     // the key file cannot be read
    NoKey,          // it holds no key line
    NotPublicKey,   // its key is not 64 hex digits
    NotSecretKey,   // its key is not 128 hex digits
};
std::string_view problemDomain(KeyProblem);
std::string_view problemName(KeyProblem code);
std::string_view problemEnglish(KeyProblem code);

struct PublicKey {
    std::array<unsigned char, 32> bytes{};
    std::string keyId() const;  // first 8 bytes, hex
    std::filesystem::path file;  // where it was read from
};
struct SecretKey {
    std::array<unsigned char, 64> bytes{};
    ~SecretKey();  // wipes the key from memory
};

// Writes a new key pair: `secretFile` (mode 0600, never overwritten) and `secretFile`.pub.
core::Result<void> generateKeyPair(const std::filesystem::path& secretFile);
core::Result<PublicKey> readPublicKey(const std::filesystem::path& file);
core::Result<SecretKey> readSecretKey(const std::filesystem::path& file);
// Every readable *.pub file in `folder`; the ones that cannot be read are logged and skipped.
std::vector<PublicKey> trustedKeys(const std::filesystem::path& folder);

std::string publicKeyOf(const SecretKey& key);  // hex of the public half
std::string signManifest(std::string_view manifest, const SecretKey& key);  // 64 raw bytes
// Whether `signature` (64 raw bytes) of `manifest` was made with `key`'s secret half.
bool signatureMatches(std::string_view manifest, std::string_view signature, const PublicKey& key);

}  // namespace kiosk::content
