// Lookups and the filters the screens need, over the in-memory catalog.
#include "kiosk/core/catalog.hpp"

#include <algorithm>
#include <cstdint>
#include <functional>

namespace kiosk::core {

namespace {

// The positions of a list's items by the hash of their ids, sorted: 16 bytes an item, no copy of
// the id (10,000 offers and 6,000 providers); a hit is checked against the item itself.
constexpr uint32_t kNone = UINT32_MAX, kStale = UINT32_MAX - 1;
struct IdPositions {
    std::vector<std::pair<size_t, uint32_t>> byHash;
    // The position of the item with `id`; kNone if there is none; kStale if the list changed since.
    template <typename T>
    uint32_t find(const std::vector<T>& items, std::string_view id) const {
        const size_t hash = std::hash<std::string_view>{}(id);
        auto it = std::lower_bound(byHash.begin(), byHash.end(), std::pair<size_t, uint32_t>{hash, 0});
        if (it == byHash.end() || it->first != hash) return kNone;
        for (; it != byHash.end() && it->first == hash; ++it)
            if (it->second < items.size() && items[it->second].id == id) return it->second;
        return kStale;
    }
};

}  // namespace

// Positions in the catalog's lists (not pointers: a copy of the catalog shares its index).
struct Catalog::Index {
    size_t stages = 0, topics = 0, providers = 0, offers = 0;  // the lists' sizes it was built for
    IdPositions stageAt, topicAt, providerAt, offerAt;
    std::vector<std::vector<uint32_t>> stageOffers;  // per life stage: its offers but emergencies, in content order
    std::vector<std::vector<uint32_t>> stageTopics;  // per life stage: the topics of those offers, in content order
    std::vector<uint32_t> emergencies;               // in emergencyOffers()' order
    // Per provider (by position) its offers: those of provider p are providerOffers[providerStarts[p]]
    // up to providerOffers[providerStarts[p + 1]] (one list, not a vector each for 6,000 providers).
    std::vector<uint32_t> providerStarts, providerOffers;
    std::vector<std::string> languages;
};

namespace {

template <typename T>
const T* findById(const std::vector<T>& items, std::string_view id) {
    auto it = std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
    return it == items.end() ? nullptr : &*it;
}

bool contains(const std::vector<std::string>& values, std::string_view value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}
bool contains(const Codes& values, std::string_view value) { return values.contains(value); }

// The item at the indexed position if it is still the one asked for, else a search.
template <typename T>
const T* indexedById(const std::vector<T>& items, const IdPositions* at, std::string_view id) {
    if (at) {
        const uint32_t found = at->find(items, id);
        if (found == kNone) return nullptr;
        if (found != kStale) return &items[found];
    }
    return findById(items, id);
}

template <typename T>
IdPositions positions(const std::vector<T>& items) {
    IdPositions at;
    at.byHash.reserve(items.size());
    for (uint32_t i = 0; i < items.size(); ++i) at.byHash.emplace_back(std::hash<std::string_view>{}(items[i].id), i);
    std::sort(at.byHash.begin(), at.byHash.end());
    return at;
}

template <typename T>
std::vector<const T*> pick(const std::vector<T>& items, const std::vector<uint32_t>& positions) {
    std::vector<const T*> result;
    result.reserve(positions.size());
    for (uint32_t i : positions) result.push_back(&items[i]);
    return result;
}

}  // namespace

const Catalog::Index* Catalog::index() const {
    const Index* index = m_index.get();
    if (!index || index->stages != lifeStages.size() || index->topics != topics.size() ||
        index->providers != providers.size() || index->offers != offers.size())
        return nullptr;
    return index;
}

const LifeStage* Catalog::lifeStage(std::string_view id) const {
    const Index* i = index();
    return indexedById(lifeStages, i ? &i->stageAt : nullptr, id);
}
const Topic* Catalog::topic(std::string_view id) const {
    const Index* i = index();
    return indexedById(topics, i ? &i->topicAt : nullptr, id);
}
const Provider* Catalog::provider(std::string_view id) const {
    const Index* i = index();
    return indexedById(providers, i ? &i->providerAt : nullptr, id);
}
const Offer* Catalog::offer(std::string_view id) const {
    const Index* i = index();
    return indexedById(offers, i ? &i->offerAt : nullptr, id);
}

void Catalog::buildIndex() {
    m_index.reset();  // the lookups below search while the new index is made
    auto made = std::make_shared<Index>();
    Index& x = *made;
    x.stageAt = positions(lifeStages);
    x.topicAt = positions(topics);
    x.providerAt = positions(providers);
    x.offerAt = positions(offers);
    x.stageOffers.resize(lifeStages.size());
    x.stageTopics.resize(lifeStages.size());
    for (uint32_t s = 0; s < lifeStages.size(); ++s) {
        std::vector<bool> used(topics.size());
        for (const Offer* o : offersFor(lifeStages[s].id)) {
            x.stageOffers[s].push_back(static_cast<uint32_t>(o - offers.data()));
            for (const std::string& t : o->topics)
                if (const uint32_t at = x.topicAt.find(topics, t); at < topics.size()) used[at] = true;
        }
        for (uint32_t t = 0; t < topics.size(); ++t)
            if (used[t]) x.stageTopics[s].push_back(t);
    }
    for (const Offer* o : emergencyOffers()) x.emergencies.push_back(static_cast<uint32_t>(o - offers.data()));
    std::vector<uint32_t> providerOf(offers.size(), kNone);
    x.providerStarts.assign(providers.size() + 1, 0);
    for (uint32_t i = 0; i < offers.size(); ++i)
        if (const uint32_t at = x.providerAt.find(providers, offers[i].providerId); at < providers.size()) {
            providerOf[i] = at;
            ++x.providerStarts[at + 1];
        }
    for (size_t p = 0; p < providers.size(); ++p) x.providerStarts[p + 1] += x.providerStarts[p];
    x.providerOffers.resize(x.providerStarts.back());
    std::vector<uint32_t> filled(x.providerStarts.begin(), x.providerStarts.end() - 1);
    for (uint32_t i = 0; i < offers.size(); ++i)
        if (providerOf[i] != kNone) x.providerOffers[filled[providerOf[i]]++] = i;  // in content order
    for (auto& list : x.stageOffers) list.shrink_to_fit();
    x.languages = languages();
    x.stages = lifeStages.size();
    x.topics = topics.size();
    x.providers = providers.size();
    x.offers = offers.size();
    m_index = std::move(made);
}

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
    if (const Index* i = index()) {
        const uint32_t stage = i->stageAt.find(lifeStages, stageId);
        if (stage >= lifeStages.size()) return result;
        result = pick(offers, i->stageOffers[stage]);
        if (!topicId.empty())
            result.erase(std::remove_if(result.begin(), result.end(),
                                        [&](const Offer* o) { return !contains(o->topics, topicId); }),
                         result.end());
    } else {
        for (const Offer& offer : offers) {
            if (!contains(offer.lifeStages, stageId) || isEmergency(offer)) continue;
            if (!topicId.empty() && !contains(offer.topics, topicId)) continue;
            result.push_back(&offer);
        }
    }
    // With a topic chosen, offers whose main (first) topic it is come first: a family choosing
    // "money" sees Kindergeld before the counselling that also helps with money.
    if (!topicId.empty())
        std::stable_partition(result.begin(), result.end(),
                              [&](const Offer* o) { return !o->topics.empty() && o->topics.front() == topicId; });
    return result;
}

std::vector<const Topic*> Catalog::topicsFor(std::string_view stageId) const {
    if (const Index* i = index()) {
        const uint32_t stage = i->stageAt.find(lifeStages, stageId);
        return stage >= lifeStages.size() ? std::vector<const Topic*>{} : pick(topics, i->stageTopics[stage]);
    }
    std::vector<const Offer*> stageOffers = offersFor(stageId);
    std::vector<const Topic*> result;
    for (const Topic& t : topics) {
        bool used = std::any_of(stageOffers.begin(), stageOffers.end(),
                                [&](const Offer* o) { return contains(o->topics, t.id); });
        if (used) result.push_back(&t);
    }
    return result;
}

std::optional<LocalizedText> Catalog::explanation(std::string_view key) const {
    if (key == "home") return network.audio;
    constexpr std::string_view kOffer = "offer:";
    if (key.substr(0, kOffer.size()) == kOffer)
        if (const Offer* o = offer(key.substr(kOffer.size()))) return text(*o, OfferText::Audio);
    constexpr std::string_view kPractice = "practice:";
    if (key.substr(0, kPractice.size()) == kPractice)
        if (const Practice* p = practice(key.substr(kPractice.size()))) return p->audio;
    return std::nullopt;
}

LocalizedText Catalog::text(const Offer& o, OfferText field) const {
    if (textSource) return textSource->offerText(o.id, field);
    switch (field) {
    case OfferText::Title: return o.title;
    case OfferText::Summary: return o.summary;
    case OfferText::Description: return o.description;
    case OfferText::Cost: return o.cost;
    case OfferText::Eligibility: return o.eligibility;
    case OfferText::Audio: return o.audio;
    }
    return {};
}

LocalizedText Catalog::text(const Provider& p, ProviderText field) const {
    if (textSource) return textSource->providerText(p.id, field);
    switch (field) {
    case ProviderText::Name: return p.name;
    case ProviderText::Description: return p.description;
    case ProviderText::Accessibility: return p.accessibility;
    }
    return {};
}

std::string Catalog::url(const Offer& o) const {
    return textSource ? textSource->offerUrl(o.id) : o.url;
}

std::string Catalog::text(const Offer& o, OfferText field, std::string_view language) const {
    return text(o, field).get(language);
}

std::string Catalog::text(const Provider& p, ProviderText field, std::string_view language) const {
    return text(p, field).get(language);
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
    if (const Index* i = index()) return pick(offers, i->emergencies);
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
    if (const Index* i = index()) {
        const uint32_t at = i->providerAt.find(providers, providerId);
        std::vector<const Offer*> result;
        if (at >= providers.size()) return result;
        result.reserve(i->providerStarts[at + 1] - i->providerStarts[at]);
        for (uint32_t k = i->providerStarts[at]; k < i->providerStarts[at + 1]; ++k)
            result.push_back(&offers[i->providerOffers[k]]);
        return result;
    }
    std::vector<const Offer*> result;
    for (const Offer& offer : offers)
        if (offer.providerId == providerId) result.push_back(&offer);
    return result;
}

std::vector<std::string> Catalog::languages() const {
    if (const Index* i = index()) return i->languages;
    if (textSource) return textSource->languages();
    std::vector<std::string> result{std::string(kReferenceLanguage)};
    for (const Offer& offer : offers)
        for (const auto& [code, value] : offer.title.values())
            if (!contains(result, code)) result.push_back(code);
    return result;
}

}  // namespace kiosk::core
