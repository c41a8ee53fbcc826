// kiosk-pack site's work: the checked content rendered into a folder that replaces the old site whole.
#include "kiosk/site/site.hpp"

#include "kiosk/content/district_geo.hpp"
#include "kiosk/content/source_loader.hpp"
#include "kiosk/core/public_url.hpp"
#include "kiosk/files/durable_file.hpp"
#include "kiosk/i18n/strings.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <optional>
#include <thread>
#include <unordered_set>

namespace kiosk::site {
namespace {

namespace fs = std::filesystem;

// A folder that may be replaced: not there, empty, or a site an earlier build left (its marker).
bool replaceable(const fs::path& output) {
    std::error_code error;
    if (!fs::exists(output, error)) return true;
    if (!fs::is_directory(output, error)) return false;
    return fs::is_empty(output, error) || fs::exists(output / kSiteMarker, error);
}

// The bytes of `path`, or nothing when it cannot be read (then it is written anew).
std::optional<std::string> readWhole(const fs::path& path, std::uintmax_t size) {
    std::ifstream in(path, std::ios::binary);
    std::string bytes(size, '\0');
    if (!in.read(bytes.data(), static_cast<std::streamsize>(size))) return std::nullopt;
    return bytes;
}

// Whether `target` already holds `bytes` (a folder reused from an earlier build): then it is kept
// as it is, so a rebuild writes (and syncs) only what changed.
bool holds(const fs::path& target, std::string_view bytes) {
    std::error_code error;
    const auto size = fs::file_size(target, error);
    if (error || size != bytes.size()) return false;
    const auto old = readWhole(target, size);
    return old && *old == bytes;
}

core::Result<std::uint64_t> writeFile(const fs::path& folder, const SiteFile& file) {
    const fs::path target = folder / file.path;
    std::error_code error;
    fs::create_directories(target.parent_path(), error);
    if (error) return files::fileProblem(error.value(), target.parent_path(), "create folder");
    std::string copied;
    if (!file.copyOf.empty()) {
        const auto size = fs::file_size(file.copyOf, error);
        auto bytes = error ? std::nullopt : readWhole(file.copyOf, size);
        if (!bytes) return files::fileProblem(error ? error.value() : EIO, file.copyOf, "read");
        copied = std::move(*bytes);
    }
    const std::string& bytes = file.copyOf.empty() ? file.bytes : copied;
    if (holds(target, bytes)) return bytes.size();
    std::ofstream out(target, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) return files::fileProblem(errno ? errno : EIO, target, "write");
    return bytes.size();
}

// What one writer made: the paths in order, their bytes, the first problem.
struct Written {
    std::vector<std::string> paths;
    std::uint64_t bytes = 0;
    std::optional<core::Problem> problem;
    FileSink sink(const fs::path& folder) {
        return [this, folder](SiteFile&& file) {
            paths.push_back(file.path);
            if (problem) return;
            auto size = writeFile(folder, file);
            if (size) bytes += *size;
            else problem = std::move(size).takeProblem();
        };
    }
};

// Every file into `folder`: the languages on two threads (the machine's cores), then the shared files.
core::Result<Written> writeSite(const SiteInput& input, const fs::path& folder,
                                const std::function<void(double)>& progress) {
    std::vector<Written> perLanguage(input.languages.size());
    std::atomic<std::size_t> done{0};
    auto work = [&](size_t first) {
        for (size_t i = first; i < input.languages.size(); i += 2) {
            renderLanguage(input, input.languages[i], perLanguage[i].sink(folder));
            if (progress) progress(static_cast<double>(++done) / static_cast<double>(input.languages.size() + 1));
        }
    };
    {
        std::jthread second(work, 1);
        work(0);
    }
    Written all;
    for (auto& written : perLanguage) {
        if (written.problem) return std::move(*written.problem);
        all.paths.insert(all.paths.end(), written.paths.begin(), written.paths.end());
        all.bytes += written.bytes;
    }
    Written shared;
    renderShared(input, all.paths, shared.sink(folder));
    if (shared.problem) return std::move(*shared.problem);
    all.paths.insert(all.paths.end(), shared.paths.begin(), shared.paths.end());
    all.bytes += shared.bytes;
    return all;
}

// Removes from a reused folder what the new site does not have (files first, then empty folders).
core::Result<void> removeOthers(const fs::path& folder, const std::vector<std::string>& paths) {
    const std::unordered_set<std::string> kept(paths.begin(), paths.end());
    std::vector<fs::path> files, folders;
    std::error_code error;
    for (auto it = fs::recursive_directory_iterator(folder, error); !error && it != fs::recursive_directory_iterator();
         it.increment(error)) {
        const std::string& path = it->path().native();  // below `folder`: its relative path follows the '/'
        if (it->is_directory(error) && !it->is_symlink(error)) folders.push_back(it->path());
        else if (!kept.contains(path.substr(folder.native().size() + 1))) files.push_back(it->path());
    }
    if (error) return files::fileProblem(error.value(), folder, "read");
    for (const auto& file : files)
        if (fs::remove(file, error); error) return files::fileProblem(error.value(), file, "remove");
    for (auto it = folders.rbegin(); it != folders.rend(); ++it) ::rmdir(it->c_str());  // only when empty
    return {};
}

// The folder the new site is written into, beside `target`: the site before the current one when an
// earlier build kept it (".<name>.previous", a site itself), so only what changed is written; else new.
core::Result<fs::path> workFolder(const fs::path& target) {
    const fs::path previous = target.parent_path() / ("." + target.filename().string() + ".previous");
    std::error_code error;
    if (fs::is_directory(previous, error) && fs::exists(previous / kSiteMarker, error)) return previous;
    if (fs::exists(previous, error)) fs::remove_all(previous, error);  // not ours to reuse: a left-over
    std::string fresh = (target.parent_path() / ("." + target.filename().string() + ".new-XXXXXX")).string();
    if (!::mkdtemp(fresh.data())) return core::Problem(SiteProblem::CannotWrite, {target.string()}, "mkdtemp " + fresh);
    ::chmod(fresh.c_str(), 0755);  // a web server reads it; mkdtemp makes it private
    return fs::path(fresh);
}

// Puts the finished `work` folder at `output`: exchanged with the old site in one step (which then
// stays beside it as ".<name>.previous", the next build's work folder), else renamed.
core::Result<void> publish(const fs::path& work, const fs::path& output) {
    if (auto synced = files::syncFileSystem(work); !synced) return synced;
    std::error_code error;
    if (!fs::exists(output, error)) return files::renameDurably(work, output);
    if (auto swapped = files::exchangeDurably(work, output); !swapped) return swapped;
    const fs::path previous = output.parent_path() / ("." + output.filename().string() + ".previous");
    if (work != previous) return files::renameDurably(work, previous);  // the old site, now under the work name
    return {};
}

// One build of a site at a time: a second one waits for none and says so.
class BuildLock {
public:
    explicit BuildLock(const fs::path& folder) : m_fd(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)) {
        m_held = m_fd >= 0 && ::flock(m_fd, LOCK_EX | LOCK_NB) == 0;
    }
    ~BuildLock() {
        if (m_fd >= 0) ::close(m_fd);
    }
    BuildLock(const BuildLock&) = delete;
    BuildLock& operator=(const BuildLock&) = delete;
    bool held() const { return m_held; }

private:
    int m_fd = -1;
    bool m_held = false;
};

}  // namespace

core::Result<SiteSummary> buildSite(const SiteOptions& options, std::vector<content::ContentError>& contentErrors) {
    using Clock = std::chrono::steady_clock;
    auto seconds = [](Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); };
    auto started = Clock::now();
    content::SourceResult content = content::loadSource(options.source);
    if (!content.ok()) {
        contentErrors = std::move(content.errors);
        return core::Problem(SiteProblem::ContentRefused, {std::to_string(contentErrors.size())});
    }
    SiteSummary summary;
    summary.checkSeconds = seconds(started);
    started = Clock::now();
    summary.baseUrl = options.baseUrl.empty() ? content.catalog.network.siteBaseUrl : options.baseUrl;
    if (summary.baseUrl.empty()) return core::Problem(SiteProblem::NoBaseUrl);
    if (!core::isSiteBaseUrl(summary.baseUrl)) return core::Problem(SiteProblem::BadBaseUrl, {summary.baseUrl});
    const fs::path output = fs::absolute(options.output).lexically_normal();
    const fs::path target = output.has_filename() ? output : output.parent_path();
    if (!replaceable(target)) return core::Problem(SiteProblem::NotASite, {target.string()});

    const auto map = content::loadDistrictMap(options.assets / "geo");
    if (!map) summary.mapProblem = map.problem().logLine();
    const core::Date today = content::localToday();
    const std::time_t clock = std::time(nullptr);
    std::tm local{};
    localtime_r(&clock, &local);
    const SiteInput input{&content.catalog, map ? &*map : nullptr, fs::absolute(options.source), summary.baseUrl,
                          options.languages.empty() ? i18n::uiLanguages() : options.languages,
                          core::LocalDateTime{today, local.tm_hour * 60 + local.tm_min}};
    summary.renderSeconds = seconds(started);  // the map and the words: pages are made as they are written
    started = Clock::now();

    std::error_code error;
    fs::create_directories(target.parent_path(), error);
    const BuildLock lock(target.parent_path());
    if (!lock.held()) return core::Problem(SiteProblem::Busy, {target.string()});
    const auto work = workFolder(target);
    if (!work) return work.problem();
    auto written = writeSite(input, *work, options.progress);
    if (written) {
        if (auto cleaned = removeOthers(*work, written->paths); !cleaned) written = cleaned.problem();
    }
    summary.renderSeconds += seconds(started);
    started = Clock::now();
    auto published = written ? publish(*work, target) : core::Result<void>(written.problem());
    if (!published) {
        fs::remove_all(*work, error);
        return core::Problem(SiteProblem::CannotWrite, {target.string()}, published.problem().logLine());
    }
    summary.writeSeconds = seconds(started);
    if (options.progress) options.progress(1.0);
    summary.bytes = written->bytes;
    summary.files = written->paths.size();
    for (const auto& path : written->paths) summary.pages += path.ends_with("index.html") ? 1 : 0;
    return summary;
}

}  // namespace kiosk::site
