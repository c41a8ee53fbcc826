// Lookups and the filters the screens need, over the in-memory catalog.
#include "kiosk/core/catalog.hpp"

#include <algorithm>

namespace kiosk::core {
namespace {

template <typename T>
const T* findById(const std::vector<T>& items, std::string_view id) {
    auto it = std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
    return it == items.end() ? nullptr : &*it;
}

bool contains(const std::vector<std::string>& values, std::string_view value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

}  // namespace

const LifeStage* Catalog::lifeStage(std::string_view id) const { return findById(lifeStages, id); }
const Topic* Catalog::topic(std::string_view id) const { return findById(topics, id); }
const Provider* Catalog::provider(std::string_view id) const { return findById(providers, id); }
const Offer* Catalog::offer(std::string_view id) const { return findById(offers, id); }
const Practice* Catalog::practice(std::string_view id) const { return findById(practices, id); }
const Event* Catalog::event(std::string_view id) const { return findById(events, id); }
const WorkingGroup* Catalog::workingGroup(std::string_view id) const { return findById(workingGroups, id); }

std::vector<const Practice*> Catalog::practicesOf(std::string_view field) const {
    std::vector<const Practice*> result;
    for (const Practice& p : practices)
        if (field.empty() || contains(p.fields, field)) result.push_back(&p);
    return result;
}

std::vector<const Provider*> Catalog::actors(std::string_view field) const {
    std::vector<const Provider*> result;
    for (const Provider& p : providers)
        if (p.networkMember && p.location && (field.empty() || contains(p.fields, field))) result.push_back(&p);
    return result;
}

bool Catalog::isEmergency(const Offer& offer) const {
    return std::any_of(offer.topics.begin(), offer.topics.end(), [&](const std::string& id) {
        const Topic* t = topic(id);
        return t && t->emergency;
    });
}

std::vector<const Offer*> Catalog::offersFor(std::string_view stageId, std::string_view topicId) const {
    std::vector<const Offer*> result;
    for (const Offer& offer : offers) {
        if (!contains(offer.lifeStages, stageId) || isEmergency(offer)) continue;
        if (!topicId.empty() && !contains(offer.topics, topicId)) continue;
        result.push_back(&offer);
    }
    // With a topic chosen, offers whose main (first) topic it is come first: a family choosing
    // "money" sees Kindergeld before the counselling that also helps with money.
    if (!topicId.empty())
        std::stable_partition(result.begin(), result.end(),
                              [&](const Offer* o) { return !o->topics.empty() && o->topics.front() == topicId; });
    return result;
}

std::vector<const Topic*> Catalog::topicsFor(std::string_view stageId) const {
    std::vector<const Offer*> stageOffers = offersFor(stageId);
    std::vector<const Topic*> result;
    for (const Topic& t : topics) {
        bool used = std::any_of(stageOffers.begin(), stageOffers.end(),
                                [&](const Offer* o) { return contains(o->topics, t.id); });
        if (used) result.push_back(&t);
    }
    return result;
}

const LocalizedText* Catalog::explanation(std::string_view key) const {
    if (key == "home") return &network.audio;
    constexpr std::string_view kOffer = "offer:";
    if (key.substr(0, kOffer.size()) == kOffer)
        if (const Offer* o = offer(key.substr(kOffer.size()))) return &o->audio;
    constexpr std::string_view kPractice = "practice:";
    if (key.substr(0, kPractice.size()) == kPractice)
        if (const Practice* p = practice(key.substr(kPractice.size()))) return &p->audio;
    return nullptr;
}

std::filesystem::path playableFile(const LocalizedText& audio, const std::filesystem::path& mediaDir,
                                   std::string_view language) {
    for (std::string_view candidate : {language, kReferenceLanguage}) {
        if (!audio.has(candidate)) continue;
        std::filesystem::path file = mediaDir / audio.get(candidate);
        std::error_code error;
        if (std::filesystem::is_regular_file(file, error)) return file;
    }
    return {};
}

std::vector<const Offer*> Catalog::emergencyOffers() const {
    std::vector<const Offer*> result;
    for (const Offer& offer : offers)
        if (isEmergency(offer)) result.push_back(&offer);
    // The nationwide helplines answer at any hour: they come before local services with office hours.
    std::stable_partition(result.begin(), result.end(), [&](const Offer* o) {
        const Provider* p = provider(o->providerId);
        return p && p->national;
    });
    return result;
}

std::vector<const Offer*> Catalog::offersOf(std::string_view providerId) const {
    std::vector<const Offer*> result;
    for (const Offer& offer : offers)
        if (offer.providerId == providerId) result.push_back(&offer);
    return result;
}

std::vector<std::string> Catalog::languages() const {
    std::vector<std::string> result{std::string(kReferenceLanguage)};
    for (const Offer& offer : offers)
        for (const auto& [code, value] : offer.title.values())
            if (!contains(result, code)) result.push_back(code);
    return result;
}

}  // namespace kiosk::core
