// kiosk-pack site's work: the checked content rendered into a folder that replaces the old site whole.
#include "kiosk/site/site.hpp"

#include "kiosk/content/district_geo.hpp"
#include "kiosk/content/source_loader.hpp"
#include "kiosk/core/public_url.hpp"
#include "kiosk/files/durable_file.hpp"
#include "kiosk/i18n/strings.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <optional>
#include <thread>

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

core::Result<std::uint64_t> writeFile(const fs::path& folder, const SiteFile& file) {
    const fs::path target = folder / file.path;
    std::error_code error;
    fs::create_directories(target.parent_path(), error);
    if (error) return files::fileProblem(error.value(), target.parent_path(), "create folder");
    if (!file.copyOf.empty()) {
        fs::copy_file(file.copyOf, target, fs::copy_options::overwrite_existing, error);
        if (error) return files::fileProblem(error.value(), target, "copy " + file.copyOf.string() + " to");
        return fs::file_size(target, error);
    }
    std::ofstream out(target, std::ios::binary);
    out.write(file.bytes.data(), static_cast<std::streamsize>(file.bytes.size()));
    out.close();
    if (!out) return files::fileProblem(errno ? errno : EIO, target, "write");
    return file.bytes.size();
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
core::Result<Written> writeSite(const SiteInput& input, const fs::path& folder) {
    std::vector<Written> perLanguage(input.languages.size());
    auto work = [&](size_t first) {
        for (size_t i = first; i < input.languages.size(); i += 2)
            renderLanguage(input, input.languages[i], perLanguage[i].sink(folder));
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

// Puts the finished `staging` folder at `output`: exchanged with an old site in one step, else renamed.
core::Result<void> publish(const fs::path& staging, const fs::path& output) {
    if (auto synced = files::syncFileSystem(staging); !synced) return synced;
    std::error_code error;
    if (!fs::exists(output, error)) return files::renameDurably(staging, output);
    if (auto swapped = files::exchangeDurably(staging, output); !swapped) return swapped;
    fs::remove_all(staging, error);  // the old site, now under the staging name
    return {};
}

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

    for (const auto& problem : i18n::loadUiStrings(options.assets / "i18n"))  // reported; German words stand in
        summary.mapProblem += (summary.mapProblem.empty() ? "translations: " : "; ") + problem.logLine();
    const auto map = content::loadDistrictMap(options.assets / "geo");
    if (!map) summary.mapProblem += (summary.mapProblem.empty() ? "" : "; ") + map.problem().logLine();
    const core::Date today = content::localToday();
    const std::time_t clock = std::time(nullptr);
    std::tm local{};
    localtime_r(&clock, &local);
    const SiteInput input{&content.catalog, map ? &*map : nullptr, fs::absolute(options.source), summary.baseUrl,
                          i18n::uiLanguages(), core::LocalDateTime{today, local.tm_hour * 60 + local.tm_min}};
    summary.renderSeconds = seconds(started);  // the map and the words: pages are made as they are written
    started = Clock::now();

    std::error_code error;
    fs::create_directories(target.parent_path(), error);
    std::string staging = (target.parent_path() / ("." + target.filename().string() + ".new-XXXXXX")).string();
    if (!::mkdtemp(staging.data()))
        return core::Problem(SiteProblem::CannotWrite, {target.string()}, "mkdtemp " + staging);
    ::chmod(staging.c_str(), 0755);  // a web server reads it; mkdtemp makes it private
    auto written = writeSite(input, staging);
    summary.renderSeconds += seconds(started);
    started = Clock::now();
    auto published = written ? publish(staging, target) : core::Result<void>(written.problem());
    if (!published) {
        fs::remove_all(staging, error);
        return core::Problem(SiteProblem::CannotWrite, {target.string()}, published.problem().logLine());
    }
    summary.writeSeconds = seconds(started);
    summary.bytes = written->bytes;
    summary.files = written->paths.size();
    for (const auto& path : written->paths) summary.pages += path.ends_with("index.html") ? 1 : 0;
    return summary;
}

}  // namespace kiosk::site
