// A content pack's manifest.json as anyone may write it (it is parsed only after its signature
// checked out, but a signer's tool may have bugs): parsed, its paths and version judged.
#include "kiosk/content/pack_manifest.hpp"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (auto manifest = kiosk::content::parseManifest(text)) {
        (void)kiosk::content::manifestToJson(*manifest);
        for (const auto& file : manifest->files) (void)kiosk::content::isSafeRelativePath(file.path);
    }
    (void)kiosk::content::isSafeRelativePath(text);
    (void)kiosk::content::versionParts(text);
    return 0;
}
