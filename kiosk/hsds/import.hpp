// An HSDS 3.0 dataset as a content source folder: the five YAML files and import-report.txt.
#pragma once

#include "kiosk/core/problem.hpp"
#include "kiosk/hsds/dataset.hpp"
#include "kiosk/hsds/mapping.hpp"

#include <map>
#include <string>
#include <vector>

namespace kiosk::hsds {

struct ImportResult {
    std::map<std::string, std::string> files;  // "offers.yaml" -> its text, "import-report.txt" -> the report
    std::size_t offers = 0, providers = 0, servicesLeftOut = 0;
    std::vector<std::string> report;  // "entity<TAB>field<TAB>why", what was not carried over
};

// The same directory in another language: a dataset with the same ids (as hsds-export --lang writes it).
struct Translation {
    std::string language;  // "en"
    RawDataset data;
};

// Maps the dataset through `mapping`; its texts are German, each translation's become that language's. Fails on a dangling reference the import follows (a service's
// organization, a service_at_location's service or location, an attribute's term …); references it
// does not follow are listed in the report.
core::Result<ImportResult> importDataset(const RawDataset& data, const Mapping& mapping, const std::string& source,
                                        const std::vector<Translation>& translations = {});

}  // namespace kiosk::hsds
