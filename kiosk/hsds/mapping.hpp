// The mapping file of kiosk-pack hsds-import: taxonomy terms and ages -> life stages and topics.
#pragma once

#include "kiosk/core/catalog.hpp"
#include "kiosk/core/problem.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::hsds {

struct MappedStage {
    core::LifeStage stage;
    std::optional<int> minAge, maxAge;  // the child's age in years
};

struct Mapping {
    std::vector<MappedStage> lifeStages;
    std::vector<core::Topic> topics;
    std::map<std::string, std::vector<std::string>> terms;  // lower-case id, code or name -> stage/topic ids
    bool adultsInEveryStage = true;
    std::string defaultTopic;
    std::string networkName, networkPhone;

    bool isStage(const std::string& id) const;
    bool isTopic(const std::string& id) const;
};

// The compiled-in default (kiosk/hsds/default_mapping.yaml).
std::string_view defaultMappingYaml();
core::Result<Mapping> readMapping(std::string_view yaml, const std::string& file);
core::Result<Mapping> loadMapping(const std::filesystem::path& file);  // empty path: the default

}  // namespace kiosk::hsds
