// The network's public website, generated from the same checked content as the kiosk: one page per
// offer, provider and life stage in every language of the kiosk, behind the kiosk's QR codes.
#pragma once

#include "kiosk/content/content_error.hpp"
#include "kiosk/core/catalog.hpp"
#include "kiosk/core/district_map.hpp"
#include "kiosk/core/problem.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace kiosk::site {

// One file of the site: its path below the site's root, and its bytes or the file to copy.
struct SiteFile {
    std::string path;
    std::string bytes;
    std::filesystem::path copyOf;  // set: the file's bytes are this file's (a sound file of the content)
};

struct SiteInput {
    const core::Catalog* catalog = nullptr;
    const core::DistrictMap* map = nullptr;  // none: the map page says the map is not available
    std::filesystem::path mediaDir;          // the content folder the sound file paths are relative to
    std::string baseUrl;                     // absolute https address the site is published at
    std::vector<std::string> languages;      // of the pages, German first
    core::LocalDateTime now;                 // local time of the build: events ended by then are left out
};

// Every file of the site, in a fixed order; the same input gives the same bytes.
std::vector<SiteFile> renderSite(const SiteInput& input);
// The same in parts, each file handed to `sink` as soon as it is made (languages may be made on
// several threads at once): the pages of one language, then the files they share (`languagePaths`:
// the paths of all languages' files, in language order, for the sitemap).
using FileSink = std::function<void(SiteFile&&)>;
void renderLanguage(const SiteInput& input, const std::string& language, const FileSink& sink);
void renderShared(const SiteInput& input, const std::vector<std::string>& languagePaths, const FileSink& sink);

enum class SiteProblem {
    ContentRefused,  // the content source failed the check (its errors are listed apart)
    NoBaseUrl,       // neither --base-url nor site_base_url
    BadBaseUrl,      // not an absolute https address
    NotASite,        // the output folder exists and is not a site made by kiosk-pack
    CannotWrite,     // a file or the folder could not be written
    Busy,            // another build of a site in the same folder is running
};
std::string_view problemDomain(SiteProblem);
std::string_view problemName(SiteProblem code);
std::string_view problemEnglish(SiteProblem code);

struct SiteOptions {
    std::filesystem::path source;  // the content source folder (YAML and audio/)
    std::filesystem::path output;  // the site's folder: replaced as a whole
    std::filesystem::path assets;  // the kiosk's assets: geo/*.geojson (the district map)
    std::string baseUrl;           // empty: site_base_url of the content
    // The words of the pages are the kiosk's (kiosk/i18n) as the caller loaded them before (kiosk-pack:
    // i18n::loadUiStrings(assets/i18n); the editor: at its start). The build only reads them, never
    // loads them, so it may run on a worker beside a window that reads them too.
    std::vector<std::string> languages = {};  // of the pages, German first; empty: all of the words'
    std::function<void(double)> progress = {};  // 0..1 as the languages' pages are written (any thread)
};

struct SiteSummary {
    std::size_t pages = 0;
    std::size_t files = 0;
    std::uint64_t bytes = 0;
    std::string baseUrl;
    std::string mapProblem;  // why the map page has no map, empty when it has
    double checkSeconds = 0, renderSeconds = 0, writeSeconds = 0;  // check; make and write; sync and swap
};

// Checks the content as --build-db does (its errors in `contentErrors`: then nothing is written),
// renders the site and puts it at `output` in one step: built beside it, then exchanged for the old
// one, so a web server serving `output` sees the old site or the new one, never a part.
core::Result<SiteSummary> buildSite(const SiteOptions& options, std::vector<content::ContentError>& contentErrors);

// The site's marker file: a folder with it may be replaced by the next build.
inline constexpr const char* kSiteMarker = ".kiosk-site";

}  // namespace kiosk::site
