// The pages of the website, each a function of the catalog and a language (used by site.cpp).
#pragma once

#include "kiosk/site/html.hpp"
#include "kiosk/site/site.hpp"

#include <string>

namespace kiosk::site {

// What the pages read besides the catalog: the input, and the sound files found for each offer.
struct PageContext {
    SiteFrame frame;
    const SiteInput* input = nullptr;
    // The site path of an offer's sound file in a language ("audio/de/kindergeld.ogg"), empty when
    // there is none: the file the kiosk would play, copied to the same path below the site's root.
    std::string (*audioPath)(const PageContext&, const core::Offer&, const std::string&) = nullptr;
};

std::string startPage(const PageContext& context, const std::string& lang);
std::string lifeStagePage(const PageContext& context, const core::LifeStage& stage, const std::string& lang);
std::string offerPage(const PageContext& context, const core::Offer& offer, const std::string& lang);
std::string providerPage(const PageContext& context, const core::Provider& provider, const std::string& lang);
std::string urgentHelpPage(const PageContext& context, const std::string& lang);
std::string aboutPage(const PageContext& context, const std::string& lang);
std::string searchPage(const PageContext& context, const std::string& lang);
std::string mapPage(const PageContext& context, const std::string& lang);
// For professionals (professional_pages.cpp): the entry, good practice, one practice, events, working groups.
std::string professionalsPage(const PageContext& context, const std::string& lang);
std::string practicesPage(const PageContext& context, const std::string& lang);
std::string practicePage(const PageContext& context, const core::Practice& practice, const std::string& lang);
// Whether the practice's picture is in the content folder: then it is copied to the same path below
// the site's root and shown on its page (the content check refused it if it were broken).
bool hasPicture(const PageContext& context, const core::Practice& practice);
std::string eventsPage(const PageContext& context, const std::string& lang);
std::string groupsPage(const PageContext& context, const std::string& lang);
// The map of actors: the network's members on the district map, and as lists by field of work.
std::string actorsPage(const PageContext& context, const std::string& lang);
// The root: a choice of language, in each language's own words.
std::string languageChoice(const PageContext& context);

// A weekly table of opening hours with a caption (the kiosk's words for days and times).
std::string hoursTable(const core::OpeningHours& hours, const std::string& caption, const std::string& lang);

// JSON text safe inside a <script> element: every '<' written as \u003c, so nothing in it can end
// the element or open a comment.
std::string scriptSafeJson(std::string json);

// Schema.org JSON-LD (already safe inside <script>).
std::string offerJsonLd(const PageContext& context, const core::Offer& offer, const std::string& lang);
std::string providerJsonLd(const PageContext& context, const core::Provider& provider, const std::string& lang);

// The district as inline SVG with the providers' pins, each a link from the page at `fromPath`.
// The district with pins for `pinned` (all providers with a place when none are given).
std::string districtSvg(const PageContext& context, const std::string& lang, const std::string& fromPath,
                        const std::vector<const core::Provider*>* pinned = nullptr);

// The search's index for `lang` as a script (offer id -> words), and the shared files.
std::string searchIndexScript(const PageContext& context, const std::string& lang);
std::string searchScript();
std::string styleSheet();

}  // namespace kiosk::site
