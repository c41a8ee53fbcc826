// Schema.org JSON-LD for offers (Service) and providers (organisations with opening hours), so that
// search engines understand the pages.
#include "kiosk/site/pages.hpp"

#include "kiosk/core/public_url.hpp"
#include "kiosk/core/text_format.hpp"

#include <nlohmann/json.hpp>

namespace kiosk::site {
namespace {

using Json = nlohmann::ordered_json;

Json openingHours(const core::OpeningHours& hours) {
    static const char* const kDays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    Json rows = Json::array();
    for (int day = 0; day < 7; ++day)
        for (const auto& range : core::weeklyTableIntervals(hours, static_cast<core::Weekday>(day)))
            rows.push_back({{"@type", "OpeningHoursSpecification"},
                            {"dayOfWeek", std::string("https://schema.org/") + kDays[day]},
                            {"opens", core::clockTime(range.from)},
                            {"closes", range.to >= 24 * 60 ? "23:59" : core::clockTime(range.to)}});
    return rows;
}

Json organisation(const PageContext& context, const core::Provider& provider, const std::string& lang) {
    Json json{{"@type", provider.national ? "Organization" : "LocalBusiness"},
              {"@id", core::siteUrl(context.frame.baseUrl, core::site_path::provider(lang, provider.id))},
              {"name", provider.name.get(lang)}};
    if (!provider.description.empty()) json["description"] = provider.description.get(lang);
    if (!provider.phone.empty()) json["telephone"] = provider.phone;
    if (!provider.email.empty()) json["email"] = provider.email;
    if (!provider.website.empty()) json["sameAs"] = provider.website;
    if (!provider.address.empty())
        json["address"] = {{"@type", "PostalAddress"},
                           {"streetAddress", provider.address.street},
                           {"postalCode", provider.address.postalCode},
                           {"addressLocality", provider.address.municipality},
                           {"addressCountry", "DE"}};
    if (provider.location)
        json["geo"] = {{"@type", "GeoCoordinates"},
                       {"latitude", provider.location->latitude},
                       {"longitude", provider.location->longitude}};
    if (provider.hours && provider.hours->source() != "24/7") {
        Json rows = openingHours(*provider.hours);
        if (!rows.empty()) json["openingHoursSpecification"] = std::move(rows);
    } else if (provider.hours) {
        json["openingHours"] = "Mo-Su 00:00-23:59";
    }
    return json;
}

}  // namespace

std::string scriptSafeJson(std::string json) {
    for (size_t at = json.find('<'); at != std::string::npos; at = json.find('<', at + 6)) json.replace(at, 1, "\\u003c");
    return json;
}

namespace {

std::string scriptSafe(const Json& json) { return scriptSafeJson(json.dump()); }

}  // namespace

std::string offerJsonLd(const PageContext& context, const core::Offer& offer, const std::string& lang) {
    Json json{{"@context", "https://schema.org"},
              {"@type", "Service"},
              {"@id", core::siteUrl(context.frame.baseUrl, core::site_path::offer(lang, offer.id))},
              {"name", offer.title.get(lang)},
              {"description", offer.summary.get(lang)},
              {"inLanguage", lang},
              {"url", core::siteUrl(context.frame.baseUrl, core::site_path::offer(lang, offer.id))}};
    if (!offer.url.empty()) json["sameAs"] = offer.url;
    if (!offer.cost.empty()) json["offers"] = {{"@type", "Offer"}, {"description", offer.cost.get(lang)}};
    if (!offer.languages.empty()) json["availableLanguage"] = offer.languages.strings();
    if (const auto* provider = context.frame.catalog->provider(offer.providerId)) {
        json["provider"] = organisation(context, *provider, lang);
        json["areaServed"] = provider->national ? "DE" : "Landkreis Esslingen";
    }
    return scriptSafe(json);
}

std::string providerJsonLd(const PageContext& context, const core::Provider& provider, const std::string& lang) {
    Json json{{"@context", "https://schema.org"}};
    json.update(organisation(context, provider, lang));
    return scriptSafe(json);
}

}  // namespace kiosk::site
