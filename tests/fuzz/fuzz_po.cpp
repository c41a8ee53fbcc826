// A translation file (assets/i18n/<lang>.po), which translators edit: the input as the English
// file beside the real German one, read with gettext's reader as the kiosk reads them at start,
// then every string looked up and a problem put into words.
#include "kiosk/i18n/strings.hpp"
#include "tests/fuzz/fuzz_support.hpp"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto folder = [] {
        const auto dir = kiosk::fuzz::contentCopy() / "i18n";
        std::filesystem::create_directories(dir);
        std::filesystem::copy_file(KIOSK_FUZZ_ASSETS "/i18n/de.po", dir / "de.po",
                                   std::filesystem::copy_options::overwrite_existing);
        std::ofstream(dir / "LINGUAS") << "de en\n";
        return dir;
    }();
    kiosk::fuzz::writeFile(folder / "en.po", reinterpret_cast<const char*>(data), size);
    for (const auto& problem : kiosk::i18n::loadUiStrings(folder)) (void)kiosk::i18n::problemText(problem, "en");
    kiosk::i18n::forEachUiString([](const std::string& key) { (void)kiosk::i18n::tr(key, "en"); });
    return 0;
}
