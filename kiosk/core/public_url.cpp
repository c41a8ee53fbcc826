// The website's URL scheme in one place (content/README.md documents it for authors).
#include "kiosk/core/public_url.hpp"

#include <array>

namespace kiosk::core {
namespace {

constexpr std::array<std::string_view, 7> kReserved{"angebote", "stellen", "hilfe-sofort", "karte",
                                                   "suche",    "ueber-uns", "fachkraefte"};

std::string join(std::string_view language, std::string_view folder, std::string_view id = {}) {
    std::string path(language);
    path += '/';
    if (!folder.empty()) (path += folder) += '/';
    if (!id.empty()) (path += id) += '/';
    return path;
}

}  // namespace

namespace site_path {
std::string start(std::string_view language) { return join(language, {}); }
std::string lifeStage(std::string_view language, std::string_view stageId) { return join(language, stageId); }
std::string offer(std::string_view language, std::string_view offerId) { return join(language, kReserved[0], offerId); }
std::string provider(std::string_view language, std::string_view providerId) {
    return join(language, kReserved[1], providerId);
}
std::string urgentHelp(std::string_view language) { return join(language, kReserved[2]); }
std::string map(std::string_view language) { return join(language, kReserved[3]); }
std::string search(std::string_view language) { return join(language, kReserved[4]); }
std::string about(std::string_view language) { return join(language, kReserved[5]); }
std::string professionals(std::string_view language, std::string_view part) {
    return join(language, kReserved[6]) + (part.empty() ? std::string() : std::string(part) + "/");
}
std::string practice(std::string_view language, std::string_view practiceId) {
    return professionals(language, "gute-praxis") + std::string(practiceId) + "/";
}
std::string contactCard(std::string_view language, std::string_view providerId) {
    return provider(language, providerId) + "kontakt.vcf";
}
}  // namespace site_path

bool isReservedSiteName(std::string_view id) {
    for (std::string_view name : kReserved)
        if (name == id) return true;
    return false;
}

bool isSiteBaseUrl(std::string_view url) {
    constexpr std::string_view kScheme = "https://";
    if (!url.starts_with(kScheme)) return false;
    for (unsigned char c : url)
        if (c <= 0x20 || c == 0x7f || c == '?' || c == '#' || c == '"' || c == '<' || c == '>') return false;
    const std::string_view host = url.substr(kScheme.size(), url.find('/', kScheme.size()) - kScheme.size());
    return host.find('.') != std::string_view::npos && !host.starts_with('.') && !host.ends_with('.');
}

std::string siteUrl(std::string_view baseUrl, std::string_view path) {
    std::string url(baseUrl);
    while (!url.empty() && url.back() == '/') url.pop_back();
    while (!path.empty() && path.front() == '/') path.remove_prefix(1);
    return url + "/" + std::string(path);
}

std::string offerLink(const Catalog& catalog, const Offer& offer, std::string_view language) {
    if (catalog.network.siteBaseUrl.empty()) return catalog.url(offer);
    return siteUrl(catalog.network.siteBaseUrl, site_path::offer(language, offer.id));
}

}  // namespace kiosk::core
