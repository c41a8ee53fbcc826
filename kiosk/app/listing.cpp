// One entry a line: id, title in the chosen language, and for offers the details URL; or, for `speech`,
// each spoken explanation the content names in that language with the text to speak.
#include "kiosk/app/listing.hpp"

#include <fmt/format.h>

#include <cstring>
#include <initializer_list>

namespace kiosk::app {
namespace {

// Builds the text to speak from parts in one language: a part without a translation is left out
// rather than read in German by a foreign voice; when no part is in the language, German is read.
class SpokenText {
public:
    SpokenText(std::initializer_list<const core::LocalizedText*> parts, const std::string& language)
        : m_language(std::string(core::kReferenceLanguage)) {
        for (const auto* part : parts)
            if (part->has(language)) m_language = language;
    }
    // Adds a part as a sentence of its own (a title gets a full stop).
    SpokenText& sentence(const core::LocalizedText& part) {
        if (!part.has(m_language) || part.get(m_language).empty()) return *this;
        if (!m_text.empty() && !std::strchr(".!?:", m_text.back())) m_text += '.';
        if (!m_text.empty()) m_text += ' ';
        m_text += part.get(m_language);
        return *this;
    }
    std::string line() const {  // one line per explanation, whatever the source's line breaks
        std::string text = m_text;
        for (char& c : text)
            if (c == '\n' || c == '\t' || c == '\r') c = ' ';
        return text;
    }

private:
    std::string m_language;
    std::string m_text;
};

}  // namespace

void printListing(const core::Catalog& catalog, const std::string& what, const std::string& language, std::FILE* out) {
    if (what == "offers")
        for (const auto& o : catalog.offers) fmt::print(out, "{}\t{}\t{}\n", o.id, o.title.get(language), o.url);
    else if (what == "providers")
        for (const auto& p : catalog.providers) fmt::print(out, "{}\t{}\n", p.id, p.name.get(language));
    else if (what == "stages")
        for (const auto& s : catalog.lifeStages) fmt::print(out, "{}\t{}\n", s.id, s.title.get(language));
    else if (what == "topics")
        for (const auto& t : catalog.topics) fmt::print(out, "{}\t{}\n", t.id, t.title.get(language));
    else if (what == "speech") {
        // The home screen's explanation: what the network does and that this kiosk finds help nearby.
        const auto& n = catalog.network;
        const auto& about = n.description.empty() ? n.name : n.description;
        if (n.audio.has(language))
            fmt::print(out, "{}\t{}\n", n.audio.get(language), SpokenText({&about}, language).sentence(about).line());
        for (const auto& o : catalog.offers)
            if (o.audio.has(language))
                fmt::print(out, "{}\t{}\n", o.audio.get(language),
                           SpokenText({&o.title, &o.summary, &o.description}, language)
                               .sentence(o.title)
                               .sentence(o.summary)
                               .sentence(o.description)
                               .line());
    }
}

}  // namespace kiosk::app
