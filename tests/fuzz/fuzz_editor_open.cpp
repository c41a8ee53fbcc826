// The editor opening a content folder: one YAML file of a small content source replaced by the input
// (its first byte picks which, as in fuzz_content_source), opened as kiosk-editor opens it, then
// what its screens ask of every file: each entry's id and uses, the canonical text it would save and
// the text the live check reads. A file that does not parse must be listed with its error, never
// crash the editor or hang it.
#include "kiosk/editing/content_document.hpp"
#include "tests/fuzz/content_input.hpp"

#include <cstdint>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const kiosk::fuzz::ReplacedContentFile replaced(data, size);
    auto document = kiosk::editing::ContentDocument::open(kiosk::fuzz::contentCopy());
    if (!document) return 0;
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
    return 0;
}
