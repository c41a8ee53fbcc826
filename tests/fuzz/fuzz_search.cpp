// The families' search on what they may type: the input as the query, in German and in Arabic, on
// a small content's database. It must never crash, hang or grow without bound.
#include "kiosk/content/database.hpp"
#include "kiosk/content/search.hpp"
#include "kiosk/content/source_loader.hpp"
#include "tests/fuzz/fuzz_support.hpp"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static kiosk::content::Search* search = [] {
        const auto database = kiosk::fuzz::contentCopy() / "content.sqlite";
        auto source = kiosk::content::loadSource(kiosk::fuzz::contentCopy());
        (void)kiosk::content::writeDatabaseFile(database, source.catalog, {"fuzz", "", ""});
        return new kiosk::content::Search(database);
    }();
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)search->find(text, "de");
    (void)search->find(text, "ar", 5);
    return 0;
}
