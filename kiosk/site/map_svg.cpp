// The district map as inline SVG: the municipalities from the kiosk's geodata, the providers as pins.
#include "kiosk/site/pages.hpp"

#include "kiosk/core/public_url.hpp"
#include "kiosk/i18n/strings.hpp"

#include <cmath>
#include <cstdio>

namespace kiosk::site {
namespace {

constexpr double kUnitsPerKm = 10;  // the drawing's units: 0.1 km, written as whole numbers
constexpr double kLabelledWidthKm = 6;  // smaller municipalities' names would cover each other (title on hover)

// A coordinate in the drawing, as an integer: short, and the same bytes on every machine.
std::string unit(double km) { return std::to_string(std::lround(km * kUnitsPerKm)); }

std::string ringPath(const core::Ring& ring, const core::PlanePoint& origin) {
    std::string d;
    for (size_t i = 0; i < ring.size(); ++i)
        d += (i == 0 ? "M" : "L") + unit(ring[i].x - origin.x) + " " + unit(ring[i].y - origin.y);
    return d + "Z";
}

}  // namespace

std::string districtSvg(const PageContext& context, const std::string& lang, const std::string& fromPath,
                        const std::vector<const core::Provider*>* pinned) {
    const core::DistrictMap& map = *context.input->map;
    const double margin = 4;  // km around the district: room for the names at its edges
    const core::PlanePoint origin{map.bounds.min.x - margin, map.bounds.min.y - margin};
    const std::string width = unit(map.bounds.max.x - map.bounds.min.x + 2 * margin);
    const std::string height = unit(map.bounds.max.y - map.bounds.min.y + 2 * margin);
    std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + width + " " + height +
                      "\" role=\"group\" aria-label=\"" + escape(i18n::tr("map.title", lang)) + "\" direction=\"ltr\">\n";
    out += "<g class=\"land\">\n";
    for (const auto& municipality : map.municipalities) {
        out += "<path d=\"";
        for (const auto& area : municipality.areas)
            for (const auto& ring : area.rings) out += ringPath(ring, origin);
        out += "\"><title>" + escape(municipality.name) + "</title></path>\n";
    }
    out += "</g>\n<g class=\"names\" aria-hidden=\"true\">\n";
    for (const auto& municipality : map.municipalities)
        if (municipality.bounds.max.x - municipality.bounds.min.x >= kLabelledWidthKm)
            out += "<text x=\"" + unit(municipality.label.x - origin.x) + "\" y=\"" + unit(municipality.label.y - origin.y) +
                   "\">" + escape(municipality.name) + "</text>\n";
    out += "</g>\n<g class=\"pins\">\n";
    std::vector<const core::Provider*> all;
    if (!pinned)
        for (const auto& provider : context.frame.catalog->providers) all.push_back(&provider);
    for (const core::Provider* each : pinned ? *pinned : all) {
        const core::Provider& provider = *each;
        if (!provider.location || provider.national) continue;
        const core::PlanePoint p = map.projection.project(*provider.location);
        const std::string name = escape(provider.name.get(lang));
        out += "<a href=\"" + relativeHref(fromPath, core::site_path::provider(lang, provider.id)) + "\" aria-label=\"" +
               name + "\"><title>" + name + "</title><circle cx=\"" + unit(p.x - origin.x) + "\" cy=\"" +
               unit(p.y - origin.y) + "\" r=\"9\"/></a>\n";
    }
    return out + "</g>\n</svg>\n";
}

}  // namespace kiosk::site
