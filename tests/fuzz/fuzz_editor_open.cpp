// The editor opening a content folder: one YAML file of a small content source replaced by the input
// (its first byte picks which, as in fuzz_content_source), opened as kiosk-editor opens it, then
// what its screens ask of every file: each entry's id and uses, the canonical text it would save and
// the text the live check reads. A file that does not parse must be listed with its error, never
// crash the editor or hang it.
#include "kiosk/content/source_loader.hpp"
#include "kiosk/editing/content_document.hpp"
#include "tests/fuzz/fuzz_support.hpp"

#include <cstdint>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    static const std::vector<std::string> files = [] {
        std::vector<std::string> all = kiosk::content::sourceFiles();
        for (const auto& file : kiosk::content::optionalSourceFiles()) all.push_back(file);
        return all;
    }();
    const auto& folder = kiosk::fuzz::contentCopy();
    const auto file = folder / files[data[0] % files.size()];
    const std::string original = kiosk::fuzz::readFile(file);
    kiosk::fuzz::writeFile(file, reinterpret_cast<const char*>(data + 1), size - 1);
    auto document = kiosk::editing::ContentDocument::open(folder);
    if (document) {
        for (std::size_t i = 0; i < document->files().size(); ++i) {
            const auto& source = document->files()[i];
            if (!source.editable()) continue;
            (void)document->fileText(i);
            (void)document->checkText(i);
            for (std::size_t entry = 0; entry < source.entries.size(); ++entry) {
                (void)document->entryId({i, entry});
                (void)document->usesOf({i, entry});
            }
        }
    }
    kiosk::fuzz::writeFile(file, original.data(), original.size());
    return 0;
}
