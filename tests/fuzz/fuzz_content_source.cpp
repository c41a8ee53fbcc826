// The content check on what an author may type: one YAML file of a small content source replaced
// by the input (its first byte picks which; the seeds are the sample content's files). Any crash, hang or runaway
// allocation is a defect: the check must refuse with a message.
#include "kiosk/content/source_loader.hpp"
#include "tests/fuzz/content_input.hpp"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const kiosk::fuzz::ReplacedContentFile replaced(data, size);
    (void)kiosk::content::loadSource(kiosk::fuzz::contentCopy());
    return 0;
}
