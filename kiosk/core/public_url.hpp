// The network website's public addresses (kiosk-pack site): one scheme, used by the generator and by
// every QR code the kiosk shows or prints. Printed slips live for years, so these never change.
#pragma once

#include "kiosk/core/catalog.hpp"

#include <string>
#include <string_view>

namespace kiosk::core {

// Paths of the pages, relative to the site's root, each a folder ending in '/' (its index.html):
//   <lang>/                      start page          <lang>/hilfe-sofort/   urgent help
//   <lang>/<life-stage-id>/      a life stage        <lang>/karte/          map
//   <lang>/angebote/<offer-id>/  an offer            <lang>/suche/          search
//   <lang>/stellen/<provider-id>/ a provider          <lang>/ueber-uns/      about the network
namespace site_path {
std::string start(std::string_view language);
std::string lifeStage(std::string_view language, std::string_view stageId);
std::string offer(std::string_view language, std::string_view offerId);
std::string provider(std::string_view language, std::string_view providerId);
std::string urgentHelp(std::string_view language);
std::string map(std::string_view language);
std::string search(std::string_view language);
std::string about(std::string_view language);
// For professionals: <lang>/fachkraefte/ and its parts "gute-praxis", "termine", "arbeitsgruppen" (part
// empty: the entry page); a practice at <lang>/fachkraefte/gute-praxis/<practice-id>/.
std::string professionals(std::string_view language, std::string_view part = {});
std::string practice(std::string_view language, std::string_view practiceId);
// The provider's contact card beside its page: <lang>/stellen/<provider-id>/kontakt.vcf
std::string contactCard(std::string_view language, std::string_view providerId);
}  // namespace site_path

// The folder names the scheme uses under <lang>/: a life stage may not be called like one of them.
bool isReservedSiteName(std::string_view id);

// An address the site can be published at: https://, a host with a dot, no query or fragment.
bool isSiteBaseUrl(std::string_view url);

// `baseUrl` and a site path joined with exactly one '/': ("https://x.de/hilfe", "de/") -> ".../hilfe/de/".
std::string siteUrl(std::string_view baseUrl, std::string_view path);

// What a QR code for `offer` holds: the offer's page on the network's website in `language` when
// the content names the site (site_base_url in network.yaml), else the offer's own url.
std::string offerLink(const Catalog& catalog, const Offer& offer, std::string_view language);

}  // namespace kiosk::core
