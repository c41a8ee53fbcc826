// Writing a verified content pack to a USB stick (see stick_writer.hpp).
#include "kiosk/editing/stick_writer.hpp"

#include "kiosk/content/pack_keys.hpp"
#include "kiosk/content/pack_reader.hpp"
#include "kiosk/content/pack_writer.hpp"
#include "kiosk/editing/scratch_folder.hpp"
#include "kiosk/files/durable_file.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <vector>

namespace kiosk::editing {

namespace fs = std::filesystem;

std::string_view problemDomain(StickProblem) { return "stick"; }

std::string_view problemName(StickProblem code) {
    switch (code) {
    case StickProblem::KeyInContent: return "key-in-content";
    case StickProblem::NotVerified: return "not-verified";
    }
    return "not-verified";
}

std::string_view problemEnglish(StickProblem code) {
    switch (code) {
    case StickProblem::KeyInContent:
        return "{}: the signing key must not lie inside the content folder (it would be copied with it)";
    case StickProblem::NotVerified: return "the pack read back from {} is not the one written: use another stick";
    }
    return "{}";
}

namespace {

const char* const kVersionNote = ".familienkiosk-pack-version";  // hidden: packs leave it out

bool isInside(const fs::path& file, const fs::path& folder) {
    const fs::path a = fs::weakly_canonical(file), b = fs::weakly_canonical(folder);
    auto mismatch = std::mismatch(b.begin(), b.end(), a.begin(), a.end());
    return mismatch.first == b.end();
}


core::Result<void> copyWithProgress(const fs::path& from, const fs::path& to,
                                    const std::function<void(double)>& progress) {
    auto replacement = files::FileReplacement::begin(to);
    if (!replacement) return std::move(replacement).takeProblem();
    std::ifstream in(from, std::ios::binary);
    const auto size = fs::file_size(from);
    std::vector<char> buffer(1 << 20);
    std::uintmax_t done = 0;
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto got = static_cast<std::size_t>(in.gcount());
        if (got == 0) break;
        if (auto written = replacement->write(std::string_view(buffer.data(), got)); !written) return written;
        done += got;
        if (progress && size > 0) progress(0.2 + 0.6 * static_cast<double>(done) / static_cast<double>(size));
    }
    return replacement->commit();  // synced, renamed, the folder synced
}

}  // namespace

std::int64_t proposedVersion(const fs::path& content) {
    std::ifstream in(content / kVersionNote);
    std::int64_t last = 0;
    if (!(in >> last) || last < 0) last = 0;
    return last + 1;
}

core::Result<StickPack> writePackToStick(const fs::path& content, const fs::path& secretKey, std::int64_t version,
                                         const std::string& name, const fs::path& stick,
                                         const std::function<void(double)>& progress) {
    if (isInside(secretKey, content)) return core::Problem(StickProblem::KeyInContent, {secretKey.string()});
    auto key = content::readSecretKey(secretKey);
    if (!key) return std::move(key).takeProblem();
    ScratchFolder scratch("familienkiosk-pack");  // outside the content folder
    if (scratch.path.empty()) return files::fileProblem(errno, fs::temp_directory_path(), "create a folder in");
    const std::string fileName = name + "-" + std::to_string(version) + ".kpack";
    if (progress) progress(0);
    auto built = content::buildPack(content, scratch.path / fileName, *key, version, name);
    if (!built) return std::move(built).takeProblem();
    if (progress) progress(0.2);
    if (auto copied = copyWithProgress(scratch.path / fileName, stick / fileName, progress); !copied)
        return std::move(copied).takeProblem();
    if (auto synced = files::syncFileSystem(stick); !synced) return std::move(synced).takeProblem();

    // Read back from the stick: the signature with this key's public half, every file's hash.
    content::PublicKey publicKey;
    std::copy(key->bytes.begin() + 32, key->bytes.end(), publicKey.bytes.begin());
    const std::vector<content::PublicKey> keys{publicKey};
    content::PackReadOptions options;
    options.keys = &keys;
    auto verified = content::verifyPack(stick / fileName, options);
    if (!verified || !verified->verified || verified->manifest.version != version)
        return core::Problem(StickProblem::NotVerified, {stick.string()},
                             verified ? "another version" : verified.problem().logLine());
    if (progress) progress(1);
    if (auto noted = files::writeFileDurably(content / kVersionNote, std::to_string(version) + "\n"); !noted)
        return std::move(noted).takeProblem();
    return StickPack{stick / fileName, version};
}

}  // namespace kiosk::editing
