// The website's pages for professionals (issue 16): the entry, good practice (list and one page each),
// the events still to come when the site is built, the working groups with how to join, and the map
// of actors (the network's members on the district map and by field of work).
#include "kiosk/core/public_url.hpp"
#include "kiosk/core/text_format.hpp"
#include "kiosk/i18n/strings.hpp"
#include "kiosk/site/pages.hpp"

#include <fmt/format.h>

namespace kiosk::site {
namespace {

std::string tr(const std::string& key, const std::string& lang) { return escape(i18n::tr(key, lang)); }

std::string link(const std::string& from, const std::string& to, const std::string& text) {
    return "<a href=\"" + relativeHref(from, to) + "\">" + text + "</a>";
}

std::string fieldNames(const std::vector<std::string>& fields, const std::string& lang) {
    std::string text;
    for (const auto& id : fields) text += (text.empty() ? "" : i18n::tr("offer.separator", lang)) + i18n::tr("field." + id, lang);
    return escape(text);
}

std::string contactHtml(const core::ContactPerson& contact) {
    std::string out;
    if (!contact.name.empty()) out += "<p>" + escape(contact.name) + "</p>\n";
    if (!contact.phone.empty()) out += "<p class=\"phone\">" + phoneLink(contact.phone) + "</p>\n";
    if (!contact.email.empty())
        out += "<p><a href=\"mailto:" + escape(contact.email) + "\">" + escape(contact.email) + "</a></p>\n";
    return out;
}

std::string eventWhen(const core::Event& event, const std::string& lang) {
    const auto day = [](core::Date d) { return fmt::format("{:02}.{:02}.{}", d.day, d.month, d.year); };
    std::string text = i18n::tr("day." + std::to_string(static_cast<int>(core::weekdayOf(event.start.date))), lang) +
                       ", " + day(event.start.date) + ", " + core::clockTime(event.start.minuteOfDay) + "–";
    if (event.end.date != event.start.date) text += day(event.end.date) + ", ";
    return escape(text + core::clockTime(event.end.minuteOfDay));
}

std::string eventHtml(const PageContext& context, const core::Event& event, const std::string& lang,
                      const std::string& path) {
    const auto& catalog = *context.frame.catalog;
    std::string out = "<section id=\"" + escape(event.id) + "\">\n<h2>" + escape(event.title.get(lang)) + "</h2>\n";
    out += "<p><time datetime=\"" + core::isoDateTime(event.start) + "\">" + eventWhen(event, lang) + "</time></p>\n";
    std::string where;
    if (event.place.online) where = tr("pro.online", lang);
    else if (const auto* provider = catalog.provider(event.place.provider))
        where = link(path, core::site_path::provider(lang, provider->id), escape(provider->name.get(lang))) + ", " +
                escape(core::oneLineAddress(provider->address));
    else where = escape(core::oneLineAddress({event.place.street, event.place.postalCode, event.place.municipality}));
    out += "<p>" + tr("pro.where", lang) + ": " + where + "</p>\n";
    if (!event.audience.empty()) out += "<p>" + tr("pro.audience", lang) + ": " + escape(event.audience.get(lang)) + "</p>\n";
    out += "<p>" + tr("pro.cost", lang) + ": " + (event.cost.empty() ? tr("pro.free", lang) : escape(event.cost.get(lang))) + "</p>\n";
    if (!event.capacity.empty()) out += "<p>" + escape(event.capacity.get(lang)) + "</p>\n";
    out += paragraphs(event.description.get(lang));
    const core::Registration& r = event.registration;
    out += "<p>" + tr("pro.register", lang) + ": ";
    if (r.empty()) out += tr("pro.no_register", lang);
    if (!r.url.empty()) out += "<a href=\"" + escape(r.url) + "\">" + escape(r.url) + "</a> ";
    if (!r.email.empty()) out += "<a href=\"mailto:" + escape(r.email) + "\">" + escape(r.email) + "</a> ";
    if (!r.phone.empty()) out += phoneLink(r.phone);
    return out + "</p>\n</section>\n";
}

}  // namespace

std::string professionalsPage(const PageContext& context, const std::string& lang) {
    const std::string path = core::site_path::professionals(lang);
    std::string main = "<p>" + tr("pro.intro", lang) + "</p>\n<ul>\n";
    for (const auto& [part, key] : {std::pair{"gute-praxis", "pro.practices"}, {"termine", "pro.events"},
                                    {"arbeitsgruppen", "pro.groups"}})
        main += "<li>" + link(path, core::site_path::professionals(lang, part), tr(key, lang)) + "</li>\n";
    main += "<li>" + link(path, core::site_path::professionals(lang, "akteure"), tr("pro.actors", lang)) + "</li>\n</ul>\n";
    return htmlPage(context.frame, {path, lang, i18n::tr("pro.title", lang), i18n::tr("pro.intro", lang), {}, {}}, main);
}

std::string practicesPage(const PageContext& context, const std::string& lang) {
    const auto& catalog = *context.frame.catalog;
    const std::string path = core::site_path::professionals(lang, "gute-praxis");
    std::string main;
    for (const std::string& field : core::fieldsOfWork()) {
        const auto practices = catalog.practicesOf(field);
        std::string list;
        for (const core::Practice* p : practices)
            if (!p->fields.empty() && p->fields.front() == field)  // each once, under its main field
                list += "<li>" + link(path, core::site_path::practice(lang, p->id), escape(p->title.get(lang))) +
                        "<br>" + escape(p->summary.get(lang)) + "</li>\n";
        if (!list.empty()) main += "<section>\n<h2>" + tr("field." + field, lang) + "</h2>\n<ul>\n" + list + "</ul>\n</section>\n";
    }
    if (main.empty()) main = "<p>" + tr("pro.no_practices", lang) + "</p>\n";
    return htmlPage(context.frame, {path, lang, i18n::tr("pro.practices", lang), {}, {}, {}}, main);
}

bool hasPicture(const PageContext& context, const core::Practice& practice) {
    std::error_code error;
    return !practice.image.empty() && context.input &&
           std::filesystem::is_regular_file(context.input->mediaDir / practice.image, error);
}

std::string practicePage(const PageContext& context, const core::Practice& practice, const std::string& lang) {
    const auto& catalog = *context.frame.catalog;
    const std::string path = core::site_path::practice(lang, practice.id);
    std::string main;
    if (hasPicture(context, practice))
        main += "<p class=\"picture\"><img src=\"" + escape(relativeHref(path, practice.image)) + "\" alt=\"" +
                escape(practice.imageAlt.get(lang)) + "\"></p>\n";
    main += "<p>" + fieldNames(practice.fields, lang) + "</p>\n";
    if (practice.sample) main += "<p class=\"tag\">" + tr("sample.tag", lang) + "</p>\n";
    if (!practice.municipality.empty()) main += "<p>" + tr("pro.where", lang) + ": " + escape(practice.municipality) + "</p>\n";
    if (!practice.status.empty()) main += "<p>" + escape(practice.status.get(lang)) + "</p>\n";
    main += "<p><strong>" + escape(practice.summary.get(lang)) + "</strong></p>\n" + paragraphs(practice.description.get(lang));
    std::string involved;
    for (const auto& id : practice.providers)
        if (const auto* provider = catalog.provider(id))
            involved += "<li>" + link(path, core::site_path::provider(lang, id), escape(provider->name.get(lang))) + "</li>\n";
    if (!involved.empty()) main += "<section>\n<h2>" + tr("pro.involved", lang) + "</h2>\n<ul>\n" + involved + "</ul>\n</section>\n";
    main += "<section>\n<h2>" + tr("pro.contact", lang) + "</h2>\n" + contactHtml(practice.contact) + "</section>\n";
    return htmlPage(context.frame, {path, lang, practice.title.get(lang), practice.summary.get(lang), {}, {}}, main);
}

std::string eventsPage(const PageContext& context, const std::string& lang) {
    const auto& catalog = *context.frame.catalog;
    const std::string path = core::site_path::professionals(lang, "termine");
    std::string main;
    for (const core::Event* event : core::visibleEvents(catalog.events, context.input->now)) main += eventHtml(context, *event, lang, path);
    if (main.empty()) main = "<p>" + tr("pro.no_events", lang) + "</p>\n";
    return htmlPage(context.frame, {path, lang, i18n::tr("pro.events", lang), {}, {}, {}}, main);
}

std::string groupsPage(const PageContext& context, const std::string& lang) {
    const auto& catalog = *context.frame.catalog;
    const auto& network = catalog.network;
    const std::string path = core::site_path::professionals(lang, "arbeitsgruppen");
    std::string main;
    for (const auto& g : catalog.workingGroups) {
        main += "<section>\n<h2>" + escape(g.title.get(lang)) + "</h2>\n<p>" + fieldNames(g.fields, lang) + "</p>\n" +
                paragraphs(g.purpose.get(lang));
        if (!g.meets.empty()) main += "<p>" + tr("pro.meets", lang) + ": " + escape(g.meets.get(lang)) + "</p>\n";
        if (!g.join.empty()) main += "<p>" + tr("pro.how_join", lang) + ": " + escape(g.join.get(lang)) + "</p>\n";
        main += contactHtml(g.contact) + "</section>\n";
    }
    main += "<section>\n<h2>" + tr("pro.join", lang) + "</h2>\n<p>" + tr("pro.join_body", lang) + "</p>\n<p>" +
            link(path, core::site_path::about(lang), escape(network.name.get(lang))) + "</p>\n";
    if (!network.phone.empty()) main += "<p class=\"phone\">" + phoneLink(network.phone) + "</p>\n";
    if (network.hours) main += hoursTable(*network.hours, tr("about.service_hours", lang), lang);
    main += "</section>\n";
    return htmlPage(context.frame, {path, lang, i18n::tr("pro.groups", lang), {}, {}, {}}, main);
}

std::string actorsPage(const PageContext& context, const std::string& lang) {
    const auto& catalog = *context.frame.catalog;
    const std::string path = core::site_path::professionals(lang, "akteure");
    const auto actors = catalog.actors({});
    std::string main = "<p>" + escape(i18n::countText("pro.actors_count", lang, actors.size())) + "</p>\n";
    if (context.input->map)
        main += "<figure class=\"map\">\n" + districtSvg(context, lang, path, &actors) + "<figcaption>" +
                escape(core::kMapAttribution) + "</figcaption>\n</figure>\n";
    // The kiosk's filter, without JavaScript: the members by field of work, each field a section.
    for (const std::string& field : core::fieldsOfWork()) {
        const auto members = catalog.actors(field);
        if (members.empty()) continue;
        std::string list = "<ul>\n";
        for (const core::Provider* actor : members)
            list += "<li>" + link(path, core::site_path::provider(lang, actor->id), escape(actor->name.get(lang))) +
                    (actor->address.municipality.empty() ? "" : " · " + escape(actor->address.municipality)) + "</li>\n";
        main += "<section>\n<h2>" + tr("field." + field, lang) + "</h2>\n" + list + "</ul>\n</section>\n";
    }
    return htmlPage(context.frame, {path, lang, i18n::tr("pro.actors", lang), {}, {}, {}}, main);
}

}  // namespace kiosk::site
