// One entry a line: id, title in the chosen language, and for offers the details URL; or, for `speech`,
// each spoken explanation the content names in that language with the text to speak.
#include "kiosk/app/listing.hpp"

#include "kiosk/core/public_url.hpp"
#include "kiosk/core/spoken.hpp"
#include "kiosk/core/text_format.hpp"
#include "kiosk/ui/strings.hpp"

#include <fmt/format.h>

#include <algorithm>

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
    std::string line() const { return line(m_text); }
    static std::string line(std::string text) {  // one line per explanation, whatever the source's line breaks
        for (char& c : text)
            if (c == '\n' || c == '\t' || c == '\r') c = ' ';
        return text;
    }

private:
    std::string m_language;
    std::string m_text;
};

// Words of the kiosk for a voice: times as "08:00 bis 12:00", lines as sentences.
std::string forSpeech(std::string text, const std::string& language) {
    const std::string dash = "–", until = " " + ui::tr("speech.until", language) + " ";
    for (size_t at; (at = text.find(dash)) != std::string::npos;) text.replace(at, dash.size(), until);
    for (size_t at; (at = text.find('\n')) != std::string::npos;) text.replace(at, 1, ". ");
    return text;
}

std::string sentence(const std::string& text) {
    if (text.empty()) return {};
    return std::strchr(".!?:", text.back()) ? text + " " : text + ". ";
}

std::string addressText(const core::Address& address, const std::string& language) {
    if (address.empty()) return {};
    return sentence(ui::tr("speech.address", language) + ": " + core::oneLineAddress(address));
}

std::string hoursText(const std::optional<core::OpeningHours>& hours, const std::string& heading,
                      const std::string& language) {
    if (!hours) return {};
    return sentence(heading + ": " + forSpeech(core::weeklyHoursText(*hours, ui::hoursWords(language)), language));
}

// The main information of a screen whose sound file follows the convention (core::explanationAudio),
// in `language`: content in that language where it has it (names and addresses stay German), the
// kiosk's own words always in it. Nothing that changes with the clock: "open now" is on the screen;
// the voice reads the weekly hours.
std::string screenSpeech(const core::Catalog& catalog, const std::string& key, const std::string& language) {
    const auto& lang = language;
    std::string text;
    if (key.rfind("stage:", 0) == 0) {
        const core::LifeStage* stage = catalog.lifeStage(key.substr(6));
        text = sentence(stage->title.get(lang) + ", " + forSpeech(stage->ages.get(lang), lang)) +
               sentence(ui::tr("speech.stage", lang));
        for (const core::Offer* offer : catalog.offersFor(stage->id))
            text += sentence(catalog.text(*offer, core::OfferText::Title, lang));
    } else if (key.rfind("provider:", 0) == 0) {
        const core::Provider* p = catalog.provider(key.substr(9));
        text = sentence(catalog.text(*p, core::ProviderText::Name, lang)) + addressText(p->address, lang);
        if (!p->phone.empty()) text += sentence(ui::tr("speech.phone", lang) + ": " + p->phone);
        text += hoursText(p->hours, ui::tr("provider.hours", lang), lang);
    } else if (key == "emergencies") {
        text = sentence(ui::tr("emergency.title", lang)) + sentence(ui::tr("emergency.intro", lang));
        for (const core::Offer* offer : catalog.emergencyOffers()) {
            const core::Provider* p = catalog.provider(offer->providerId);
            const std::string title = catalog.text(*offer, core::OfferText::Title, lang);
            const bool saysNumber = !p || p->phone.empty() || title.find(p->phone) != std::string::npos;
            text += sentence(title + (saysNumber ? "" : ", " + ui::tr("speech.phone", lang) + ": " + p->phone));
        }
    } else if (key == "about") {
        const auto& n = catalog.network;
        text = sentence(n.name.get(lang)) + sentence(n.description.get(lang)) + addressText(n.address, lang);
        if (!n.phone.empty()) text += sentence(ui::tr("speech.phone", lang) + ": " + n.phone);
        text += hoursText(n.hours, ui::tr("about.service_hours", lang), lang);
    } else {
        text = ui::tr("speech." + key, lang);  // map, search, list, qr, languages: the kiosk's words only
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return text;
}

}  // namespace

void printListing(const core::Catalog& catalog, const std::string& what, const std::string& language, std::FILE* out) {
    if (what == "offers")
        for (const auto& o : catalog.offers)  // the URL the QR codes hold in this language
            fmt::print(out, "{}\t{}\t{}\n", o.id, catalog.text(o, core::OfferText::Title, language),
                       core::offerLink(catalog, o, language));
    else if (what == "providers")
        for (const auto& p : catalog.providers)
            fmt::print(out, "{}\t{}\n", p.id, catalog.text(p, core::ProviderText::Name, language));
    else if (what == "stages")
        for (const auto& s : catalog.lifeStages) fmt::print(out, "{}\t{}\n", s.id, s.title.get(language));
    else if (what == "topics")
        for (const auto& t : catalog.topics) fmt::print(out, "{}\t{}\n", t.id, t.title.get(language));
    else if (what == "practices")
        for (const auto& p : catalog.practices) fmt::print(out, "{}\t{}\n", p.id, p.title.get(language));
    else if (what == "events")  // every event, past ones too, in the order they start
        for (const core::Event* e : core::visibleEvents(catalog.events, core::LocalDateTime{{1, 1, 1}, 0}))
            fmt::print(out, "{}\t{}\t{}\n", e->id, e->title.get(language), core::isoDateTime(e->start));
    else if (what == "groups")
        for (const auto& g : catalog.workingGroups) fmt::print(out, "{}\t{}\n", g.id, g.title.get(language));
    else if (what == "speech") {
        // The home screen's explanation: what the network does and that this kiosk finds help nearby.
        const auto& n = catalog.network;
        const auto& about = n.description.empty() ? n.name : n.description;
        if (n.audio.has(language))
            fmt::print(out, "{}\t{}\n", n.audio.get(language), SpokenText({&about}, language).sentence(about).line());
        // An offer's, or an example of good practice's, where the content names a file: title, summary, description.
        auto named = [&](const core::LocalizedText& audio, const core::LocalizedText& title,
                         const core::LocalizedText& summary, const core::LocalizedText& description) {
            if (audio.has(language))
                fmt::print(out, "{}\t{}\n", audio.get(language),
                           SpokenText({&title, &summary, &description}, language)
                               .sentence(title)
                               .sentence(summary)
                               .sentence(description)
                               .line());
        };
        for (const auto& o : catalog.offers)
            named(catalog.text(o, core::OfferText::Audio), catalog.text(o, core::OfferText::Title),
                  catalog.text(o, core::OfferText::Summary), catalog.text(o, core::OfferText::Description));
        for (const auto& p : catalog.practices) named(p.audio, p.title, p.summary, p.description);
        // The other screens, by convention, in every language of the content.
        const auto languages = catalog.languages();
        if (std::find(languages.begin(), languages.end(), language) == languages.end()) return;
        for (const std::string& key : core::conventionalExplanations(catalog))
            fmt::print(out, "audio/{}/{}.ogg\t{}\n", language, core::conventionalAudioName(key),
                       SpokenText::line(screenSpeech(catalog, key, language)));
    }
}

}  // namespace kiosk::app
