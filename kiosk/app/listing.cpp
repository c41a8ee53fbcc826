// One entry a line: id, title in the chosen language, and for offers the details URL.
#include "kiosk/app/listing.hpp"

#include <fmt/format.h>

namespace kiosk::app {

void printListing(const core::Catalog& catalog, const std::string& what, const std::string& language, std::FILE* out) {
    if (what == "offers")
        for (const auto& o : catalog.offers) fmt::print(out, "{}\t{}\t{}\n", o.id, o.title.get(language), o.url);
    else if (what == "providers")
        for (const auto& p : catalog.providers) fmt::print(out, "{}\t{}\n", p.id, p.name.get(language));
    else if (what == "stages")
        for (const auto& s : catalog.lifeStages) fmt::print(out, "{}\t{}\n", s.id, s.title.get(language));
    else if (what == "topics")
        for (const auto& t : catalog.topics) fmt::print(out, "{}\t{}\n", t.id, t.title.get(language));
}

}  // namespace kiosk::app
