// The website as a list of files, and its build: check the content, render, write beside, exchange.
#include "kiosk/site/site.hpp"

#include "kiosk/content/district_geo.hpp"
#include "kiosk/content/source_loader.hpp"
#include "kiosk/core/contact_card.hpp"
#include "kiosk/core/public_url.hpp"
#include "kiosk/files/durable_file.hpp"
#include "kiosk/i18n/strings.hpp"
#include "kiosk/site/pages.hpp"

#include <fstream>
#include <set>

namespace kiosk::site {

std::string_view problemDomain(SiteProblem) { return "site"; }
std::string_view problemName(SiteProblem code) {
    switch (code) {
    case SiteProblem::ContentRefused: return "content-refused";
    case SiteProblem::NoBaseUrl: return "no-base-url";
    case SiteProblem::BadBaseUrl: return "bad-base-url";
    case SiteProblem::NotASite: return "not-a-site";
    case SiteProblem::CannotWrite: return "cannot-write";
    case SiteProblem::Busy: return "busy";
    }
    return "unknown";
}
std::string_view problemEnglish(SiteProblem code) {
    switch (code) {
    case SiteProblem::ContentRefused: return "The content has {} error(s): no site was written.";
    case SiteProblem::NoBaseUrl:
        return "The site needs its public address: give --base-url https://… or set site_base_url in network.yaml.";
    case SiteProblem::BadBaseUrl: return "'{}' is not an absolute https address (e.g. https://familien.example.de).";
    case SiteProblem::NotASite:
        return "{} exists and is not a site made by kiosk-pack: choose an empty or new folder (nothing was changed).";
    case SiteProblem::CannotWrite: return "The site could not be written to {}.";
    case SiteProblem::Busy: return "Another build of a site in the folder of {} is running: try again when it has finished.";
    }
    return "The site could not be made.";
}

namespace {

std::string audioPath(const PageContext& context, const core::Offer& offer, const std::string& lang) {
    const auto& mediaDir = context.input->mediaDir;
    const auto file = core::playableFile(offer.audio, mediaDir, lang);
    return file.empty() ? std::string() : file.lexically_relative(mediaDir).generic_string();
}

std::string sitemap(const SiteInput& input, const std::vector<std::string>& pages) {
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    constexpr std::string_view kIndex = "index.html";
    for (const auto& page : pages)
        if (page.ends_with(kIndex))
            out += "<url><loc>" + escape(core::siteUrl(input.baseUrl, page.substr(0, page.size() - kIndex.size()))) +
                   "</loc></url>\n";
    return out + "</urlset>\n";
}

PageContext contextOf(const SiteInput& input) {
    return {{input.catalog, input.baseUrl, input.languages}, &input, audioPath};
}

}  // namespace

void renderLanguage(const SiteInput& input, const std::string& lang, const FileSink& sink) {
    const PageContext context = contextOf(input);
    const auto& catalog = *input.catalog;
    auto add = [&](const std::string& folder, std::string html) { sink({folder + "index.html", std::move(html), {}}); };
    add(core::site_path::start(lang), startPage(context, lang));
    for (const auto& stage : catalog.lifeStages) add(core::site_path::lifeStage(lang, stage.id), lifeStagePage(context, stage, lang));
    for (const auto& offer : catalog.offers) add(core::site_path::offer(lang, offer.id), offerPage(context, offer, lang));
    for (const auto& provider : catalog.providers) {
        add(core::site_path::provider(lang, provider.id), providerPage(context, provider, lang));
        sink({core::site_path::contactCard(lang, provider.id), core::contactCard(provider, lang), {}});
    }
    add(core::site_path::urgentHelp(lang), urgentHelpPage(context, lang));
    add(core::site_path::about(lang), aboutPage(context, lang));
    add(core::site_path::map(lang), mapPage(context, lang));
    add(core::site_path::search(lang), searchPage(context, lang));
    add(core::site_path::professionals(lang), professionalsPage(context, lang));
    add(core::site_path::professionals(lang, "gute-praxis"), practicesPage(context, lang));
    for (const auto& practice : catalog.practices)
        add(core::site_path::practice(lang, practice.id), practicePage(context, practice, lang));
    add(core::site_path::professionals(lang, "termine"), eventsPage(context, lang));
    add(core::site_path::professionals(lang, "arbeitsgruppen"), groupsPage(context, lang));
    add(core::site_path::professionals(lang, "akteure"), actorsPage(context, lang));
    sink({core::site_path::search(lang) + "index.js", searchIndexScript(context, lang), {}});
}

void renderShared(const SiteInput& input, const std::vector<std::string>& languagePaths, const FileSink& sink) {
    const PageContext context = contextOf(input);
    std::vector<std::string> pages{"index.html"};
    pages.insert(pages.end(), languagePaths.begin(), languagePaths.end());
    sink({"index.html", languageChoice(context), {}});
    std::set<std::string> sounds;  // each sound file once, at its path in the content
    for (const auto& lang : input.languages)
        for (const auto& offer : input.catalog->offers)
            if (auto path = audioPath(context, offer, lang); !path.empty() && sounds.insert(path).second)
                sink({path, {}, input.mediaDir / path});
    std::set<std::string> pictures;  // each practice's picture once, at its path in the content
    for (const auto& practice : input.catalog->practices)
        if (hasPicture(context, practice) && pictures.insert(practice.image).second)
            sink({practice.image, {}, input.mediaDir / practice.image});
    sink({"site.css", styleSheet(), {}});
    sink({"suche.js", searchScript(), {}});
    sink({"sitemap.xml", sitemap(input, pages), {}});
    sink({"robots.txt", "User-agent: *\nAllow: /\nSitemap: " + core::siteUrl(input.baseUrl, "sitemap.xml") + "\n", {}});
    sink({kSiteMarker, "Made by kiosk-pack site; the next build replaces this whole folder.\n", {}});
}

std::vector<SiteFile> renderSite(const SiteInput& input) {
    std::vector<SiteFile> files;
    for (const auto& lang : input.languages) renderLanguage(input, lang, [&](SiteFile&& file) { files.push_back(std::move(file)); });
    std::vector<std::string> paths;
    for (const auto& file : files) paths.push_back(file.path);
    renderShared(input, paths, [&](SiteFile&& file) { files.push_back(std::move(file)); });
    return files;
}

}  // namespace kiosk::site
