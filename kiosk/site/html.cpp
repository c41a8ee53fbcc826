// HTML escaping and the frame around every page of the website.
#include "kiosk/site/html.hpp"

#include "kiosk/core/public_url.hpp"
#include "kiosk/i18n/strings.hpp"

#include <algorithm>

namespace kiosk::site {

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string paragraphs(std::string_view text) {
    std::string out;
    while (!text.empty()) {
        size_t end = text.find("\n\n");
        std::string_view part = text.substr(0, end);
        if (end == std::string_view::npos) text = {};
        else text.remove_prefix(end + 2);
        while (!part.empty() && (part.back() == '\n' || part.back() == ' ')) part.remove_suffix(1);
        while (!part.empty() && (part.front() == '\n' || part.front() == ' ')) part.remove_prefix(1);
        if (part.empty()) continue;
        std::string escaped = escape(part);
        for (size_t at = escaped.find('\n'); at != std::string::npos; at = escaped.find('\n', at + 5))
            escaped.replace(at, 1, "<br>\n");
        out += "<p>" + escaped + "</p>\n";
    }
    return out;
}

std::string telHref(std::string_view phone) {
    std::string digits;
    for (char c : phone)
        if ((c >= '0' && c <= '9') || (c == '+' && digits.empty())) digits += c;
    if (digits.starts_with("00")) digits = "+" + digits.substr(2);
    else if (digits.starts_with("0")) digits = "+49" + digits.substr(1);
    return "tel:" + digits;
}

std::string phoneLink(std::string_view phone) {
    return "<a class=\"tel\" href=\"" + escape(telHref(phone)) + "\">" + escape(phone) + "</a>";
}

std::string relativeHref(std::string_view fromPath, std::string_view toPath) {
    const auto depth = std::count(fromPath.begin(), fromPath.end(), '/');
    std::string href;
    for (long i = 0; i < depth; ++i) href += "../";
    href += toPath;
    if (toPath.empty() || toPath.back() == '/') href += "index.html";
    return href;
}

namespace {

// The same page in another language: its path with the first folder (the language) replaced.
std::string inLanguage(std::string_view path, std::string_view language) {
    const size_t slash = path.find('/');
    return std::string(language) + "/" + std::string(slash == std::string_view::npos ? "" : path.substr(slash + 1));
}

std::string head(const SiteFrame& site, const PageFrame& page) {
    const std::string& network = site.catalog->network.name.get(page.language);
    std::string out = "<head>\n<meta charset=\"utf-8\">\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<title>" + escape(page.title == network ? page.title : page.title + " – " + network) + "</title>\n";
    if (!page.description.empty())
        out += "<meta name=\"description\" content=\"" + escape(page.description) + "\">\n";
    out += "<link rel=\"canonical\" href=\"" + escape(core::siteUrl(site.baseUrl, page.path)) + "\">\n";
    for (const auto& language : site.languages)
        out += "<link rel=\"alternate\" hreflang=\"" + language + "\" href=\"" +
               escape(core::siteUrl(site.baseUrl, inLanguage(page.path, language))) + "\">\n";
    out += "<link rel=\"alternate\" hreflang=\"x-default\" href=\"" +
           escape(core::siteUrl(site.baseUrl, inLanguage(page.path, core::kReferenceLanguage))) + "\">\n";
    out += "<link rel=\"stylesheet\" href=\"" + relativeHref(page.path, "site.css") + "\">\n";
    if (!page.jsonLd.empty()) out += "<script type=\"application/ld+json\">" + page.jsonLd + "</script>\n";
    for (const auto& script : page.scripts)
        out += "<script src=\"" + relativeHref(page.path, script) + "\" defer></script>\n";
    return out + "</head>\n";
}

std::string header(const SiteFrame& site, const PageFrame& page) {
    const std::string& lang = page.language;
    auto tr = [&](const char* key) { return escape(i18n::tr(key, lang)); };
    auto link = [&](const std::string& to, const std::string& words) {
        const bool here = to == page.path;
        return "<li><a href=\"" + relativeHref(page.path, to) + "\"" + (here ? " aria-current=\"page\"" : "") + ">" +
               words + "</a></li>";
    };
    std::string out = "<a class=\"skip\" href=\"#main\">" + tr("site.skip") + "</a>\n<header>\n";
    out += "<p class=\"network\"><a href=\"" + relativeHref(page.path, core::site_path::start(lang)) + "\">" +
           escape(site.catalog->network.name.get(lang)) + "</a></p>\n";
    out += "<nav aria-label=\"" + tr("site.navigation") + "\"><ul>";
    out += link(core::site_path::start(lang), tr("nav.home"));
    out += link(core::site_path::urgentHelp(lang), tr("nav.emergency"));
    out += link(core::site_path::search(lang), tr("search.button"));
    out += link(core::site_path::map(lang), tr("map.button"));
    out += link(core::site_path::about(lang), tr("nav.about"));
    out += "</ul></nav>\n<nav class=\"languages\" aria-label=\"" + tr("nav.language") + "\"><ul>";
    for (const auto& other : site.languages) {
        const std::string name = escape(i18n::languageEndonym(other));
        if (other == lang) {
            out += "<li><span lang=\"" + other + "\" aria-current=\"true\">" + name + "</span></li>";
            continue;
        }
        out += "<li><a href=\"" + relativeHref(page.path, inLanguage(page.path, other)) + "\" hreflang=\"" + other +
               "\" lang=\"" + other + "\"" + (i18n::isRightToLeft(other) ? " dir=\"rtl\"" : "") + ">" + name +
               "</a></li>";
    }
    return out + "</ul></nav>\n</header>\n";
}

std::string footer(const SiteFrame& site, const PageFrame& page) {
    const auto& network = site.catalog->network;
    std::string out = "<footer>\n<p>" + escape(network.name.get(page.language));
    if (!network.organisation.empty()) out += " · " + escape(network.organisation.get(page.language));
    out += "</p>\n";
    if (!network.phone.empty())
        out += "<p>" + escape(i18n::tr("provider.phone", page.language)) + ": " + phoneLink(network.phone) + "</p>\n";
    return out + "</footer>\n";
}

}  // namespace

std::string htmlPage(const SiteFrame& site, const PageFrame& page, std::string_view main) {
    const bool rtl = i18n::isRightToLeft(page.language);
    std::string out = "<!DOCTYPE html>\n<html lang=\"" + page.language + "\"" + (rtl ? " dir=\"rtl\"" : "") + ">\n";
    out += head(site, page);
    out += "<body>\n" + header(site, page);
    out += "<main id=\"main\">\n<h1>" + escape(page.title) + "</h1>\n";
    out += main;
    out += "</main>\n" + footer(site, page) + "</body>\n</html>\n";
    return out;
}

}  // namespace kiosk::site
