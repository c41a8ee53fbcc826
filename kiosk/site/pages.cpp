// The website's pages: the kiosk's screens as documents, with the kiosk's words and the content's texts.
#include "kiosk/site/pages.hpp"

#include "kiosk/core/contact_card.hpp"
#include "kiosk/core/public_url.hpp"
#include "kiosk/core/text_format.hpp"
#include "kiosk/i18n/strings.hpp"

#include <algorithm>
#include <map>

namespace kiosk::site {
namespace {

std::string tr(const char* key, const std::string& lang) { return escape(i18n::tr(key, lang)); }

// "Deutsch, Türkisch": the languages an offer or provider speaks, named in `lang`.
std::string languageList(const std::vector<std::string>& codes, const std::string& lang) {
    std::string text;
    for (const auto& code : codes)
        text += (text.empty() ? "" : i18n::tr("offer.separator", lang)) + i18n::languageName(code, lang);
    return escape(text);
}

std::string section(const std::string& heading, const std::string& html) {
    if (html.empty()) return {};
    return "<section>\n<h2>" + heading + "</h2>\n" + html + "</section>\n";
}

std::string sampleTag(bool sample, const std::string& lang) {
    return sample ? "<p class=\"tag\">" + tr("sample.tag", lang) + "</p>\n" : std::string();
}

std::string addressLine(const core::Address& address) {
    return escape(address.street + ", " + address.postalCode + " " + address.municipality);
}

// A list of offers, each its title (a link to its page) and summary.
std::string offerList(const PageContext& context, const std::vector<const core::Offer*>& offers,
                      const std::string& lang, const std::string& fromPath, bool withIds = false) {
    std::string out = "<ul class=\"offers\">\n";
    for (const core::Offer* offer : offers) {
        out += withIds ? "<li data-id=\"" + escape(offer->id) + "\">" : "<li>";
        out += "<a href=\"" + relativeHref(fromPath, core::site_path::offer(lang, offer->id)) + "\">" +
               escape(offer->title.get(lang)) + "</a>";
        if (const auto* provider = context.frame.catalog->provider(offer->providerId))
            out += " <span class=\"who\">· " + escape(provider->name.get(lang)) + "</span>";
        out += "<br>" + escape(offer->summary.get(lang)) + "</li>\n";
    }
    return out + "</ul>\n";
}

std::string page(const PageContext& context, PageFrame frame, const std::string& main) {
    return htmlPage(context.frame, frame, main);
}

// Who helps: the provider's name (a link), address, phone, opening hours and contact card.
std::string providerBox(const core::Provider& provider, const std::string& lang, const std::string& fromPath) {
    std::string out = "<p class=\"provider\"><a href=\"" +
                      relativeHref(fromPath, core::site_path::provider(lang, provider.id)) + "\">" +
                      escape(provider.name.get(lang)) + "</a></p>\n";
    out += sampleTag(provider.sample, lang);
    if (provider.national) out += "<p>" + tr("provider.national", lang) + "</p>\n";
    if (!provider.address.empty())
        out += "<p>" + tr("provider.address", lang) + ": " + addressLine(provider.address) + "</p>\n";
    if (!provider.phone.empty())
        out += "<p class=\"phone\">" + tr("provider.phone", lang) + ": " + phoneLink(provider.phone) + "</p>\n";
    if (provider.hours) out += hoursTable(*provider.hours, tr("provider.hours", lang), lang);
    out += "<p><a href=\"" + relativeHref(fromPath, core::site_path::contactCard(lang, provider.id)) +
           "\" download type=\"text/vcard\">" + tr("offer.qr_contact", lang) + " (.vcf)</a></p>\n";
    return out;
}

}  // namespace

std::string hoursTable(const core::OpeningHours& hours, const std::string& caption, const std::string& lang) {
    const core::HoursWords words = i18n::hoursWords(lang);
    if (hours.source() == "24/7") return "<p>" + caption + ": " + escape(words.always) + "</p>\n";
    std::string out = "<table class=\"hours\">\n<caption>" + caption + "</caption>\n<tbody>\n";
    for (const auto& row : core::weeklyHoursRows(hours, words))
        out += "<tr><th scope=\"row\">" + escape(row.day) + "</th><td>" + escape(row.times) + "</td></tr>\n";
    out += "</tbody>\n</table>\n";
    if (hours.closedOnPublicHolidays()) out += "<p class=\"note\">" + escape(words.holidaysClosed) + "</p>\n";
    for (const auto& comment : hours.comments()) out += "<p class=\"note\">" + escape(comment) + "</p>\n";
    return out;
}

std::string startPage(const PageContext& context, const std::string& lang) {
    const auto& catalog = *context.frame.catalog;
    const std::string path = core::site_path::start(lang);
    std::string main = "<p>" + tr("attract.subtitle", lang) + "</p>\n<h2>" + tr("home.question", lang) +
                       "</h2>\n<ul class=\"tiles\">\n";
    for (const auto& stage : catalog.lifeStages) {
        main += "<li><a href=\"" + relativeHref(path, core::site_path::lifeStage(lang, stage.id)) + "\">" +
                escape(stage.title.get(lang));
        if (!stage.ages.empty()) main += " <span class=\"ages\">" + escape(stage.ages.get(lang)) + "</span>";
        main += "</a></li>\n";
    }
    main += "</ul>\n<ul class=\"tiles more\">\n";
    main += "<li class=\"urgent\"><a href=\"" + relativeHref(path, core::site_path::urgentHelp(lang)) + "\">" +
            tr("nav.emergency", lang) + " <span class=\"ages\">" + tr("emergency.short", lang) + "</span></a></li>\n";
    main += "<li><a href=\"" + relativeHref(path, core::site_path::search(lang)) + "\">" + tr("search.button", lang) +
            "</a></li>\n";
    main += "<li><a href=\"" + relativeHref(path, core::site_path::map(lang)) + "\">" + tr("map.button", lang) +
            "</a></li>\n";
    main += "<li><a href=\"" + relativeHref(path, core::site_path::about(lang)) + "\">" + tr("nav.about", lang) +
            "</a></li>\n</ul>\n";
    return page(context, {path, lang, i18n::tr("attract.title", lang), i18n::tr("attract.subtitle", lang), {}, {}},
                main);
}

std::string lifeStagePage(const PageContext& context, const core::LifeStage& stage, const std::string& lang) {
    const auto& catalog = *context.frame.catalog;
    const std::string path = core::site_path::lifeStage(lang, stage.id);
    std::string main;
    if (!stage.ages.empty()) main += "<p class=\"ages\">" + escape(stage.ages.get(lang)) + "</p>\n";
    const auto offers = catalog.offersFor(stage.id);
    main += "<p>" + escape(i18n::countText("stage.count", lang, offers.size())) + "</p>\n";
    if (offers.empty()) main += "<p>" + tr("stage.empty", lang) + "</p>\n";
    for (const core::Topic* topic : catalog.topicsFor(stage.id))
        main += section(escape(topic->title.get(lang)), offerList(context, catalog.offersFor(stage.id, topic->id),
                                                                  lang, path));
    return page(context, {path, lang, stage.title.get(lang), stage.ages.get(lang), {}, {}}, main);
}

std::string offerPage(const PageContext& context, const core::Offer& offer, const std::string& lang) {
    const auto& catalog = *context.frame.catalog;
    const std::string path = core::site_path::offer(lang, offer.id);
    std::string main = "<p class=\"summary\">" + escape(offer.summary.get(lang)) + "</p>\n";
    main += sampleTag(offer.sample, lang);
    if (const std::string audio = context.audioPath(context, offer, lang); !audio.empty()) {
        const std::string href = relativeHref(path, audio);
        main += "<p class=\"listen\"><span>" + tr("audio.listen", lang) + "</span><br>\n<audio controls preload=\"none\" src=\"" +
                href + "\"></audio><br>\n<a href=\"" + href + "\" download>" + tr("site.audio_download", lang) +
                " (Ogg)</a></p>\n";
    }
    main += paragraphs(offer.description.get(lang));
    main += section(tr("offer.eligibility", lang), paragraphs(offer.eligibility.get(lang)));
    main += section(tr("offer.cost", lang), paragraphs(offer.cost.get(lang)));
    if (!offer.languages.empty())
        main += section(tr("offer.languages", lang), "<p>" + languageList(offer.languages, lang) + "</p>\n");
    if (const auto* provider = catalog.provider(offer.providerId))
        main += section(tr("offer.provider", lang), providerBox(*provider, lang, path));
    if (!offer.url.empty())
        main += "<p><a href=\"" + escape(offer.url) + "\">" + tr("site.offer_website", lang) + "</a></p>\n";
    std::string stages;
    for (const auto& id : offer.lifeStages)
        if (const auto* stage = catalog.lifeStage(id))
            stages += "<li><a href=\"" + relativeHref(path, core::site_path::lifeStage(lang, id)) + "\">" +
                      escape(stage->title.get(lang)) + "</a></li>\n";
    if (!stages.empty()) main += "<ul class=\"stages\">\n" + stages + "</ul>\n";
    return page(context, {path, lang, offer.title.get(lang), offer.summary.get(lang),
                          offerJsonLd(context, offer, lang), {}},
                main);
}

std::string providerPage(const PageContext& context, const core::Provider& provider, const std::string& lang) {
    const auto& catalog = *context.frame.catalog;
    const std::string path = core::site_path::provider(lang, provider.id);
    std::string main = sampleTag(provider.sample, lang);
    if (provider.national) main += "<p>" + tr("provider.national", lang) + "</p>\n";
    main += paragraphs(provider.description.get(lang));
    std::string contact;
    if (!provider.address.empty())
        contact += "<p>" + tr("provider.address", lang) + ": " + addressLine(provider.address) + "</p>\n";
    if (!provider.phone.empty())
        contact += "<p class=\"phone\">" + tr("provider.phone", lang) + ": " + phoneLink(provider.phone) + "</p>\n";
    if (!provider.email.empty())
        contact += "<p>" + tr("provider.email", lang) + ": <a href=\"mailto:" + escape(provider.email) + "\">" +
                   escape(provider.email) + "</a></p>\n";
    if (!provider.website.empty())
        contact += "<p>" + tr("provider.website", lang) + ": <a href=\"" + escape(provider.website) + "\">" +
                   escape(provider.website) + "</a></p>\n";
    contact += "<p><a class=\"button\" href=\"kontakt.vcf\" download type=\"text/vcard\">" +
               tr("offer.qr_contact", lang) + " (.vcf)</a></p>\n";
    main += contact;
    if (provider.hours) main += hoursTable(*provider.hours, tr("provider.hours", lang), lang);
    if (!provider.languages.empty())
        main += section(tr("offer.languages", lang), "<p>" + languageList(provider.languages, lang) + "</p>\n");
    if (!provider.accessibility.empty())
        main += section(tr("provider.accessibility", lang), paragraphs(provider.accessibility.get(lang)));
    main += section(tr("provider.offers", lang), offerList(context, catalog.offersOf(provider.id), lang, path));
    return page(context, {path, lang, provider.name.get(lang), provider.description.get(lang),
                          providerJsonLd(context, provider, lang), {}},
                main);
}

std::string urgentHelpPage(const PageContext& context, const std::string& lang) {
    const auto& catalog = *context.frame.catalog;
    const std::string path = core::site_path::urgentHelp(lang);
    std::string main = "<p class=\"urgent-note\">" + tr("emergency.intro", lang) + " " + phoneLink("112") + "</p>\n";
    for (const core::Offer* offer : catalog.emergencyOffers()) {
        const auto* provider = catalog.provider(offer->providerId);
        std::string body = "<p>" + escape(offer->summary.get(lang)) + "</p>\n";
        if (provider && !provider->phone.empty()) body += "<p class=\"phone big\">" + phoneLink(provider->phone) + "</p>\n";
        if (provider && provider->hours) body += hoursTable(*provider->hours, tr("provider.hours", lang), lang);
        body += "<p><a href=\"" + relativeHref(path, core::site_path::offer(lang, offer->id)) + "\">" +
                tr("offer.qr_link", lang) + ": " + escape(offer->title.get(lang)) + "</a></p>\n";
        main += section(escape(offer->title.get(lang)), body);
    }
    return page(context, {path, lang, i18n::tr("emergency.title", lang), i18n::tr("emergency.short", lang), {}, {}},
                main);
}

std::string aboutPage(const PageContext& context, const std::string& lang) {
    const auto& catalog = *context.frame.catalog;
    const auto& network = catalog.network;
    const std::string path = core::site_path::about(lang);
    std::string main = "<h2>" + escape(network.name.get(lang)) + "</h2>\n" + paragraphs(network.description.get(lang));
    if (!network.organisation.empty()) main += "<p>" + escape(network.organisation.get(lang)) + "</p>\n";
    if (!network.address.empty())
        main += "<p>" + tr("provider.address", lang) + ": " + addressLine(network.address) + "</p>\n";
    if (!network.phone.empty())
        main += "<p class=\"phone\">" + tr("provider.phone", lang) + ": " + phoneLink(network.phone) + "</p>\n";
    if (!network.fax.empty()) main += "<p>Fax: " + escape(network.fax) + "</p>\n";
    if (!network.website.empty())
        main += "<p>" + tr("provider.website", lang) + ": <a href=\"" + escape(network.website) + "\">" +
                escape(network.website) + "</a></p>\n";
    if (network.hours) main += hoursTable(*network.hours, tr("about.service_hours", lang), lang);
    main += "<p><a href=\"" + relativeHref(path, core::site_path::professionals(lang)) + "\">" + tr("pro.button", lang) +
            "</a></p>\n";  // the network's side for professionals, as on the kiosk's "Über uns"
    const bool sample = std::any_of(catalog.offers.begin(), catalog.offers.end(), [](const auto& o) { return o.sample; });
    if (sample) main += sampleTag(true, lang) + "<p>" + tr("about.sample", lang) + "</p>\n";
    return page(context, {path, lang, i18n::tr("nav.about", lang), network.description.get(lang), {}, {}}, main);
}

std::string searchPage(const PageContext& context, const std::string& lang) {
    const auto& catalog = *context.frame.catalog;
    const std::string path = core::site_path::search(lang);
    std::string main = "<p>" + tr("site.search_intro", lang) + "</p>\n";
    main += "<form class=\"filter\" role=\"search\" hidden>\n<label for=\"filter\">" + tr("site.search_filter", lang) +
            "</label>\n<input id=\"filter\" type=\"search\" autocomplete=\"off\">\n</form>\n";
    main += "<p id=\"none\" hidden>" + tr("site.search_none", lang) + "</p>\n";
    // Each offer once, under its main (first) topic: the plain list works without JavaScript.
    for (const auto& topic : catalog.topics) {
        std::vector<const core::Offer*> offers;
        for (const auto& offer : catalog.offers)
            if (!offer.topics.empty() && offer.topics.front() == topic.id) offers.push_back(&offer);
        if (!offers.empty()) main += section(escape(topic.title.get(lang)), offerList(context, offers, lang, path, true));
    }
    return page(context,
                {path, lang, i18n::tr("search.button", lang), {}, {}, {path + "index.js", "suche.js"}}, main);
}

std::string mapPage(const PageContext& context, const std::string& lang) {
    const auto& catalog = *context.frame.catalog;
    const std::string path = core::site_path::map(lang);
    std::string main;
    if (context.input->map) {
        main += "<p>" + tr("site.map_intro", lang) + "</p>\n<figure class=\"map\">\n" + districtSvg(context, lang, path) +
                "<figcaption>" + escape(core::kMapAttribution) + "</figcaption>\n</figure>\n";
    } else {
        main += "<p>" + tr("map.unavailable", lang) + "</p>\n";
    }
    // The same places as a list, by town (sorted by name so the page does not depend on the content's order).
    std::map<std::string, std::vector<const core::Provider*>> byTown;
    for (const auto& provider : catalog.providers)
        if (!provider.national && !provider.address.municipality.empty())
            byTown[provider.address.municipality].push_back(&provider);
    std::string places;
    for (const auto& [town, providers] : byTown) {
        places += "<h3>" + escape(town) + "</h3>\n<ul>\n";
        for (const auto* provider : providers)
            places += "<li><a href=\"" + relativeHref(path, core::site_path::provider(lang, provider->id)) + "\">" +
                      escape(provider->name.get(lang)) + "</a> · " + escape(provider->address.street) + "</li>\n";
        places += "</ul>\n";
    }
    main += section(tr("site.map_places", lang), places);
    return page(context, {path, lang, i18n::tr("map.title", lang), {}, {}, {}}, main);
}

std::string languageChoice(const PageContext& context) {
    const std::string lang(core::kReferenceLanguage);
    std::string main = "<ul class=\"tiles\">\n";
    for (const auto& code : context.frame.languages)
        main += "<li><a href=\"" + relativeHref("", core::site_path::start(code)) + "\" hreflang=\"" + code +
                "\" lang=\"" + code + "\"" + (i18n::isRightToLeft(code) ? " dir=\"rtl\"" : "") + ">" +
                escape(i18n::languageEndonym(code)) + " <span class=\"ages\">" +
                escape(i18n::tr("language.title", code)) + "</span></a></li>\n";
    main += "</ul>\n";
    return page(context, {"", lang, context.frame.catalog->network.name.get(lang), {}, {}, {}}, main);
}

}  // namespace kiosk::site
