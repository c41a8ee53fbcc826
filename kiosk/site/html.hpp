// Small pieces of HTML for the website: escaping, links between pages, phone links, whole pages.
#pragma once

#include "kiosk/core/catalog.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::site {

// Text for an element's content or an attribute's value: & < > " ' escaped.
std::string escape(std::string_view text);
// A text with line breaks as paragraphs: a blank line starts a new <p>, a single one is a <br>.
std::string paragraphs(std::string_view text);
// The phone number as a tel: address (RFC 3966): digits only, a German 0 prefix as +49.
std::string telHref(std::string_view phone);
// A `tel:` link showing the number as written.
std::string phoneLink(std::string_view phone);

// What every page shares: where it is, in which language, and the site around it.
struct PageFrame {
    std::string path;      // the page's folder relative to the site's root: "de/angebote/kindergeld/"
    std::string language;  // its language
    std::string title;     // <title> and <h1>
    std::string description;  // <meta name="description">, may be empty
    std::string jsonLd;    // Schema.org data for the page, may be empty
    std::vector<std::string> scripts;  // local scripts, as paths from the site's root
};

// Everything a page needs of the site: its root URL and languages, the network's name.
struct SiteFrame {
    const core::Catalog* catalog = nullptr;
    std::string baseUrl;
    std::vector<std::string> languages;
};

// A link from the page at `fromPath` to the page at `toPath` (both relative to the site's root),
// relative so the folder also works opened from a USB stick (file:// shows no index.html by itself).
std::string relativeHref(std::string_view fromPath, std::string_view toPath);

// The whole HTML document: head (hreflang links to the page in every language), header with the
// navigation, `main` as the main content, footer.
std::string htmlPage(const SiteFrame& site, const PageFrame& page, std::string_view main);

}  // namespace kiosk::site
