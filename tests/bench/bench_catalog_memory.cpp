// The heap the kiosk's catalog keeps: reads a content database as the kiosk does (texts on demand)
// and prints malloc's bytes in use before and after, with the sizes of an offer and a provider.
// Without a window or GL: a quick figure for the catalog's part of the PSS that bench_scale.sh
// prints (run it on the sample's database and on a generated one; the difference is per offer).
// Usage: bench_catalog_memory CONTENT.sqlite
#include "kiosk/content/database.hpp"

#include <SQLiteCpp/Database.h>

#include <malloc.h>

#include <cstdio>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: bench_catalog_memory CONTENT.sqlite\n");
        return 2;
    }
    mallopt(M_MMAP_THRESHOLD, 64 * 1024 * 1024);  // every block counted in mallinfo2's bytes in use
    const size_t before = mallinfo2().uordblks;
    kiosk::core::Catalog catalog;
    {
        SQLite::Database db(argv[1], SQLite::OPEN_READWRITE);
        catalog = kiosk::content::readCatalog(db, kiosk::content::Texts::OnDemand);
    }  // the connection's page cache goes with it
    const size_t after = mallinfo2().uordblks;
    std::printf("offers %zu\nproviders %zu\ncatalog_heap_kib %zu\noffer_bytes %zu\nprovider_bytes %zu\n",
                catalog.offers.size(), catalog.providers.size(), (after - before) / 1024,
                sizeof(kiosk::core::Offer), sizeof(kiosk::core::Provider));
}
