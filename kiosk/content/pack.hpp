// Content packs: one signed file that carries a content source and its media to a kiosk.
#pragma once

#include "kiosk/content/content_error.hpp"

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kiosk::content {

// The kiosk version this build reports to a pack's min_kiosk_version.
std::string kioskVersion();

inline constexpr int kPackFormat = 1;
inline constexpr std::string_view kManifestName = "manifest.json";
inline constexpr std::string_view kSignatureName = "manifest.sig";
inline constexpr std::string_view kPayloadFolder = "content";  // every payload path starts with "content/"
inline constexpr std::uint64_t kMaxManifestBytes = 4u << 20;

struct ImportLimits {
    std::uint64_t maxFileBytes = 200ull << 20;
    std::uint64_t maxTotalBytes = 2ull << 30;
    std::size_t maxFiles = 20000;
};

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
// Reads and checks a manifest; nothing on any mistake, with `error` saying which.
std::optional<Manifest> parseManifest(std::string_view json, std::string& error);

// "a/b/c" made only of plain names: not absolute, no "..", ".", empty parts or backslashes.
bool isSafeRelativePath(std::string_view path);

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
bool generateKeyPair(const std::filesystem::path& secretFile, std::string& error);
std::optional<PublicKey> readPublicKey(const std::filesystem::path& file, std::string& error);
std::optional<SecretKey> readSecretKey(const std::filesystem::path& file, std::string& error);
// Every readable *.pub file in `folder`; the ones that cannot be read are logged and skipped.
std::vector<PublicKey> trustedKeys(const std::filesystem::path& folder);

std::string publicKeyOf(const SecretKey& key);  // hex of the public half
std::string signManifest(std::string_view manifest, const SecretKey& key);  // 64 raw bytes
std::string blake2bHex(std::string_view data);
std::string toHex(const unsigned char* data, std::size_t size);

struct BuildOutcome {
    bool ok = false;
    std::vector<ContentError> contentErrors;  // the source's mistakes, as the kiosk names them
    std::string error;                        // any other reason
    Manifest manifest;
};
enum class Compression { None, Gzip, Zstd };
// Validates `source` like the kiosk does, then writes a signed pack of its five files and media.
BuildOutcome buildPack(const std::filesystem::path& source, const std::filesystem::path& pack,
                       const SecretKey& key, std::int64_t version, const std::string& name,
                       Compression compression = Compression::Zstd);

// Why a pack is refused, so that the kiosk can say it in the reader's language: `code` names the
// reason (its text is "refusal.<code>" among the kiosk's strings), `args` are the values the
// sentence names, in order ("{}" in the text).
struct Refusal {
    std::string code;
    std::vector<std::string> args;
};
// The refusal in English, as the command-line tools and the log say it.
std::string englishText(const Refusal& refusal);
// Every refusal code with its English text, for the tests that check each has a translation.
const std::vector<std::pair<std::string_view, std::string_view>>& refusalTexts();

// What reading a pack found. `message` (English) and `refusal` are for a receptionist, `detail` for the log.
struct PackCheck {
    bool ok = false;
    std::string message;
    Refusal refusal;
    std::string detail;
    Manifest manifest;
    std::string manifestBytes;  // exactly as signed
    std::string signature;      // 64 raw bytes
    bool verified = false;      // signature checked against a trusted key
};

struct PackReadOptions {
    // nullptr: the signature is not checked (inspect only; never for importing).
    const std::vector<PublicKey>* keys = nullptr;
    ImportLimits limits;
    // Where to write the payload (created files are fsynced); empty: check only.
    std::filesystem::path extractTo;
    bool syncToDisk = true;  // flush what was written to disk (syncfs) before returning (false only for a throw-away look)
    std::function<void(double)> progress;
    // Called with the verified manifest before any payload is read; returns a refusal or no code.
    std::function<Refusal(const Manifest&)> acceptManifest;
    // With extractTo: called once every content source file (the YAML, packed first) is unpacked and
    // its hash checked, while the media still stream; the importer builds its database meanwhile.
    std::function<void(const PackCheck& sofar)> sourceReady;
    // With extractTo: called after the last file checked out, before the one flush to disk, so that
    // whatever the importer still writes into extractTo is flushed with it.
    std::function<void()> beforeSync;
};

// Streams a pack once: manifest and signature first, then every entry checked against the manifest.
PackCheck readPack(const std::filesystem::path& pack, const PackReadOptions& options);

}  // namespace kiosk::content
