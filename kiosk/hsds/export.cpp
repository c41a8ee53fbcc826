// Catalog -> HSDS tables. Every id is a UUID v5 of "<table>/<kiosk id>…" (spec.hpp), so exports are stable.
#include "kiosk/hsds/export.hpp"

#include "kiosk/hsds/schedule.hpp"
#include "kiosk/hsds/spec.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace kiosk::hsds {

using json = nlohmann::ordered_json;

std::optional<std::pair<int, int>> lifeStageAges(std::string_view stageId) {
    static const std::map<std::string_view, std::pair<int, int>> ages{
        {"baby", {0, 1}}, {"toddler", {1, 3}}, {"kindergarten", {3, 6}}, {"primary-school", {6, 10}}};
    const auto it = ages.find(stageId);
    if (it == ages.end()) return std::nullopt;
    return it->second;
}

namespace {

struct Exporter {
    const core::Catalog& catalog;
    std::string lang;
    Dataset out;

    std::string text(const core::LocalizedText& t) const { return t.get(lang); }
    static void put(json& row, const char* field, const std::string& value) {
        if (!value.empty()) row[field] = value;
    }

    void taxonomies() {
        out.add("taxonomy", json{{"id", kioskUuid(std::string("taxonomy/") + kLifeStageTaxonomy)},
                                 {"name", kLifeStageTaxonomy},
                                 {"description", "Familienkiosk: the child's life stage (codes: pregnancy, baby, toddler, "
                                                 "kindergarten, primary-school)"},
                                 {"version", "1"}});
        out.add("taxonomy", json{{"id", kioskUuid(std::string("taxonomy/") + kTopicTaxonomy)},
                                 {"name", kTopicTaxonomy},
                                 {"description", "Familienkiosk: the topic of an offer (codes: the kiosk's topic ids)"},
                                 {"version", "1"}});
        out.add("taxonomy", json{{"id", kioskUuid(std::string("taxonomy/") + kIdentifierScheme)},
                                 {"name", kIdentifierScheme},
                                 {"description", "Familienkiosk: an attribute with this taxonomy's term 'id' holds the "
                                                 "entry's id in the kiosk (its value)"},
                                 {"version", "1"}});
        for (const auto& stage : catalog.lifeStages) {
            json row{{"id", termId(kLifeStageTaxonomy, stage.id)}, {"code", stage.id}, {"name", text(stage.title)},
                     {"description", stage.ages.empty() ? text(stage.title) : text(stage.ages)},
                     {"taxonomy", kLifeStageTaxonomy},
                     {"language", lang},
                     {"taxonomy_id", kioskUuid(std::string("taxonomy/") + kLifeStageTaxonomy)}};
            out.add("taxonomy_term", std::move(row));
        }
        for (const auto& topic : catalog.topics)
            out.add("taxonomy_term", json{{"id", termId(kTopicTaxonomy, topic.id)}, {"code", topic.id},
                                          {"name", text(topic.title)}, {"description", text(topic.title)},
                                          {"taxonomy", kTopicTaxonomy}, {"language", lang},
                                          {"taxonomy_id", kioskUuid(std::string("taxonomy/") + kTopicTaxonomy)}});
        out.add("taxonomy_term", json{{"id", termId(kIdentifierScheme, "id")}, {"code", "id"}, {"name", "Familienkiosk id"},
                                      {"description", "the entry's id in the Familienkiosk content (value)"},
                                      {"taxonomy", kIdentifierScheme}, {"language", lang},
                                      {"taxonomy_id", kioskUuid(std::string("taxonomy/") + kIdentifierScheme)}});
    }

    static std::string termId(const std::string& taxonomy, const std::string& code) {
        return kioskUuid("taxonomy_term/" + taxonomy + "/" + code);
    }

    void provider(const core::Provider& p) {
        const std::string org = kioskUuid("organization/" + p.id), loc = kioskUuid("location/" + p.id);
        // HSDS requires an organization's description; a provider may have none (content/README's
        // small example): its name stands in, so that the dataset is valid and reads back
        // (fuzz_hsds_export found it).
        const std::string description = text(p.description);
        json organization{{"id", org}, {"name", text(p.name)}, {"description", description.empty() ? text(p.name) : description}};
        put(organization, "email", p.email);
        put(organization, "website", p.website);
        out.add("organization", std::move(organization));
        out.add("organization_identifier", json{{"id", kioskUuid("organization_identifier/" + p.id)},
                                                {"organization_id", org}, {"identifier_scheme", kIdentifierScheme},
                                                {"identifier_type", "Familienkiosk id"}, {"identifier", p.id}});
        json location{{"id", loc}, {"location_type", p.national ? "virtual" : "physical"}, {"organization_id", org},
                      {"name", text(p.name)}};
        if (p.location) {
            location["latitude"] = p.location->latitude;
            location["longitude"] = p.location->longitude;
        }
        location["external_identifier"] = p.id;
        location["external_identifier_type"] = kIdentifierScheme;
        out.add("location", std::move(location));
        if (!p.address.empty())
            out.add("address", json{{"id", kioskUuid("address/" + p.id)}, {"location_id", loc},
                                    {"address_1", p.address.street}, {"city", p.address.municipality},
                                    {"state_province", "Baden-Württemberg"}, {"postal_code", p.address.postalCode},
                                    {"country", "DE"}, {"address_type", "physical"}});
        if (!p.phone.empty())
            out.add("phone", json{{"id", kioskUuid("phone/" + p.id)}, {"location_id", loc}, {"number", p.phone}});
        if (!p.accessibility.empty())
            out.add("accessibility", json{{"id", kioskUuid("accessibility/" + p.id)}, {"location_id", loc},
                                          {"description", text(p.accessibility)}});
        for (const auto& code : p.languages)
            out.add("language", json{{"id", kioskUuid("language/location/" + p.id + "/" + code)}, {"location_id", loc},
                                     {"code", code}});
        if (!p.hours) return;
        int n = 0;
        for (auto& schedule : schedulesOf(*p.hours)) {
            json row{{"id", kioskUuid(fmt::format("schedule/{}/{}", p.id, ++n))}, {"location_id", loc}};
            row.update(schedule);
            out.add("schedule", std::move(row));
        }
    }

    void offer(const core::Offer& o) {
        const std::string id = kioskUuid("service/" + o.id);
        std::string description = text(o.summary);
        if (!o.description.empty()) description += "\n\n" + text(o.description);
        json service{{"id", id}, {"organization_id", kioskUuid("organization/" + o.providerId)}, {"name", text(o.title)},
                     {"description", description}, {"url", o.url}, {"status", "active"}};
        put(service, "fees_description", text(o.cost));
        put(service, "eligibility_description", text(o.eligibility));
        std::optional<std::pair<int, int>> ages;
        for (const auto& stage : o.lifeStages)
            if (const auto a = lifeStageAges(stage))
                ages = ages ? std::pair{std::min(ages->first, a->first), std::max(ages->second, a->second)} : *a;
        if (ages) {
            service["minimum_age"] = ages->first;
            service["maximum_age"] = ages->second;
        }
        out.add("service", std::move(service));
        out.add("service_at_location", json{{"id", kioskUuid("service_at_location/" + o.id)}, {"service_id", id},
                                            {"location_id", kioskUuid("location/" + o.providerId)}});
        for (const auto& code : o.languages)
            out.add("language", json{{"id", kioskUuid("language/service/" + o.id + "/" + code)}, {"service_id", id},
                                     {"code", code}});
        const std::string cost = o.cost.get(core::kReferenceLanguage);
        if (cost.rfind("Kostenlos", 0) == 0 || cost.rfind("kostenlos", 0) == 0)
            out.add("cost_option", json{{"id", kioskUuid("cost_option/" + o.id)}, {"service_id", id},
                                        {"option", text(o.cost)}, {"currency", "EUR"}, {"amount", 0}});
        auto attribute = [&](const std::string& taxonomy, const std::string& code, const std::string& value) {
            json row{{"id", kioskUuid("attribute/" + o.id + "/" + taxonomy + "/" + code)}, {"link_id", id},
                     {"taxonomy_term_id", termId(taxonomy, code)}, {"link_type", "service"}, {"link_entity", "service"}};
            put(row, "value", value);
            out.add("attribute", std::move(row));
        };
        attribute(kIdentifierScheme, "id", o.id);
        for (const auto& stage : o.lifeStages) attribute(kLifeStageTaxonomy, stage, {});
        for (const auto& topic : o.topics) attribute(kTopicTaxonomy, topic, {});
    }
};

}  // namespace

Dataset exportCatalog(const core::Catalog& catalog, const std::string& language) {
    Exporter exporter{catalog, language, {}};
    exporter.taxonomies();
    for (const auto& p : catalog.providers) exporter.provider(p);
    for (const auto& o : catalog.offers) exporter.offer(o);
    for (const auto& table : specTables())
        if (exporter.out.tables.count(table.name))
            exporter.out.add("meta_table_description",
                             json{{"id", kioskUuid("meta_table_description/" + table.name)}, {"name", table.name},
                                  {"language", language}, {"character_set", "UTF-8"}});
    return std::move(exporter.out);
}

}  // namespace kiosk::hsds
