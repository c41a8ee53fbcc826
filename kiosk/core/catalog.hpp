// The content a kiosk shows: life stages, topics, providers and their offers (after Open Referral HSDS).
#pragma once

#include "kiosk/core/codes.hpp"
#include "kiosk/core/localized_text.hpp"
#include "kiosk/core/opening_hours.hpp"
#include "kiosk/core/professionals.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::core {

struct LifeStage {
    std::string id;
    std::string icon;
    LocalizedText title;
    LocalizedText ages;  // "0–1 Jahr"
};

struct Topic {
    std::string id;
    std::string icon;
    LocalizedText title;
    bool emergency = false;  // offers of this topic sit behind the always-visible emergency button
};

struct Address {
    std::string street;
    std::string postalCode;
    std::string municipality;
    bool empty() const { return street.empty() && postalCode.empty() && municipality.empty(); }
};

struct GeoPoint {
    double latitude = 0;
    double longitude = 0;
};

struct Provider {  // HSDS organization + its location
    std::string id;
    LocalizedText name;
    LocalizedText description;
    Address address;                  // empty for national services (helplines)
    std::optional<GeoPoint> location;  // none for national services
    std::string phone;
    std::string email;
    std::string website;
    std::optional<OpeningHours> hours;
    Codes languages;
    LocalizedText accessibility;
    bool national = false;
    bool networkMember = false;       // a member of the network: a pin on the map of actors
    Codes fields;  // its fields of work (core::fieldsOfWork), for the map of actors' filter
    bool sample = false;
};

struct Offer {  // HSDS service
    std::string id;
    LocalizedText title;
    LocalizedText summary;
    LocalizedText description;
    Codes lifeStages;
    Codes topics;
    std::string providerId;
    LocalizedText cost;
    LocalizedText eligibility;
    std::string url;  // read it with Catalog::url(): a catalog with a TextSource leaves it there
    Codes languages;
    std::vector<std::pair<std::string, std::vector<std::string>>> keywords;  // per language
    LocalizedText audio;  // spoken explanation: a file per language, relative to the content folder
    bool sample = false;
};

struct NetworkInfo {  // the network's own office, for the about screen
    LocalizedText name;
    LocalizedText description;
    LocalizedText organisation;
    Address address;
    std::string phone;
    std::string fax;
    std::string website;
    std::optional<OpeningHours> hours;
    LocalizedText audio;  // the home screen's spoken explanation, relative to the content folder
    std::vector<SchoolHoliday> schoolHolidays;  // BW's, as the office lists them: what SH in opening hours means
    std::string siteBaseUrl;  // where kiosk-pack site's pages are published (https://…); empty: none
};

// "Also find": a family searching for `word` (in `language`) also finds offers with these words.
struct Synonym {
    std::string language;
    std::string word;
    std::vector<std::string> alsoFinds;
};

// The texts of offers and providers (and the offers' links) that a catalog may leave to a source instead of holding them:
// the kiosk's catalog holds only what every frame needs of its 10,000 offers (ids, links, places)
// and fetches the texts of what a screen shows from the content database (kiosk/content,
// DatabaseTexts). Other programs (the site, HSDS, the editor) hold them all and need no source.
enum class OfferText { Title, Summary, Description, Cost, Eligibility, Audio };
enum class ProviderText { Name, Description, Accessibility };

class TextSource {
public:
    virtual ~TextSource() = default;
    // The text in every language it has; empty when there is none (or the source cannot be read).
    virtual LocalizedText offerText(std::string_view offerId, OfferText field) const = 0;
    virtual LocalizedText providerText(std::string_view providerId, ProviderText field) const = 0;
    // The offer's link (Offer::url); empty when there is none.
    virtual std::string offerUrl(std::string_view offerId) const = 0;
    // The languages of the offers' titles, German first, in the content's order.
    virtual std::vector<std::string> languages() const = 0;
    // Every character beyond ASCII of the content's texts (of every kind, in every language), UTF-8,
    // each once: the fonts need the glyphs of these.
    virtual std::string characters() const = 0;
};

class Catalog {
public:
    std::vector<LifeStage> lifeStages;
    std::vector<Topic> topics;
    std::vector<Provider> providers;
    std::vector<Offer> offers;
    NetworkInfo network;
    std::vector<Synonym> synonyms;  // for the search, from the optional synonyms.yaml
    // For professionals, from the optional practices.yaml, events.yaml and working_groups.yaml.
    std::vector<Practice> practices;
    std::vector<Event> events;
    std::vector<WorkingGroup> workingGroups;
    // When set, the offers' and providers' texts (the fields OfferText and ProviderText name) are
    // not in `offers` and `providers` but come from here: read them with text(), which works either way.
    std::shared_ptr<const TextSource> textSource;

    LocalizedText text(const Offer& offer, OfferText field) const;
    LocalizedText text(const Provider& provider, ProviderText field) const;
    // In `language`, else German, else empty.
    std::string text(const Offer& offer, OfferText field, std::string_view language) const;
    std::string text(const Provider& provider, ProviderText field, std::string_view language) const;
    // The offer's link (its `url`, from the TextSource when there is one).
    std::string url(const Offer& offer) const;

    const LifeStage* lifeStage(std::string_view id) const;
    const Topic* topic(std::string_view id) const;
    const Provider* provider(std::string_view id) const;
    const Offer* offer(std::string_view id) const;
    const Practice* practice(std::string_view id) const;
    const Event* event(std::string_view id) const;
    const WorkingGroup* workingGroup(std::string_view id) const;
    // Practices of a field of work (empty: all), in content order.
    std::vector<const Practice*> practicesOf(std::string_view field) const;
    // The network's members with a place on the map, of a field of work (empty: all).
    std::vector<const Provider*> actors(std::string_view field) const;

    // Offers for a life stage, optionally only those of one topic; emergency offers are left out
    // (they have their own screen). Order: as in the content; with a topic, the offers whose
    // first (main) topic it is come first.
    std::vector<const Offer*> offersFor(std::string_view stageId, std::string_view topicId = {}) const;
    // Topics that have at least one offer in the life stage, in content order.
    std::vector<const Topic*> topicsFor(std::string_view stageId) const;
    // Offers of the emergency topic: nationwide services first, then local ones, each in content order.
    std::vector<const Offer*> emergencyOffers() const;
    std::vector<const Offer*> offersOf(std::string_view providerId) const;
    bool isEmergency(const Offer& offer) const;
    // The audio files of a spoken explanation: "home" (the network's), "offer:<id>", "practice:<id>"; none if unknown.
    std::optional<LocalizedText> explanation(std::string_view key) const;
    // Languages in which every content text is present (German always first).
    std::vector<std::string> languages() const;

    // Makes the lookups and filters above take time by what they return, not by the size of the
    // content (a screen asks them every frame, and 10,000 offers are a full pass each): call it once
    // the catalog is complete, and again after changing it. A copy shares the index. A list that grew
    // or shrank since is noticed: the answers are then searched for again, as without an index.
    void buildIndex();

private:
    struct Index;
    std::shared_ptr<const Index> m_index;
    const Index* index() const;  // null when there is none or the lists changed size since
};

// The file to play of `audio` (paths per language, relative to `mediaDir`) in `language`: that
// language's if the file exists, else the German one if it exists, else empty (no button then).
std::filesystem::path playableFile(const LocalizedText& audio, const std::filesystem::path& mediaDir,
                                   std::string_view language);

}  // namespace kiosk::core
