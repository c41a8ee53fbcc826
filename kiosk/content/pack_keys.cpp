// Key files are text: an optional "# comment" line and the key in hex; the secret one is written
// with mode 0600 and wiped from memory after use.
#include "kiosk/content/pack_keys.hpp"

#include "kiosk/content/pack_hashing.hpp"
#include "kiosk/files/durable_file.hpp"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <fmt/format.h>
#include <fstream>
#include <optional>

namespace kiosk::content {
namespace fs = std::filesystem;

std::string_view problemDomain(KeyProblem) { return "key"; }

std::string_view problemName(KeyProblem code) {
    switch (code) {
    case KeyProblem::Exists: return "exists";
    case KeyProblem::Unreadable: return "unreadable";
    case KeyProblem::NoKey: return "no-key";
    case KeyProblem::NotPublicKey: return "not-public-key";
    case KeyProblem::NotSecretKey: return "not-secret-key";
    }
    return "unreadable";
}

std::string_view problemEnglish(KeyProblem code) {
    switch (code) {
    case KeyProblem::Exists: return "{} or {} exists already; a key is never overwritten";
    case KeyProblem::Unreadable: return "{}: cannot be read";
    case KeyProblem::NoKey: return "{}: holds no key";
    case KeyProblem::NotPublicKey: return "{}: is not a public key (64 hex digits)";
    case KeyProblem::NotSecretKey: return "{}: is not a secret key (128 hex digits)";
    }
    return "{}: cannot be read";
}

namespace {

std::string trim(std::string text) {
    auto space = [](unsigned char c) { return std::isspace(c) != 0; };
    text.erase(text.begin(), std::find_if_not(text.begin(), text.end(), space));
    text.erase(std::find_if_not(text.rbegin(), text.rend(), space).base(), text.end());
    return text;
}

// The key text of a key file: the first line that is not empty and not a # comment.
core::Result<std::string> keyText(const fs::path& file) {
    std::ifstream in(file);
    if (!in) return core::Problem(KeyProblem::Unreadable, {file.string()});
    std::string line;
    while (std::getline(in, line)) {
        line = trim(line);
        if (!line.empty() && line.front() != '#') return line;
    }
    return core::Problem(KeyProblem::NoKey, {file.string()});
}

template <std::size_t N>
bool fromHex(const std::string& text, std::array<unsigned char, N>& out) {
    size_t length = 0;
    return text.size() == 2 * N &&
           sodium_hex2bin(out.data(), N, text.c_str(), text.size(), nullptr, &length, nullptr) == 0 && length == N;
}

}  // namespace

std::string PublicKey::keyId() const { return toHex(bytes.data(), 8); }

SecretKey::~SecretKey() { sodium_memzero(bytes.data(), bytes.size()); }

core::Result<void> generateKeyPair(const fs::path& secretFile) {
    initSodium();
    fs::path publicFile = secretFile;
    publicFile += ".pub";
    std::error_code ec;
    if (fs::exists(secretFile, ec) || fs::exists(publicFile, ec))
        return core::Problem(KeyProblem::Exists, {secretFile.string(), publicFile.string()});
    SecretKey secret;
    PublicKey pub;
    crypto_sign_keypair(pub.bytes.data(), secret.bytes.data());
    std::string secretHex = toHex(secret.bytes.data(), secret.bytes.size()) + "\n";
    auto written = files::writeFileDurably(secretFile, secretHex, 0600);
    sodium_memzero(secretHex.data(), secretHex.size());
    if (!written) return written;
    return files::writeFileDurably(publicFile, fmt::format("# Familienkiosk content pack key {}\n{}\n", pub.keyId(),
                                                           toHex(pub.bytes.data(), pub.bytes.size())));
}

core::Result<PublicKey> readPublicKey(const fs::path& file) {
    auto text = keyText(file);
    if (!text) return std::move(text).takeProblem();
    PublicKey key;
    if (!fromHex(*text, key.bytes)) return core::Problem(KeyProblem::NotPublicKey, {file.string()});
    key.file = file;
    return key;
}

core::Result<SecretKey> readSecretKey(const fs::path& file) {
    initSodium();
    auto text = keyText(file);
    if (!text) return std::move(text).takeProblem();
    SecretKey key;
    const bool ok = fromHex(*text, key.bytes);
    sodium_memzero(text->data(), text->size());
    if (!ok) return core::Problem(KeyProblem::NotSecretKey, {file.string()});
    return key;
}

std::vector<PublicKey> trustedKeys(const fs::path& folder) {
    std::vector<PublicKey> keys;
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->path().extension() != ".pub") continue;
        if (auto key = readPublicKey(it->path()))
            keys.push_back(*key);
        else
            spdlog::warn("trusted keys: {}", key.problem().logLine());
    }
    std::sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) { return a.file < b.file; });
    return keys;
}

std::string publicKeyOf(const SecretKey& key) { return toHex(key.bytes.data() + 32, 32); }

std::string signManifest(std::string_view manifest, const SecretKey& key) {
    initSodium();
    std::string signature(crypto_sign_BYTES, '\0');
    crypto_sign_detached(reinterpret_cast<unsigned char*>(signature.data()), nullptr,
                         reinterpret_cast<const unsigned char*>(manifest.data()), manifest.size(), key.bytes.data());
    return signature;
}

bool signatureMatches(std::string_view manifest, std::string_view signature, const PublicKey& key) {
    return signature.size() == crypto_sign_BYTES &&
           crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(signature.data()),
                                       reinterpret_cast<const unsigned char*>(manifest.data()), manifest.size(),
                                       key.bytes.data()) == 0;
}

}  // namespace kiosk::content
