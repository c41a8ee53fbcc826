// kiosk-pack site's work: the checked content rendered into a folder that replaces the old site whole.
#include "kiosk/site/site.hpp"

#include "kiosk/content/district_geo.hpp"
#include "kiosk/content/source_loader.hpp"
#include "kiosk/core/public_url.hpp"
#include "kiosk/files/durable_file.hpp"
#include "kiosk/i18n/strings.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>

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

core::Result<void> writeFiles(const fs::path& folder, const std::vector<SiteFile>& files, std::uint64_t& bytes) {
    for (const auto& file : files) {
        const fs::path target = folder / file.path;
        std::error_code error;
        fs::create_directories(target.parent_path(), error);
        if (error) return files::fileProblem(error.value(), target.parent_path(), "create folder");
        if (!file.copyOf.empty()) {
            fs::copy_file(file.copyOf, target, fs::copy_options::overwrite_existing, error);
            if (error) return files::fileProblem(error.value(), target, "copy " + file.copyOf.string() + " to");
            bytes += fs::file_size(target, error);
            continue;
        }
        std::ofstream out(target, std::ios::binary);
        out.write(file.bytes.data(), static_cast<std::streamsize>(file.bytes.size()));
        out.close();
        if (!out) return files::fileProblem(errno ? errno : EIO, target, "write");
        bytes += file.bytes.size();
    }
    return {};
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
    content::SourceResult content = content::loadSource(options.source);
    if (!content.ok()) {
        contentErrors = std::move(content.errors);
        return core::Problem(SiteProblem::ContentRefused, {std::to_string(contentErrors.size())});
    }
    SiteSummary summary;
    summary.baseUrl = options.baseUrl.empty() ? content.catalog.network.siteBaseUrl : options.baseUrl;
    if (summary.baseUrl.empty()) return core::Problem(SiteProblem::NoBaseUrl);
    if (!core::isSiteBaseUrl(summary.baseUrl)) return core::Problem(SiteProblem::BadBaseUrl, {summary.baseUrl});
    const fs::path output = fs::absolute(options.output).lexically_normal();
    const fs::path target = output.has_filename() ? output : output.parent_path();
    if (!replaceable(target)) return core::Problem(SiteProblem::NotASite, {target.string()});

    if (std::string problems = i18n::loadUiStrings(options.assets / "i18n"); !problems.empty())
        summary.mapProblem = "translations: " + problems;  // reported, the pages fall back to German words
    std::string mapError;
    const auto map = content::loadDistrictMap(options.assets / "geo", mapError);
    if (!map) summary.mapProblem += (summary.mapProblem.empty() ? "" : "; ") + mapError;
    const SiteInput input{&content.catalog, map ? &*map : nullptr, fs::absolute(options.source), summary.baseUrl,
                          i18n::uiLanguages()};
    const std::vector<SiteFile> files = renderSite(input);

    std::error_code error;
    fs::create_directories(target.parent_path(), error);
    std::string staging = (target.parent_path() / ("." + target.filename().string() + ".new-XXXXXX")).string();
    if (!::mkdtemp(staging.data()))
        return core::Problem(SiteProblem::CannotWrite, {target.string()}, "mkdtemp " + staging);
    ::chmod(staging.c_str(), 0755);  // a web server reads it; mkdtemp makes it private
    auto written = writeFiles(staging, files, summary.bytes);
    if (written) written = publish(staging, target);
    if (!written) {
        fs::remove_all(staging, error);
        return core::Problem(SiteProblem::CannotWrite, {target.string()}, std::string(written.problem().logLine()));
    }
    summary.files = files.size();
    for (const auto& file : files) summary.pages += file.path.ends_with("index.html") ? 1 : 0;
    return summary;
}

}  // namespace kiosk::site
