// Build beside, check, rename: a reader (a web server, a kiosk) sees the old output or the new, never a part.
#include "kiosk/hsds/output_folder.hpp"

#include "kiosk/files/durable_file.hpp"
#include "kiosk/hsds/hsds_problem.hpp"

#include <cerrno>
#include <cstdlib>

namespace kiosk::hsds {

namespace fs = std::filesystem;

namespace {

struct TemporaryFolder {
    fs::path path;
    ~TemporaryFolder() {
        std::error_code ignored;
        if (!path.empty()) fs::remove_all(path, ignored);
    }
};

core::Result<void> mayReplace(const fs::path& target, const std::string& marker) {
    std::error_code error;
    if (!fs::exists(fs::symlink_status(target, error))) return {};
    if (fs::is_directory(fs::symlink_status(target, error)) &&
        (fs::is_empty(target, error) || fs::exists(target / marker, error)))
        return {};
    return hsdsProblem(HsdsProblem::OutputRefused, target.string(), "-", "-",
                       "exists and was not written by this command (it has no " + marker + "); choose a new folder");
}

}  // namespace

core::Result<void> writeFolder(const fs::path& target, const std::map<std::string, std::string>& files,
                               const std::string& marker,
                               const std::function<core::Result<void>(const fs::path&)>& check) {
    if (auto allowed = mayReplace(target, marker); !allowed) return allowed;
    const fs::path absolute = fs::absolute(target).lexically_normal();
    const fs::path parent = absolute.has_filename() ? absolute.parent_path() : absolute.parent_path().parent_path();
    const std::string name = absolute.has_filename() ? absolute.filename().string() : absolute.parent_path().filename().string();
    std::error_code error;
    fs::create_directories(parent, error);
    std::string pattern = (parent / ("." + name + ".new-XXXXXX")).string();
    if (!::mkdtemp(pattern.data())) return files::fileProblem(errno, parent, "make a folder in");
    TemporaryFolder folder{pattern};
    fs::permissions(folder.path, fs::perms(0755), error);  // mkdtemp's 0700 would hide it from a web server
    for (const auto& [file, bytes] : files)
        if (auto written = files::writeFileDurably(folder.path / file, bytes); !written) return written;
    if (check)
        if (auto checked = check(folder.path); !checked) return checked;
    const fs::path final = parent / name;
    if (fs::exists(fs::symlink_status(final, error))) {
        if (auto swapped = files::exchangeDurably(folder.path, final); !swapped) return swapped;
        return {};  // the old output is now in the temporary folder, removed with it
    }
    if (auto renamed = files::renameDurably(folder.path, final); !renamed) return renamed;
    folder.path.clear();
    return {};
}

}  // namespace kiosk::hsds
