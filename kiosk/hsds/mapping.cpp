// Reads a mapping file (YAML); every mistake names the entry and the field.
#include "kiosk/hsds/mapping.hpp"

#include "kiosk/hsds/hsds_problem.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace kiosk::hsds {

bool Mapping::isStage(const std::string& id) const {
    return std::any_of(lifeStages.begin(), lifeStages.end(), [&](const MappedStage& s) { return s.stage.id == id; });
}
bool Mapping::isTopic(const std::string& id) const {
    return std::any_of(topics.begin(), topics.end(), [&](const core::Topic& t) { return t.id == id; });
}

namespace {

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

core::LocalizedText localized(const YAML::Node& node) {
    core::LocalizedText text;
    if (!node.IsDefined()) return text;
    if (node.IsScalar()) text.set("de", node.as<std::string>());
    else if (node.IsMap())
        for (const auto& each : node) text.set(each.first.as<std::string>(), each.second.as<std::string>());
    return text;
}

}  // namespace

core::Result<Mapping> readMapping(std::string_view yaml, const std::string& file) {
    Mapping mapping;
    std::string entry = "-", field = "-";
    try {
        const YAML::Node root = YAML::Load(std::string(yaml));
        if (!root.IsMap()) return hsdsProblem(HsdsProblem::BadMapping, file, "-", "-", "must be a map (life_stages:, topics:, terms: …)");
        for (std::size_t i = 0; i < root["life_stages"].size(); ++i) {
            const YAML::Node n = root["life_stages"][i];
            entry = fmt::format("life_stages[{}]", i);
            field = "id";
            MappedStage s{{n["id"].as<std::string>(), n["icon"].as<std::string>(""), localized(n["title"]), localized(n["ages"])}, {}, {}};
            field = "min_age";
            if (n["min_age"]) s.minAge = n["min_age"].as<int>();
            field = "max_age";
            if (n["max_age"]) s.maxAge = n["max_age"].as<int>();
            mapping.lifeStages.push_back(std::move(s));
        }
        for (std::size_t i = 0; i < root["topics"].size(); ++i) {
            const YAML::Node n = root["topics"][i];
            entry = fmt::format("topics[{}]", i);
            field = "id";
            mapping.topics.push_back({n["id"].as<std::string>(), n["icon"].as<std::string>(""), localized(n["title"]),
                                      n["emergency"].as<bool>(false)});
        }
        entry = "terms";
        for (const auto& term : root["terms"]) {
            field = term.first.as<std::string>();
            auto ids = term.second.as<std::vector<std::string>>();
            for (const auto& id : ids)
                if (!mapping.isStage(id) && !mapping.isTopic(id))
                    return hsdsProblem(HsdsProblem::BadMapping, file, "terms", field,
                                       fmt::format("'{}' is no life stage or topic of the mapping", id));
            mapping.terms[lower(field)] = std::move(ids);
        }
        entry = "-";
        field = "adults_in_every_stage";
        mapping.adultsInEveryStage = root["adults_in_every_stage"].as<bool>(true);
        field = "default_topic";
        mapping.defaultTopic = root["default_topic"].as<std::string>("");
        if (!mapping.defaultTopic.empty() && !mapping.isTopic(mapping.defaultTopic))
            return hsdsProblem(HsdsProblem::BadMapping, file, "-", field, "is no topic of the mapping");
        field = "network";
        mapping.networkName = "Angebote aus einem HSDS-Verzeichnis";
        if (const YAML::Node network = root["network"]; network.IsDefined() && network.IsMap()) {
            mapping.networkName = network["name"].as<std::string>(mapping.networkName);
            mapping.networkPhone = network["phone"].as<std::string>("");
        }
    } catch (const YAML::Exception& e) {
        return hsdsProblem(HsdsProblem::BadMapping, file, entry, field, e.what());
    }
    if (mapping.lifeStages.empty() || mapping.topics.empty())
        return hsdsProblem(HsdsProblem::BadMapping, file, "-", mapping.lifeStages.empty() ? "life_stages" : "topics",
                           "must list at least one");
    return mapping;
}

core::Result<Mapping> loadMapping(const std::filesystem::path& file) {
    if (file.empty()) return readMapping(defaultMappingYaml(), "(default mapping)");
    std::ifstream in(file);
    if (!in) return hsdsProblem(HsdsProblem::Unreadable, file.string(), "-", "-", "cannot open the mapping file");
    std::ostringstream text;
    text << in.rdbuf();
    return readMapping(text.str(), file.filename().string());
}

}  // namespace kiosk::hsds
