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
    }
    return "The site could not be made.";
}

namespace {

std::string audioPath(const PageContext& context, const core::Offer& offer, const std::string& lang) {
    const auto& mediaDir = context.input->mediaDir;
    const auto file = core::playableFile(offer.audio, mediaDir, lang);
    return file.empty() ? std::string() : file.lexically_relative(mediaDir).generic_string();
}

std::string sitemap(const SiteInput& input, const std::vector<SiteFile>& files) {
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    constexpr std::string_view kIndex = "index.html";
    for (const auto& file : files)
        if (file.path.ends_with(kIndex))
            out += "<url><loc>" +
                   escape(core::siteUrl(input.baseUrl, file.path.substr(0, file.path.size() - kIndex.size()))) +
                   "</loc></url>\n";
    return out + "</urlset>\n";
}

void languagePages(const PageContext& context, const std::string& lang, std::vector<SiteFile>& files) {
    const auto& catalog = *context.frame.catalog;
    auto add = [&](const std::string& folder, std::string html) { files.push_back({folder + "index.html", std::move(html), {}}); };
    add(core::site_path::start(lang), startPage(context, lang));
    for (const auto& stage : catalog.lifeStages) add(core::site_path::lifeStage(lang, stage.id), lifeStagePage(context, stage, lang));
    for (const auto& offer : catalog.offers) add(core::site_path::offer(lang, offer.id), offerPage(context, offer, lang));
    for (const auto& provider : catalog.providers) {
        add(core::site_path::provider(lang, provider.id), providerPage(context, provider, lang));
        files.push_back({core::site_path::contactCard(lang, provider.id), core::contactCard(provider, lang), {}});
    }
    add(core::site_path::urgentHelp(lang), urgentHelpPage(context, lang));
    add(core::site_path::about(lang), aboutPage(context, lang));
    add(core::site_path::map(lang), mapPage(context, lang));
    add(core::site_path::search(lang), searchPage(context, lang));
    files.push_back({core::site_path::search(lang) + "index.js", searchIndexScript(context, lang), {}});
}

}  // namespace

std::vector<SiteFile> renderSite(const SiteInput& input) {
    PageContext context{{input.catalog, input.baseUrl, input.languages}, &input, audioPath};
    std::vector<SiteFile> files;
    files.push_back({"index.html", languageChoice(context), {}});
    for (const auto& lang : input.languages) languagePages(context, lang, files);
    std::set<std::string> sounds;  // each sound file once, at its path in the content
    for (const auto& lang : input.languages)
        for (const auto& offer : input.catalog->offers)
            if (auto path = audioPath(context, offer, lang); !path.empty() && sounds.insert(path).second)
                files.push_back({path, {}, input.mediaDir / path});
    files.push_back({"site.css", styleSheet(), {}});
    files.push_back({"suche.js", searchScript(), {}});
    files.push_back({"sitemap.xml", sitemap(input, files), {}});
    files.push_back({"robots.txt", "User-agent: *\nAllow: /\nSitemap: " + core::siteUrl(input.baseUrl, "sitemap.xml") + "\n", {}});
    files.push_back({kSiteMarker, "Made by kiosk-pack site; the next build replaces this whole folder.\n", {}});
    return files;
}

}  // namespace kiosk::site
