// The manifest in JSON (nlohmann), written in a fixed order and read with every field checked.
#include "kiosk/content/pack_manifest.hpp"

#include "kiosk/content/pack_refusal.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <fmt/chrono.h>
#include <fmt/format.h>
#include <set>
#include <stdexcept>

namespace kiosk::content {

std::string kioskVersion() { return KIOSK_CONTENT_KIOSK_VERSION; }

namespace {

bool isHex(std::string_view text, size_t size) {
    return text.size() == size && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

core::Problem badManifest(std::string why) { return core::Problem(Refusal::BadManifest, {}, std::move(why)); }

PackFile packFileOf(const nlohmann::json& item) {
    PackFile file;
    file.path = item.at("path").get<std::string>();
    if (!item.at("size").is_number_unsigned()) throw std::runtime_error("a file's 'size' must be a number");
    file.size = item.at("size").get<std::uint64_t>();
    file.blake2b = item.at("blake2b").get<std::string>();
    if (!isSafeRelativePath(file.path) || !file.path.starts_with(std::string(kPayloadFolder) + "/"))
        throw std::runtime_error(fmt::format("'{}' is not a path inside content/", file.path));
    if (!isHex(file.blake2b, 64))
        throw std::runtime_error(fmt::format("'{}': 'blake2b' must be 64 hex digits", file.path));
    return file;
}

Manifest manifestOf(const nlohmann::json& json) {
    if (!json.is_object()) throw std::runtime_error("must be a JSON object");
    auto field = [&](const char* name) -> const nlohmann::json& {
        if (!json.contains(name)) throw std::runtime_error(fmt::format("'{}' is missing", name));
        return json.at(name);
    };
    Manifest manifest;
    if (!field("format").is_number_integer() || field("format").get<int>() != kPackFormat)
        throw std::runtime_error(fmt::format("'format' must be {} (this kiosk reads no other)", kPackFormat));
    manifest.name = field("name").get<std::string>();
    if (!field("version").is_number_integer()) throw std::runtime_error("'version' must be a whole number");
    manifest.version = field("version").get<std::int64_t>();
    if (manifest.version <= 0) throw std::runtime_error("'version' must be greater than 0");
    manifest.created = field("created").get<std::string>();
    manifest.minKioskVersion = field("min_kiosk_version").get<std::string>();
    if (versionParts(manifest.minKioskVersion).empty())
        throw std::runtime_error("'min_kiosk_version' must be a version like 0.1.0");
    manifest.keyId = field("key_id").get<std::string>();
    if (!field("files").is_array()) throw std::runtime_error("'files' must be a list");
    std::set<std::string> seen;
    for (const auto& item : field("files")) {
        PackFile file = packFileOf(item);
        if (!seen.insert(file.path).second) throw std::runtime_error(fmt::format("'{}' is listed twice", file.path));
        manifest.files.push_back(std::move(file));
    }
    return manifest;
}

}  // namespace

std::uint64_t Manifest::totalBytes() const {
    std::uint64_t total = 0;
    for (const auto& file : files) total += file.size;
    return total;
}

std::vector<long> versionParts(std::string_view text) {
    std::vector<long> parts;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('.', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string part(text.substr(start, end - start));
        if (part.empty() || part.size() > 9 || !std::all_of(part.begin(), part.end(), ::isdigit)) return {};
        parts.push_back(std::stol(part));
        start = end + 1;
    }
    return parts;
}

std::string nowIso8601() {
    return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}",
                       fmt::gmtime(std::chrono::system_clock::to_time_t(std::chrono::system_clock::now())));
}

bool isSafeRelativePath(std::string_view path) {
    if (path.empty() || path.size() > 1024 || path.front() == '/' || path.back() == '/') return false;
    size_t start = 0;
    while (start <= path.size()) {
        size_t end = path.find('/', start);
        if (end == std::string_view::npos) end = path.size();
        const std::string_view part = path.substr(start, end - start);
        if (part.empty() || part == "." || part == ".." || part.size() > 255) return false;
        start = end + 1;
    }
    return std::none_of(path.begin(), path.end(),
                        [](char c) { return c == '\\' || static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

std::string manifestToJson(const Manifest& manifest) {
    nlohmann::ordered_json files = nlohmann::ordered_json::array();
    for (const auto& file : manifest.files)
        files.push_back({{"path", file.path}, {"size", file.size}, {"blake2b", file.blake2b}});
    nlohmann::ordered_json json = {{"format", manifest.format},
                                   {"name", manifest.name},
                                   {"version", manifest.version},
                                   {"created", manifest.created},
                                   {"min_kiosk_version", manifest.minKioskVersion},
                                   {"key_id", manifest.keyId},
                                   {"files", files}};
    return json.dump(2) + "\n";
}

core::Result<Manifest> parseManifest(std::string_view text) {
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        return badManifest(fmt::format("not valid JSON: {}", e.what()));
    }
    try {
        return manifestOf(json);
    } catch (const nlohmann::json::exception& e) {
        return badManifest(fmt::format("a field is missing or of the wrong kind: {}", e.what()));
    } catch (const std::exception& e) {
        return badManifest(e.what());
    }
}

}  // namespace kiosk::content
