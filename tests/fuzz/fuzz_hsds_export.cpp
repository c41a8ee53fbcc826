// kiosk-pack hsds-export on what an author may type: one YAML file of the small content source
// replaced by the input (its first byte picks which, as in fuzz_content_source); content that passes
// the check is exported in German and Arabic as tabular.json and as the CSV datapackage, and each is
// read back by the import's reader, which must take what the export wrote (text an author typed is
// escaped into JSON and CSV, never trusted).
#include "kiosk/hsds/dataset.hpp"
#include "kiosk/hsds/export.hpp"
#include "kiosk/hsds/spec.hpp"
#include "tests/fuzz/content_input.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace {

namespace fs = std::filesystem;

void readBack(const fs::path& folder, const char* form) {
    const auto read = kiosk::hsds::readDataset(folder);
    if (!read) {
        std::fprintf(stderr, "the export's %s does not read back: %s\n", form, read.problem().logLine().c_str());
        std::abort();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const kiosk::fuzz::ReplacedContentFile replaced(data, size);
    const auto content = kiosk::content::loadSource(kiosk::fuzz::contentCopy());
    if (!content.ok()) return 0;
    for (const char* language : {"de", "ar"}) {
        const kiosk::hsds::Dataset dataset = kiosk::hsds::exportCatalog(content.catalog, language);
        const fs::path tabular = kiosk::fuzz::emptyFolder("tabular");
        kiosk::fuzz::writeFile(tabular / "tabular.json", kiosk::hsds::tabularJson(dataset));
        readBack(tabular, "tabular.json");
        const fs::path csv = kiosk::fuzz::emptyFolder("csv");
        for (const auto& table : kiosk::hsds::specTables())
            kiosk::fuzz::writeFile(csv / table.file, kiosk::hsds::csvTable(dataset, table.name));
        kiosk::fuzz::writeFile(csv / "datapackage.json", kiosk::hsds::datapackageJson(language));
        readBack(csv, "CSV datapackage");
    }
    return 0;
}
