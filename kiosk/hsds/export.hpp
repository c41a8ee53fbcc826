// The kiosk's content as an HSDS 3.0 dataset (one language per dataset, the same UUIDs in each).
#pragma once

#include "kiosk/core/catalog.hpp"
#include "kiosk/hsds/dataset.hpp"

#include <string>

namespace kiosk::hsds {

// The kiosk's own taxonomies (their terms' codes are the life stage and topic ids) and the
// attribute term whose value is an entry's kiosk id.
inline constexpr const char* kLifeStageTaxonomy = "familienkiosk-life-stages";
inline constexpr const char* kTopicTaxonomy = "familienkiosk-topics";
inline constexpr const char* kIdentifierScheme = "familienkiosk";

// Providers -> organization, location, address, phone, accessibility, language, schedule;
// offers -> service, service_at_location, language, cost_option, attribute (life stages and topics);
// texts in `language` (German where a text has no such translation).
Dataset exportCatalog(const core::Catalog& catalog, const std::string& language);

// Ages in years (HSDS's minimum_age / maximum_age) of a life stage; none for pregnancy.
std::optional<std::pair<int, int>> lifeStageAges(std::string_view stageId);

}  // namespace kiosk::hsds
