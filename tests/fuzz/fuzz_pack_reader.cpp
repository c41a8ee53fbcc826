// A whole .kpack from a stick: the archive stream, the signature envelope and the manifest, read
// as the importer reads them, once against a fixed test key (tests/fuzz/pack_key.pub, so that the
// seeds signed with it reach the payload) and once without checking the signature (so that
// mutated manifests reach the hash checks too). Nothing is written but the input itself.
#include "kiosk/content/pack_keys.hpp"
#include "kiosk/content/pack_reader.hpp"
#include "tests/fuzz/fuzz_support.hpp"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto folder = kiosk::fuzz::contentCopy();
    static const std::vector<kiosk::content::PublicKey> keys = [] {
        std::vector<kiosk::content::PublicKey> trusted;
        if (auto key = kiosk::content::readPublicKey(KIOSK_FUZZ_PACK_KEY)) trusted.push_back(*key);
        return trusted;
    }();
    const auto pack = folder / "input.kpack";
    kiosk::fuzz::writeFile(pack, reinterpret_cast<const char*>(data), size);
    kiosk::content::PackReadOptions options;
    options.keys = &keys;
    (void)kiosk::content::verifyPack(pack, options);
    options.keys = nullptr;
    (void)kiosk::content::verifyPack(pack, options);
    return 0;
}
