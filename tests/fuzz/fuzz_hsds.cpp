// kiosk-pack hsds-import on a dataset from anyone: the input's first byte picks the form and the rest
// is one file of it: 0 a tabular.json; 1 one file of the API's nested JSON (the second byte picks its
// name: service_full.json, organization_list.json …); 2 one file of the specification's CSV
// datapackage example (the second byte picks which, datapackage.json included); 3 a mapping file,
// applied to the CSV example. What reads is imported through the default mapping into content. Any
// crash, hang or runaway allocation is a defect: the import must refuse with a message.
#include "kiosk/hsds/dataset.hpp"
#include "kiosk/hsds/import.hpp"
#include "kiosk/hsds/mapping.hpp"
#include "tests/fuzz/fuzz_support.hpp"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

namespace {

namespace fs = std::filesystem;

const fs::path kExamples = fs::path(KIOSK_FUZZ_HSDS_SPEC) / "examples";

const fs::path& csvCopy() {
    static const fs::path folder = [] {
        fs::path copy = kiosk::fuzz::emptyFolder("csv");
        for (const auto& entry : fs::directory_iterator(kExamples / "csv")) fs::copy_file(entry.path(), copy / entry.path().filename());
        return copy;
    }();
    return folder;
}

std::vector<std::string> csvFiles() {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(kExamples / "csv")) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

void import(const kiosk::core::Result<kiosk::hsds::RawDataset>& data, const kiosk::hsds::Mapping& mapping) {
    if (data) (void)kiosk::hsds::importDataset(*data, mapping, "fuzz");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    static const auto defaultMapping = kiosk::hsds::loadMapping({});
    static const std::vector<std::string> nestedNames = {
        "service_full.json", "service_list.json", "organization_full.json", "organization_list.json",
        "location.json", "service_at_location_full.json", "service_at_location_list.json",
        "taxonomy.json", "taxonomy_list.json", "taxonomy_term_list.json"};
    static const std::vector<std::string> csvNames = csvFiles();
    const char* text = reinterpret_cast<const char*>(data + 2);
    const std::size_t length = size - 2;
    switch (data[0] % 4) {
    case 0: {
        const fs::path folder = kiosk::fuzz::emptyFolder("tabular");
        kiosk::fuzz::writeFile(folder / "tabular.json", text, length);
        import(kiosk::hsds::readDataset(folder), *defaultMapping);
        break;
    }
    case 1: {
        const fs::path folder = kiosk::fuzz::emptyFolder("nested");
        kiosk::fuzz::writeFile(folder / nestedNames[data[1] % nestedNames.size()], text, length);
        import(kiosk::hsds::readDataset(folder), *defaultMapping);
        break;
    }
    case 2: {
        const fs::path file = csvCopy() / csvNames[data[1] % csvNames.size()];
        const std::string original = kiosk::fuzz::readFile(file);
        kiosk::fuzz::writeFile(file, text, length);
        import(kiosk::hsds::readDataset(csvCopy()), *defaultMapping);
        kiosk::fuzz::writeFile(file, original.data(), original.size());
        break;
    }
    default: {
        static const auto example = kiosk::hsds::readDataset(kExamples / "csv");
        const auto mapping = kiosk::hsds::readMapping({text, length}, "mapping.yaml");
        if (mapping) import(example, *mapping);
        break;
    }
    }
    return 0;
}
