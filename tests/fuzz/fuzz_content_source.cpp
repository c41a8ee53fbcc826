// The content check on what an author may type: one YAML file of a small content source replaced
// by the input (its first byte picks which; the seeds are the sample content's files). Any crash, hang or runaway
// allocation is a defect: the check must refuse with a message.
#include "kiosk/content/source_loader.hpp"
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
    (void)kiosk::content::loadSource(folder);
    kiosk::fuzz::writeFile(file, original.data(), original.size());
    return 0;
}
