// HSDS -> the kiosk's content: services become offers, locations (with their organization) providers,
// taxonomy terms and ages life stages and topics; what the kiosk has no place for goes into the report.
#include "kiosk/hsds/import.hpp"

#include "kiosk/hsds/export.hpp"
#include "kiosk/hsds/hsds_problem.hpp"
#include "kiosk/hsds/schedule.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <memory>
#include <set>
#include <unordered_map>

namespace kiosk::hsds {

namespace {

struct Reference {
    const char* table;
    const char* field;
    const char* target;
    bool followed;  // the import reads through it: dangling is an error, else a line in the report
};

constexpr Reference kReferences[] = {
    {"service", "organization_id", "organization", true},
    {"service_at_location", "service_id", "service", true},
    {"service_at_location", "location_id", "location", true},
    {"address", "location_id", "location", true},
    {"phone", "location_id", "location", true},
    {"phone", "organization_id", "organization", true},
    {"phone", "service_id", "service", true},
    {"schedule", "location_id", "location", true},
    {"schedule", "service_id", "service", true},
    {"schedule", "service_at_location_id", "service_at_location", true},
    {"language", "service_id", "service", true},
    {"language", "location_id", "location", true},
    {"cost_option", "service_id", "service", true},
    {"accessibility", "location_id", "location", true},
    {"organization_identifier", "organization_id", "organization", true},
    {"location", "organization_id", "organization", false},
    {"taxonomy_term", "taxonomy_id", "taxonomy", false},
    {"taxonomy_term", "parent_id", "taxonomy_term", false},
    {"organization", "parent_organization_id", "organization", false},
    {"service", "program_id", "program", false},
    {"phone", "contact_id", "contact", false},
    {"phone", "service_at_location_id", "service_at_location", false},
    {"language", "phone_id", "phone", false},
    {"program", "organization_id", "organization", false},
    {"contact", "organization_id", "organization", false},
    {"contact", "service_id", "service", false},
    {"contact", "location_id", "location", false},
    {"funding", "organization_id", "organization", false},
    {"funding", "service_id", "service", false},
    {"service_area", "service_id", "service", false},
    {"required_document", "service_id", "service", false},
};

// Fields the kiosk has a place for, per table; every other filled field is listed as not carried.
const std::map<std::string, std::set<std::string>>& carriedFields() {
    static const std::map<std::string, std::set<std::string>> carried{
        {"organization", {"id", "name", "description", "email", "website"}},
        {"location", {"id", "location_type", "organization_id", "name", "latitude", "longitude", "external_identifier",
                      "external_identifier_type"}},
        {"address", {"id", "location_id", "address_1", "city", "postal_code", "address_type", "state_province", "country"}},
        {"phone", {"id", "number", "location_id", "organization_id", "service_id", "service_at_location_id"}},
        {"service", {"id", "organization_id", "name", "description", "url", "status", "fees_description",
                     "eligibility_description", "minimum_age", "maximum_age"}},
        {"service_at_location", {"id", "service_id", "location_id"}},
        {"schedule", {"id", "location_id", "service_id", "service_at_location_id", "freq", "wkst", "byday", "opens_at",
                      "closes_at", "interval", "description", "valid_from", "valid_to", "dtstart", "timezone", "until",
                      "count", "byweekno", "bymonthday", "byyearday", "schedule_link", "attending_type", "notes"}},
        {"language", {"id", "service_id", "location_id", "code"}},
        {"cost_option", {"id", "service_id", "option", "amount", "currency", "amount_description"}},
        {"accessibility", {"id", "location_id", "description"}},
        {"attribute", {"id", "link_id", "link_type", "link_entity", "taxonomy_term_id", "value"}},
        {"taxonomy_term", {"id", "code", "name", "description", "taxonomy", "language", "taxonomy_id", "parent_id", "term_uri"}},
        {"taxonomy", {"id", "name", "description", "uri", "version"}},
        {"organization_identifier", {"id", "organization_id", "identifier_scheme", "identifier_type", "identifier"}},
        {"meta_table_description", {"id", "name", "language", "character_set"}},
    };
    return carried;
}

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

bool isKioskId(const std::string& id) {
    return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    }) && id.front() != '-' && id.back() != '-';
}

// "Beratung für Familien" -> "beratung-fuer-familien".
std::string slug(const std::string& text) {
    static const std::pair<const char*, const char*> umlauts[] = {{"ä", "ae"}, {"ö", "oe"}, {"ü", "ue"}, {"ß", "ss"},
                                                                  {"Ä", "ae"}, {"Ö", "oe"}, {"Ü", "ue"}};
    std::string plain = text;
    for (const auto& [from, to] : umlauts)
        for (std::size_t at = plain.find(from); at != std::string::npos; at = plain.find(from, at))
            plain.replace(at, std::string_view(from).size(), to);
    std::string id;
    for (char ch : lower(plain)) {
        const bool keep = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
        if (keep) id += ch;
        else if (!id.empty() && id.back() != '-') id += '-';
        if (id.size() >= 48) break;
    }
    while (!id.empty() && id.back() == '-') id.pop_back();
    return id.empty() ? "eintrag" : id;
}

std::string uniqueId(std::string id, std::set<std::string>& taken) {
    std::string candidate = id;
    for (int n = 2; !taken.insert(candidate).second; ++n) candidate = fmt::format("{}-{}", id, n);
    return candidate;
}

bool isWebAddress(const std::string& url) {
    const auto scheme = url.rfind("https://", 0) == 0 ? 8u : url.rfind("http://", 0) == 0 ? 7u : 0u;
    if (!scheme || url.find(' ') != std::string::npos) return false;
    const std::string host = url.substr(scheme, url.find('/', scheme) - scheme);
    return host.find('.') != std::string::npos && host.find('@') == std::string::npos;
}

// Inside the district the kiosk's map shows (the content check's bounds, source_loader.cpp).
bool insideDistrict(double latitude, double longitude) {
    return latitude >= 48.45 && latitude <= 48.90 && longitude >= 9.05 && longitude <= 9.75;
}

// One dataset's rows by id and, on demand, by the value of a field.
class Tables {
public:
    explicit Tables(const RawDataset& data) : m_data(data) {
        for (const auto& [table, rows] : data.tables)
            for (const auto& row : rows) m_byId[table][row.get("id")] = &row;
    }
    const RawDataset& data() const { return m_data; }
    const Record* find(const std::string& table, const std::string& id) const {
        const auto t = m_byId.find(table);
        if (t == m_byId.end()) return nullptr;
        const auto r = t->second.find(id);
        return r == t->second.end() ? nullptr : r->second;
    }
    // The rows of `table` whose `field` is `value`, in the table's order (an index per field, made when first asked).
    std::vector<const Record*> rowsWith(const std::string& table, const std::string& field, const std::string& value) const {
        auto& index = m_byField[table + "." + field];
        if (index.empty())
            for (const auto& row : m_data.rows(table)) index[row.get(field)].push_back(&row);
        const auto it = index.find(value);
        return it == index.end() || value.empty() ? std::vector<const Record*>{} : it->second;
    }

private:
    const RawDataset& m_data;
    std::map<std::string, std::map<std::string, const Record*>> m_byId;
    mutable std::map<std::string, std::unordered_map<std::string, std::vector<const Record*>>> m_byField;
};

// The texts of a provider and of an offer, read the same way from each language's dataset.
struct ProviderTexts {
    std::string name, description, accessibility;
};
ProviderTexts providerTexts(const Tables& in, const std::string& locationId, const std::string& orgId) {
    ProviderTexts t;
    const Record* location = in.find("location", locationId);
    const Record* org = in.find("organization", orgId);
    t.name = org ? org->get("name") : location ? location->get("name") : "";
    if (org && location && location->has("name") && location->get("name") != t.name) t.name += " – " + location->get("name");
    if (org) t.description = org->get("description");
    for (const auto* a : in.rowsWith("accessibility", "location_id", locationId))
        if (a->has("description")) t.accessibility += (t.accessibility.empty() ? "" : "; ") + a->get("description");
    return t;
}

struct OfferTexts {
    std::string title, summary, description, cost, eligibility;
};
OfferTexts offerTexts(const Tables& in, const std::string& serviceId) {
    OfferTexts t;
    const Record* service = in.find("service", serviceId);
    if (!service) return t;
    t.title = service->get("name");
    const std::string& all = service->get("description");
    const auto split = all.find("\n\n");
    t.summary = all.substr(0, split);
    while (!t.summary.empty() && std::isspace(static_cast<unsigned char>(t.summary.back()))) t.summary.pop_back();
    if (split != std::string::npos) t.description = all.substr(split + 2);
    t.eligibility = service->get("eligibility_description");
    t.cost = service->get("fees_description");
    if (t.cost.empty())
        for (const auto* c : in.rowsWith("cost_option", "service_id", serviceId)) {
            std::string line = c->get("option");
            if (c->has("amount")) line += fmt::format("{}{} {}", line.empty() ? "" : ": ", c->get("amount"), c->get("currency"));
            if (c->has("amount_description")) line += " " + c->get("amount_description");
            t.cost += (t.cost.empty() ? "" : "; ") + line;
        }
    return t;
}

struct Provider {
    std::string locationId, orgId;  // where its texts are, in every language's dataset
    std::string id, name, description, email, website, phone, hours, accessibility;
    std::string street, postalCode, municipality;
    std::optional<std::pair<std::string, std::string>> location;  // latitude, longitude as written
    std::vector<std::string> languages;
    bool national = false;
};

struct Offer {
    std::string serviceId;
    std::string id, title, summary, description, provider, cost, eligibility, url;
    std::vector<std::string> stages, topics, languages;
};

class Importer {
public:
    Importer(const RawDataset& data, const Mapping& mapping, const std::vector<Translation>& translations)
        : m_data(data), m_mapping(mapping), m_tables(data) {
        for (const auto& t : translations) m_translations.emplace_back(t.language, std::make_unique<Tables>(t.data));
    }

    core::Result<void> checkReferences() {
        for (const auto& ref : kReferences)
            for (const auto& row : m_data.rows(ref.table)) {
                const std::string& target = row.get(ref.field);
                if (target.empty() || find(ref.target, target)) continue;
                if (ref.followed)
                    return hsdsProblem(HsdsProblem::DanglingReference, row.file, entity(ref.table, row), ref.field,
                                       fmt::format("no {} has the id '{}'", ref.target, target));
                note(entity(ref.table, row), ref.field, fmt::format("refers to no {} ('{}'): not followed", ref.target, target));
            }
        for (const auto& row : m_data.rows("attribute"))
            if (!find("taxonomy_term", row.get("taxonomy_term_id")))
                return hsdsProblem(HsdsProblem::DanglingReference, row.file, entity("attribute", row), "taxonomy_term_id",
                                   fmt::format("no taxonomy_term has the id '{}'", row.get("taxonomy_term_id")));
        return {};
    }

    core::Result<ImportResult> run(const std::string& source) {
        if (auto checked = checkReferences(); !checked) return std::move(checked).takeProblem();
        notCarried();
        for (const auto& row : m_data.rows("location")) provider(row);
        for (const auto& row : m_data.rows("service")) offer(row);
        ImportResult result;
        result.offers = m_offers.size();
        result.providers = m_providers.size();
        result.servicesLeftOut = m_leftOut;
        auto network = networkYaml();
        if (!network) return std::move(network).takeProblem();
        result.files["network.yaml"] = *network;
        result.files["life_stages.yaml"] = lifeStagesYaml();
        result.files["topics.yaml"] = topicsYaml();
        result.files["providers.yaml"] = providersYaml();
        result.files["offers.yaml"] = offersYaml();
        result.report = m_report;
        result.files["import-report.txt"] = reportText(result, source);
        return result;
    }

private:
    const Record* find(const std::string& table, const std::string& id) const { return m_tables.find(table, id); }
    std::vector<const Record*> rowsWith(const std::string& table, const std::string& field, const std::string& value) const {
        return m_tables.rowsWith(table, field, value);
    }
    static std::string entity(const std::string& table, const Record& row) {
        const std::string name = row.has("name") ? " (" + row.get("name") + ")" : "";
        return fmt::format("{} '{}'{}", table, row.get("id"), name);
    }
    void note(const std::string& what, const std::string& field, const std::string& why) {
        m_report.push_back(fmt::format("{}\t{}\t{}", what, field.empty() ? "-" : "field '" + field + "'", why));
    }

    void notCarried() {
        for (const auto& [table, rows] : m_data.tables) {
            const auto carried = carriedFields().find(table);
            for (const auto& row : rows) {
                if (carried == carriedFields().end()) {
                    note(entity(table, row), "", fmt::format("not carried: the kiosk has no {}", table));
                    continue;
                }
                for (const auto& [field, value] : row.values)
                    if (!value.empty() && !carried->second.count(field) && field.find('.') == std::string::npos)
                        note(entity(table, row), field, "not carried: the kiosk has no such field");
            }
        }
    }

    // The organization's own kiosk id, when it was exported by a Familienkiosk.
    std::string organizationKioskId(const std::string& orgId) const {
        for (const auto* row : rowsWith("organization_identifier", "organization_id", orgId))
            if (row->get("identifier_scheme") == kIdentifierScheme && isKioskId(row->get("identifier")))
                return row->get("identifier");
        return {};
    }

    void place(Provider& p, const Record& location) {
        const std::string where = entity("location", location);
        if (location.get("location_type") == "virtual") {
            p.national = true;
            return;
        }
        const auto addresses = rowsWith("address", "location_id", location.get("id"));
        const Record* address = nullptr;
        for (const auto* a : addresses)
            if (!address || (a->get("address_type") == "physical" && address->get("address_type") != "physical")) address = a;
        const std::string postal = address ? address->get("postal_code") : "";
        const bool german = postal.size() == 5 && std::all_of(postal.begin(), postal.end(), ::isdigit);
        double lat = 0, lon = 0;
        const bool hasPoint = location.has("latitude") && location.has("longitude");
        if (hasPoint) {
            lat = std::stod(location.get("latitude"));
            lon = std::stod(location.get("longitude"));
        }
        if (address && german && hasPoint && insideDistrict(lat, lon)) {
            p.street = address->get("address_1");
            p.postalCode = postal;
            p.municipality = address->get("city");
            p.location = std::pair{location.get("latitude"), location.get("longitude")};
            return;
        }
        p.national = true;
        note(where, address ? "address" : "latitude",
             fmt::format("not carried: {}; the provider is shown without address and map pin, as reachable without a visit "
                         "(national: true)",
                         !address ? "no address" : !german ? "'" + postal + "' is no German postal code"
                         : !hasPoint ? "no latitude and longitude"
                                     : fmt::format("[{}, {}] lies outside the district", lat, lon)));
    }

    std::string phoneOf(const Record& location, const std::string& orgId) {
        auto phones = rowsWith("phone", "location_id", location.get("id"));
        if (phones.empty()) phones = rowsWith("phone", "organization_id", orgId);
        for (const auto* phone : phones) {
            std::string number;
            for (char c : phone->get("number"))
                if (std::isdigit(static_cast<unsigned char>(c)) || std::string_view(" +-/()").find(c) != std::string_view::npos)
                    number += c;
            while (!number.empty() && number.front() == ' ') number.erase(0, 1);
            while (!number.empty() && number.back() == ' ') number.pop_back();
            if (std::count_if(number.begin(), number.end(), ::isdigit) >= 3) {
                if (number != phone->get("number"))
                    note(entity("phone", *phone), "number", fmt::format("written as '{}': the kiosk dials digits, spaces and + - / ( ) only", number));
                if (phones.size() > 1) note(entity("location", location), "phones", "not carried: the kiosk shows one phone number, the first");
                return number;
            }
            note(entity("phone", *phone), "number", "not carried: fewer than 3 digits");
        }
        return {};
    }

    void provider(const Record& location) {
        const std::string orgId = location.get("organization_id");
        const Record* org = find("organization", orgId);
        Provider p;
        std::string id = location.get("external_identifier_type") == kIdentifierScheme ? location.get("external_identifier") : "";
        if (!isKioskId(id)) id = organizationKioskId(orgId);
        if (!isKioskId(id)) id = slug(location.has("name") ? location.get("name") : org ? org->get("name") : "anbieter");
        p.id = uniqueId(id, m_providerIds);
        p.locationId = location.get("id");
        p.orgId = orgId;
        const ProviderTexts texts = providerTexts(m_tables, p.locationId, orgId);
        p.name = texts.name.empty() ? p.id : texts.name;
        p.description = texts.description;
        p.accessibility = texts.accessibility;
        if (org) {
            p.email = org->get("email");
            if (p.email.find('@') == std::string::npos || p.email.find(' ') != std::string::npos) p.email.clear();
            p.website = org->get("website");
            if (!p.website.empty() && !isWebAddress(p.website)) {
                note(entity("organization", *org), "website", "not carried: not a web address");
                p.website.clear();
            }
        }
        place(p, location);
        p.phone = phoneOf(location, orgId);
        auto schedules = rowsWith("schedule", "location_id", location.get("id"));
        auto hours = openingHoursOf(schedules);
        p.hours = hours.openingHours;
        for (const auto& line : hours.leftOut) m_report.push_back(line);
        for (const auto* lang : rowsWith("language", "location_id", location.get("id")))
            addLanguage(p.languages, *lang);
        m_providerOfLocation[location.get("id")] = p.id;
        m_providers.push_back(std::move(p));
    }

    void addLanguage(std::vector<std::string>& codes, const Record& lang) {
        // ISO 639-2/3 codes of the languages the kiosk names (assets/i18n: language.*) -> ISO 639-1.
        static const std::map<std::string, std::string> threeLetters{
            {"deu", "de"}, {"ger", "de"}, {"eng", "en"}, {"tur", "tr"}, {"ara", "ar"}, {"ukr", "uk"}, {"rus", "ru"},
            {"fra", "fr"}, {"fre", "fr"}, {"ita", "it"}, {"spa", "es"}, {"pol", "pl"}, {"ron", "ro"}, {"rum", "ro"},
            {"hrv", "hr"}, {"srp", "sr"}, {"bos", "bs"}, {"ell", "el"}, {"gre", "el"}, {"fas", "fa"}, {"per", "fa"},
            {"kur", "ku"}, {"sqi", "sq"}, {"alb", "sq"}, {"bul", "bg"}, {"tir", "ti"}, {"som", "so"}, {"vie", "vi"},
            {"pus", "ps"}, {"urd", "ur"}};
        std::string code = lower(lang.get("code"));
        if (const auto two = threeLetters.find(code); two != threeLetters.end()) code = two->second;
        if (code.size() == 2 && std::all_of(code.begin(), code.end(), ::isalpha)) {
            if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
        } else {
            note(entity("language", lang), "code", fmt::format("not carried: '{}' is no two-letter language code", lang.get("code")));
        }
    }

    // The life stages and topics a service's terms and ages give, in the order of its attributes.
    void classify(const Record& service, Offer& o, std::string& kioskId) {
        bool ownStages = false;
        for (const auto* attr : rowsWith("attribute", "link_id", service.get("id"))) {
            const Record* term = find("taxonomy_term", attr->get("taxonomy_term_id"));
            const std::string taxonomy = term->get("taxonomy"), code = term->get("code");
            auto add = [](std::vector<std::string>& list, const std::string& id) {
                if (std::find(list.begin(), list.end(), id) == list.end()) list.push_back(id);
            };
            if (taxonomy == kIdentifierScheme && code == "id") {
                kioskId = attr->get("value");
                continue;
            }
            if (taxonomy == kLifeStageTaxonomy && m_mapping.isStage(code)) {
                add(o.stages, code);
                ownStages = true;
                continue;
            }
            if (taxonomy == kTopicTaxonomy && m_mapping.isTopic(code)) {
                add(o.topics, code);
                continue;
            }
            std::vector<std::string> ids;
            for (const std::string& key : {term->get("id"), code, term->get("name")})
                if (const auto it = m_mapping.terms.find(lower(key)); !key.empty() && it != m_mapping.terms.end()) {
                    ids = it->second;
                    break;
                }
            if (ids.empty())
                note(entity("service", service), "attributes",
                     fmt::format("term '{}' ({}) maps to no life stage or topic (add it to the mapping file's terms)",
                                 term->get("name"), term->get("id")));
            for (const auto& id : ids) add(m_mapping.isStage(id) ? o.stages : o.topics, id);
        }
        if (ownStages) return;
        agesToStages(service, o);
    }

    void agesToStages(const Record& service, Offer& o) {
        if (!service.has("minimum_age") && !service.has("maximum_age")) return;
        const double min = service.has("minimum_age") ? std::stod(service.get("minimum_age")) : 0;
        const double max = service.has("maximum_age") ? std::stod(service.get("maximum_age")) : 200;
        const bool adults = max >= 18;
        for (const auto& s : m_mapping.lifeStages) {
            const bool overlaps = s.minAge && s.maxAge && min < *s.maxAge && max > *s.minAge;
            if ((overlaps || (adults && m_mapping.adultsInEveryStage)) &&
                std::find(o.stages.begin(), o.stages.end(), s.stage.id) == o.stages.end())
                o.stages.push_back(s.stage.id);
        }
        if (adults && m_mapping.adultsInEveryStage)
            note(entity("service", service), "maximum_age",
                 "open to adults: shown in every life stage (mapping: adults_in_every_stage)");
    }

    void leaveOut(const Record& service, const std::string& field, const std::string& why) {
        note(entity("service", service), field, "left out of the kiosk: " + why);
        ++m_leftOut;
    }

    std::string providerOf(const Record& service) {
        const auto sals = rowsWith("service_at_location", "service_id", service.get("id"));
        for (std::size_t i = 1; i < sals.size(); ++i)
            note(entity("service_at_location", *sals[i]), "location_id",
                 "not carried: the kiosk shows an offer at one place, the first");
        if (!sals.empty()) return m_providerOfLocation[sals.front()->get("location_id")];
        // A service at no location: its organization, reachable without a visit.
        const std::string orgId = service.get("organization_id");
        if (const auto it = m_providerOfOrganization.find(orgId); it != m_providerOfOrganization.end()) return it->second;
        const Record* org = find("organization", orgId);
        Provider p;
        std::string id = organizationKioskId(orgId);
        p.id = uniqueId(isKioskId(id) ? id : slug(org->get("name")), m_providerIds);
        p.orgId = orgId;
        p.name = org->get("name");
        p.description = org->get("description");
        p.website = isWebAddress(org->get("website")) ? org->get("website") : "";
        p.national = true;
        note(entity("service", service), "service_at_locations",
             "at no location: its organization is shown as reachable without a visit (national: true)");
        m_providerOfOrganization[orgId] = p.id;
        m_providers.push_back(std::move(p));
        return m_providers.back().id;
    }

    void texts(const Record& service, Offer& o) {
        const OfferTexts t = offerTexts(m_tables, service.get("id"));
        o.serviceId = service.get("id");
        o.title = t.title;
        o.summary = t.summary;
        o.description = t.description;
        o.cost = t.cost;
        o.eligibility = t.eligibility;
        if (o.summary.empty()) {
            o.summary = o.title;
            note(entity("service", service), "description", "empty: the title is the summary");
        }
    }

    void offer(const Record& service) {
        if (service.get("status") != "active") return leaveOut(service, "status", "status '" + service.get("status") + "'");
        Offer o;
        std::string kioskId;
        classify(service, o, kioskId);
        if (o.stages.empty()) return leaveOut(service, "attributes", "maps to no life stage (no matching term, no ages)");
        if (o.topics.empty()) {
            if (m_mapping.defaultTopic.empty()) return leaveOut(service, "attributes", "maps to no topic");
            o.topics.push_back(m_mapping.defaultTopic);
            note(entity("service", service), "attributes", "maps to no topic: given the default topic " + m_mapping.defaultTopic);
        }
        o.url = service.get("url");
        const Record* org = find("organization", service.get("organization_id"));
        if (!isWebAddress(o.url) && org && isWebAddress(org->get("website"))) {
            note(entity("service", service), "url", "no web address: the organization's website is the offer's link");
            o.url = org->get("website");
        }
        if (!isWebAddress(o.url)) return leaveOut(service, "url", "no web address for its QR code");
        // Its provider is the place it is at, else its organization: nested JSON may name neither.
        if (!org && rowsWith("service_at_location", "service_id", service.get("id")).empty())
            return leaveOut(service, "organization_id", "at no location and of no organization: no provider to show");
        o.id = uniqueId(isKioskId(kioskId) ? kioskId : slug(service.get("name")), m_offerIds);
        texts(service, o);
        o.provider = providerOf(service);
        for (const auto* lang : rowsWith("language", "service_id", service.get("id")))
            addLanguage(o.languages, *lang);
        m_offers.push_back(std::move(o));
    }

    // --- writing -------------------------------------------------------------------------------------

    static void text(YAML::Emitter& out, const char* key, const std::string& value) {
        if (!value.empty()) out << YAML::Key << key << YAML::Value << YAML::DoubleQuoted << value;
    }
    static void localized(YAML::Emitter& out, const char* key, const core::LocalizedText& value) {
        if (value.empty()) return;
        out << YAML::Key << key << YAML::Value << YAML::BeginMap;
        for (const auto& [lang, t] : value.values()) out << YAML::Key << lang << YAML::Value << YAML::DoubleQuoted << t;
        out << YAML::EndMap;
    }
    // A text in German and, where a translation's dataset says it otherwise, in that language.
    template <class InLanguage>
    void translatable(YAML::Emitter& out, const char* key, const std::string& german, InLanguage inLanguage) const {
        if (german.empty()) return;
        core::LocalizedText all;
        all.set("de", german);
        for (const auto& [language, tables] : m_translations)
            if (const std::string t = inLanguage(*tables); !t.empty() && t != german) all.set(language, t);
        if (all.values().size() == 1) text(out, key, german);
        else localized(out, key, all);
    }
    static void list(YAML::Emitter& out, const char* key, const std::vector<std::string>& values) {
        if (values.empty()) return;
        out << YAML::Key << key << YAML::Value << YAML::Flow << YAML::BeginSeq;
        for (const auto& v : values) out << v;
        out << YAML::EndSeq;
    }
    static std::string header() { return "# Imported from an Open Referral HSDS 3.0 dataset by kiosk-pack hsds-import.\n"; }

    // The own taxonomy's term for a life stage or topic, when the dataset has one: its texts win.
    const Record* ownTerm(const char* taxonomy, const std::string& code) const {
        for (const auto& t : m_data.rows("taxonomy_term"))
            if (t.get("taxonomy") == taxonomy && t.get("code") == code) return &t;
        return nullptr;
    }

    std::string lifeStagesYaml() const {
        YAML::Emitter out;
        out << YAML::BeginSeq;
        for (const auto& s : m_mapping.lifeStages) {
            out << YAML::BeginMap << YAML::Key << "id" << YAML::Value << s.stage.id;
            if (!s.stage.icon.empty()) out << YAML::Key << "icon" << YAML::Value << s.stage.icon;
            if (const Record* term = ownTerm(kLifeStageTaxonomy, s.stage.id)) {
                const std::string id = term->get("id");
                auto field = [&](const char* name) {
                    return [&, name](const Tables& t) { const Record* r = t.find("taxonomy_term", id); return r ? r->get(name) : ""; };
                };
                translatable(out, "title", term->get("name"), field("name"));
                if (term->get("description") != term->get("name"))
                    translatable(out, "ages", term->get("description"), field("description"));
            } else {
                localized(out, "title", s.stage.title);
                localized(out, "ages", s.stage.ages);
            }
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
        return header() + out.c_str() + "\n";
    }

    std::string topicsYaml() const {
        YAML::Emitter out;
        out << YAML::BeginSeq;
        for (const auto& t : m_mapping.topics) {
            out << YAML::BeginMap << YAML::Key << "id" << YAML::Value << t.id;
            if (!t.icon.empty()) out << YAML::Key << "icon" << YAML::Value << t.icon;
            if (const Record* term = ownTerm(kTopicTaxonomy, t.id))
                translatable(out, "title", term->get("name"), [&](const Tables& tables) {
                    const Record* r = tables.find("taxonomy_term", term->get("id"));
                    return r ? r->get("name") : "";
                });
            else localized(out, "title", t.title);
            if (t.emergency) out << YAML::Key << "emergency" << YAML::Value << true;
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
        return header() + out.c_str() + "\n";
    }

    std::string providersYaml() const {
        YAML::Emitter out;
        out << YAML::BeginSeq;
        for (const auto& p : m_providers) {
            out << YAML::BeginMap << YAML::Key << "id" << YAML::Value << p.id;
            auto in = [&](std::string ProviderTexts::*field) {
                return [&, field](const Tables& t) { return providerTexts(t, p.locationId, p.orgId).*field; };
            };
            translatable(out, "name", p.name, in(&ProviderTexts::name));
            translatable(out, "description", p.description, in(&ProviderTexts::description));
            if (!p.national) {
                out << YAML::Key << "address" << YAML::Value << YAML::BeginMap;
                text(out, "street", p.street);
                text(out, "postal_code", p.postalCode);
                text(out, "municipality", p.municipality);
                out << YAML::EndMap;
                out << YAML::Key << "location" << YAML::Value << YAML::Flow << YAML::BeginSeq << p.location->first
                    << p.location->second << YAML::EndSeq;
            }
            text(out, "phone", p.phone);
            text(out, "email", p.email);
            text(out, "website", p.website);
            text(out, "opening_hours", p.hours);
            list(out, "languages", p.languages);
            translatable(out, "accessibility", p.accessibility, in(&ProviderTexts::accessibility));
            if (p.national) out << YAML::Key << "national" << YAML::Value << true;
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
        return header() + (m_providers.empty() ? std::string("[]") : out.c_str()) + "\n";
    }

    std::string offersYaml() const {
        YAML::Emitter out;
        out << YAML::BeginSeq;
        for (const auto& o : m_offers) {
            out << YAML::BeginMap << YAML::Key << "id" << YAML::Value << o.id;
            auto in = [&](std::string OfferTexts::*field) {
                return [&, field](const Tables& t) { return offerTexts(t, o.serviceId).*field; };
            };
            translatable(out, "title", o.title, in(&OfferTexts::title));
            translatable(out, "summary", o.summary, in(&OfferTexts::summary));
            translatable(out, "description", o.description, in(&OfferTexts::description));
            list(out, "life_stages", o.stages);
            list(out, "topics", o.topics);
            out << YAML::Key << "provider" << YAML::Value << o.provider;
            translatable(out, "cost", o.cost, in(&OfferTexts::cost));
            translatable(out, "eligibility", o.eligibility, in(&OfferTexts::eligibility));
            text(out, "url", o.url);
            list(out, "languages", o.languages);
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
        return header() + (m_offers.empty() ? std::string("[]") : out.c_str()) + "\n";
    }

    core::Result<std::string> networkYaml() const {
        std::string phone = m_mapping.networkPhone;
        for (const auto& p : m_providers)
            if (phone.empty()) phone = p.phone;
        if (phone.empty())
            return hsdsProblem(HsdsProblem::BadMapping, "(mapping)", "network", "phone",
                               "the dataset has no phone number: give the network's in the mapping file");
        YAML::Emitter out;
        out << YAML::BeginMap;
        text(out, "name", m_mapping.networkName);
        text(out, "phone", phone);
        out << YAML::EndMap;
        return header() + out.c_str() + "\n";
    }

    std::string reportText(const ImportResult& result, const std::string& source) const {
        std::string text = fmt::format("# kiosk-pack hsds-import: what was read from {} ({}) and what was not carried over\n",
                                       source, m_data.format);
        for (const auto& [table, rows] : m_data.tables) text += fmt::format("read\t{}\t{}\n", table, rows.size());
        text += fmt::format("written\toffers\t{}\nwritten\tproviders\t{}\nleft out\tservices\t{}\n", result.offers,
                            result.providers, result.servicesLeftOut);
        text += "# entity\tfield\twhy\n";
        for (const auto& line : m_data.notes) text += line + "\n";
        for (const auto& line : m_report) text += line + "\n";
        return text;
    }

    const RawDataset& m_data;
    const Mapping& m_mapping;
    Tables m_tables;
    std::vector<std::pair<std::string, std::unique_ptr<Tables>>> m_translations;  // language, its dataset
    std::vector<std::string> m_report;
    std::vector<Provider> m_providers;
    std::vector<Offer> m_offers;
    std::set<std::string> m_providerIds, m_offerIds;
    std::map<std::string, std::string> m_providerOfLocation, m_providerOfOrganization;
    std::size_t m_leftOut = 0;
};

}  // namespace

core::Result<ImportResult> importDataset(const RawDataset& data, const Mapping& mapping, const std::string& source,
                                        const std::vector<Translation>& translations) {
    Importer importer(data, mapping, translations);
    return importer.run(source);
}

}  // namespace kiosk::hsds
