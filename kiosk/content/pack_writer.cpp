// A pack is a tar (libarchive, pax) of the manifest, its signature, the database built from the
// content, the content's source files and then its media, compressed as a whole; written through a durable file replacement.
#include "kiosk/content/pack_writer.hpp"

#include "kiosk/content/database.hpp"
#include "kiosk/content/pack_hashing.hpp"
#include "kiosk/content/source_loader.hpp"
#include "kiosk/files/durable_file.hpp"

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <chrono>
#include <fmt/format.h>
#include <fstream>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

namespace kiosk::content {
namespace fs = std::filesystem;

std::string_view problemDomain(PackBuildProblem) { return "pack-build"; }

std::string_view problemName(PackBuildProblem code) {
    switch (code) {
    case PackBuildProblem::BadVersion: return "bad-version";
    case PackBuildProblem::ContentMistakes: return "content-mistakes";
    case PackBuildProblem::UnsafeName: return "unsafe-name";
    case PackBuildProblem::Unreadable: return "unreadable";
    case PackBuildProblem::SourceChanged: return "source-changed";
    }
    return "unreadable";
}

std::string_view problemEnglish(PackBuildProblem code) {
    switch (code) {
    case PackBuildProblem::BadVersion: return "the version must be a whole number greater than 0";
    case PackBuildProblem::ContentMistakes: return "{} error(s): no pack was written.";
    case PackBuildProblem::UnsafeName: return "{}: this file name cannot go into a pack";
    case PackBuildProblem::Unreadable: return "{}: cannot be read";
    case PackBuildProblem::SourceChanged: return "{}: cannot be written: a source file changed while packing";
    }
    return "{}: cannot be read";
}

namespace {

struct ArchiveWriteDeleter {
    void operator()(archive* a) const noexcept { archive_write_free(a); }
};
struct EntryDeleter {
    void operator()(archive_entry* e) const noexcept { archive_entry_free(e); }
};
using ArchiveWriter = std::unique_ptr<archive, ArchiveWriteDeleter>;
using Entry = std::unique_ptr<archive_entry, EntryDeleter>;

// A file of the pack: its path in the archive and where it is read from.
using PayloadFile = std::pair<std::string, fs::path>;

// The source files, then every regular file in the source's sub-folders (audio/, images/ ...).
core::Result<std::vector<PayloadFile>> payloadOf(const fs::path& source) {
    std::vector<PayloadFile> files;
    for (const auto& file : sourceFiles()) files.emplace_back(std::string(kPayloadFolder) + "/" + file, source / file);
    for (const auto& file : optionalSourceFiles())
        if (fs::exists(source / file)) files.emplace_back(std::string(kPayloadFolder) + "/" + file, source / file);
    std::vector<PayloadFile> media;
    std::error_code ec;
    for (fs::directory_iterator top(source, ec), end; !ec && top != end; top.increment(ec)) {
        const std::string topName = top->path().filename().string();
        if (topName.starts_with(".") || !top->is_directory()) continue;
        for (fs::recursive_directory_iterator it(top->path(), ec), last; !ec && it != last; it.increment(ec)) {
            const std::string relative = fs::relative(it->path(), source).generic_string();
            if (it->path().filename().string().starts_with(".")) {
                if (it->is_directory()) it.disable_recursion_pending();
                continue;
            }
            if (!it->is_regular_file()) continue;
            if (!isSafeRelativePath(relative)) return core::Problem(PackBuildProblem::UnsafeName, {relative});
            media.emplace_back(std::string(kPayloadFolder) + "/" + relative, it->path());
        }
    }
    if (ec) return core::Problem(PackBuildProblem::Unreadable, {source.string()}, ec.message());
    std::sort(media.begin(), media.end());
    files.insert(files.end(), media.begin(), media.end());
    return files;
}

// Size and hash of every payload file, as the manifest names them.
core::Result<std::vector<PackFile>> packFilesOf(const std::vector<PayloadFile>& payload) {
    std::vector<PackFile> files;
    std::vector<char> buffer(1 << 20);
    for (const auto& [path, file] : payload) {
        std::ifstream in(file, std::ios::binary);
        if (!in) return core::Problem(PackBuildProblem::Unreadable, {file.string()});
        Blake2b hash;
        std::uint64_t size = 0;
        while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || in.gcount() > 0) {
            hash.update(buffer.data(), static_cast<std::size_t>(in.gcount()));
            size += static_cast<std::uint64_t>(in.gcount());
        }
        files.push_back({path, size, hash.hex()});
    }
    return files;
}

// Writes the archive into `out` (the pack's replacement); nothing is renamed here.
core::Result<void> writeArchive(files::FileReplacement& out, Compression compression, const Manifest& manifest,
                                const std::string& manifestBytes, const std::string& signature,
                                const std::vector<PayloadFile>& payload) {
    ArchiveWriter writer(archive_write_new());
    archive* a = writer.get();
    auto failed = [&]() -> core::Problem {
        if (archive_errno(a) > 0) return files::fileProblem(archive_errno(a), out.target(), "write");
        return core::Problem(PackBuildProblem::SourceChanged, {out.target().string()},
                             archive_error_string(a) ? archive_error_string(a) : "");
    };
    archive_write_set_format_pax_restricted(a);
    int filter = ARCHIVE_OK;
    if (compression == Compression::Gzip) filter = archive_write_add_filter_gzip(a);
    if (compression == Compression::Zstd) filter = archive_write_add_filter_zstd(a);
    if (filter != ARCHIVE_OK || archive_write_open_fd(a, out.fd()) != ARCHIVE_OK) return failed();
    const auto mtime = static_cast<time_t>(std::chrono::system_clock::to_time_t(std::chrono::system_clock::now()));
    auto writeEntry = [&](const std::string& path, std::uint64_t size, const std::function<bool()>& data) {
        Entry entry(archive_entry_new());
        archive_entry_set_pathname(entry.get(), path.c_str());
        archive_entry_set_size(entry.get(), static_cast<la_int64_t>(size));
        archive_entry_set_filetype(entry.get(), AE_IFREG);
        archive_entry_set_perm(entry.get(), 0644);
        archive_entry_set_mtime(entry.get(), mtime, 0);
        return archive_write_header(a, entry.get()) == ARCHIVE_OK && data();
    };
    auto writeBytes = [&](const std::string& bytes) {
        return archive_write_data(a, bytes.data(), bytes.size()) == static_cast<la_ssize_t>(bytes.size());
    };
    std::vector<char> buffer(1 << 20);
    bool ok = writeEntry(std::string(kManifestName), manifestBytes.size(), [&] { return writeBytes(manifestBytes); }) &&
              writeEntry(std::string(kSignatureName), signature.size(), [&] { return writeBytes(signature); });
    for (size_t i = 0; ok && i < payload.size(); ++i) {
        ok = writeEntry(payload[i].first, manifest.files[i].size, [&] {
            std::ifstream in(payload[i].second, std::ios::binary);
            std::uint64_t written = 0;
            while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || in.gcount() > 0) {
                if (archive_write_data(a, buffer.data(), static_cast<size_t>(in.gcount())) != in.gcount()) return false;
                written += static_cast<std::uint64_t>(in.gcount());
            }
            // A file that changed while the pack was made would not match its signed size.
            return written == manifest.files[i].size;
        });
    }
    if (!ok || archive_write_close(a) != ARCHIVE_OK) return failed();
    return {};
}

// A private temporary folder for the ready database, removed with everything in it.
class TemporaryFolder {
public:
    TemporaryFolder() {
        std::string pattern = (fs::temp_directory_path() / "kiosk-pack-XXXXXX").string();
        if (::mkdtemp(pattern.data())) m_path = pattern;
    }
    ~TemporaryFolder() {
        std::error_code ignored;
        if (!m_path.empty()) fs::remove_all(m_path, ignored);
    }
    TemporaryFolder(const TemporaryFolder&) = delete;
    TemporaryFolder& operator=(const TemporaryFolder&) = delete;
    const fs::path& path() const { return m_path; }

private:
    fs::path m_path;
};

// The database the kiosk would build from this content, with the kiosk's own code, into `folder`.
core::Result<fs::path> readyDatabase(const fs::path& folder, const core::Catalog& catalog, const std::string& name,
                                     std::int64_t version) {
    if (folder.empty())
        return files::fileProblem(errno, fs::temp_directory_path(), "create folder");
    const fs::path database = folder / "content.sqlite";
    auto written = writeDatabaseFile(database, catalog,
                                     {fmt::format("content pack {} version {}", name, version), "pack-build",
                                      nowIso8601()},
                                     Flush::ByCaller);
    if (!written) return std::move(written).takeProblem();
    return database;
}

}  // namespace

core::Result<Manifest> buildPack(const fs::path& source, const fs::path& pack, const SecretKey& key,
                                 std::int64_t version, const std::string& name, Compression compression,
                                 PackDatabase database) {
    initSodium();
    if (version <= 0) return core::Problem(PackBuildProblem::BadVersion);
    SourceResult content = loadSource(source);
    if (!content.ok())
        return core::Problem(PackBuildProblem::ContentMistakes, {std::to_string(content.errors.size())},
                             describe(content.errors));
    auto payload = payloadOf(source);
    if (!payload) return std::move(payload).takeProblem();
    TemporaryFolder temporary;
    if (database == PackDatabase::Ready) {
        // First in the pack, so that a kiosk has it verified while the media still stream in.
        auto ready = readyDatabase(temporary.path(), content.catalog, name, version);
        if (!ready) return std::move(ready).takeProblem();
        payload->insert(payload->begin(), PayloadFile{std::string(kReadyDatabasePath), *ready});
    }
    auto files = packFilesOf(*payload);
    if (!files) return std::move(files).takeProblem();

    Manifest manifest;
    manifest.name = name;
    manifest.version = version;
    manifest.created = nowIso8601();
    manifest.minKioskVersion = kioskVersion();
    manifest.keyId = publicKeyOf(key).substr(0, 16);
    manifest.files = std::move(*files);
    const std::string manifestBytes = manifestToJson(manifest);
    const std::string signature = signManifest(manifestBytes, key);

    auto out = files::FileReplacement::begin(pack);
    if (!out) return std::move(out).takeProblem();
    if (auto written = writeArchive(*out, compression, manifest, manifestBytes, signature, *payload); !written)
        return std::move(written).takeProblem();
    if (auto committed = out->commit(); !committed) return std::move(committed).takeProblem();
    return manifest;
}

}  // namespace kiosk::content
