// Unit tests for choosing the content at start-up: build when the source changed, keep the last good
// database when an edit broke the source, and say so in plain words.
#include "kiosk/content/content_store.hpp"
#include "kiosk/content/start_guard.hpp"

#include <catch2/catch.hpp>

#include <SQLiteCpp/Database.h>

#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include <unistd.h>

using namespace kiosk;
using namespace kiosk::content;
namespace fs = std::filesystem;
using Catch::Matchers::Contains;

namespace {

const fs::path kSample = KIOSK_SAMPLE_CONTENT;

// A copy of the sample content and an empty data folder, removed again at the end of the test.
class Kiosk {
public:
    Kiosk() {
        std::random_device random;
        do {
            m_root = fs::temp_directory_path() /
                     ("kiosk-test-content-store-" + std::to_string(::getpid()) + "-" + std::to_string(random()));
        } while (!fs::create_directory(m_root));
        fs::copy(kSample, source());
        fs::create_directory(m_root / "data");
    }
    ~Kiosk() {
        std::error_code ignored;
        fs::remove_all(m_root, ignored);
    }
    Kiosk(const Kiosk&) = delete;
    Kiosk& operator=(const Kiosk&) = delete;

    fs::path source() const { return m_root / "content"; }
    fs::path database() const { return m_root / "data" / "content.sqlite"; }
    LoadedContent load() const { return loadContent(source(), database()); }

    // Replaces the first `from` after `anchor` in a source file.
    void edit(const std::string& file, const std::string& anchor, const std::string& from,
              const std::string& to) const {
        std::string text;
        {
            std::ifstream in(source() / file, std::ios::binary);
            REQUIRE(in);
            std::ostringstream buffer;
            buffer << in.rdbuf();
            text = buffer.str();
        }
        auto at = text.find(from, text.find(anchor));
        INFO(file << " has no \"" << from << "\" after \"" << anchor << "\"");
        REQUIRE(at != std::string::npos);
        text.replace(at, from.size(), to);
        std::ofstream out(source() / file, std::ios::binary | std::ios::trunc);
        out << text;
        REQUIRE(out);
    }
    void breakProvider() const {
        edit("offers.yaml", "- id: kindergeld\n", "provider: familienkasse", "provider: familienkase");
    }
    void fixProvider() const {
        edit("offers.yaml", "- id: kindergeld\n", "provider: familienkase", "provider: familienkasse");
    }
    void retitle(const std::string& title) const {
        edit("offers.yaml", "- id: kindergeld\n", "    de: \"Kindergeld\"", "    de: \"" + title + "\"");
    }

private:
    fs::path m_root;
};

std::string germanTitle(const LoadedContent& loaded, const std::string& offerId) {
    REQUIRE(loaded.catalog.has_value());
    const core::Offer* offer = loaded.catalog->offer(offerId);
    REQUIRE(offer != nullptr);
    return loaded.catalog->text(*offer, core::OfferText::Title, "de");
}

// A message for staff: one sentence, no file names or field names.
void checkPlainSentence(const std::string& problem) {
    INFO("problem: " << problem);
    REQUIRE_FALSE(problem.empty());
    CHECK(std::isupper(static_cast<unsigned char>(problem.front())));
    CHECK(problem.back() == '.');
    CHECK(problem.find('\n') == std::string::npos);
    CHECK(problem.find(".yaml") == std::string::npos);
    CHECK(problem.find("field") == std::string::npos);
}

}  // namespace

TEST_CASE("the first start builds the content database from the source", "[content_store]") {
    Kiosk kiosk;
    const LoadedContent loaded = kiosk.load();
    CHECK(loaded.problem.empty());
    CHECK(loaded.sourceErrors.empty());
    REQUIRE(loaded.catalog.has_value());
    CHECK(loaded.catalog->offers.size() >= 40);
    CHECK(germanTitle(loaded, "kindergeld") == "Kindergeld");
    CHECK(fs::is_regular_file(kiosk.database()));
    CHECK(loaded.info.source == fs::absolute(kiosk.source()).string());
    CHECK(loaded.info.fingerprint == sourceFingerprint(kiosk.source()));
    CHECK_FALSE(loaded.info.builtAt.empty());
}

TEST_CASE("an unchanged source is not built again", "[content_store]") {
    Kiosk kiosk;
    REQUIRE(kiosk.load().problem.empty());
    // Date the database back, so a rebuild would show as a new modification time.
    const auto longAgo = fs::last_write_time(kiosk.database()) - std::chrono::hours(24);
    fs::last_write_time(kiosk.database(), longAgo);

    const LoadedContent again = kiosk.load();
    CHECK(again.problem.empty());
    REQUIRE(again.catalog.has_value());
    CHECK(germanTitle(again, "kindergeld") == "Kindergeld");
    CHECK(fs::last_write_time(kiosk.database()) == longAgo);
}

TEST_CASE("a broken edit keeps the previous content on screen and says why", "[content_store]") {
    Kiosk kiosk;
    REQUIRE(kiosk.load().problem.empty());
    kiosk.retitle("Kindergeld beantragen");
    kiosk.breakProvider();

    const LoadedContent loaded = kiosk.load();
    REQUIRE(loaded.catalog.has_value());
    CHECK(germanTitle(loaded, "kindergeld") == "Kindergeld");  // the previous content, not the edit
    CHECK(loaded.catalog->offer("kindergeld")->providerId == "familienkasse");
    REQUIRE(loaded.sourceErrors.size() == 1);
    CHECK(loaded.sourceErrors.front().file == "offers.yaml");
    CHECK(loaded.sourceErrors.front().entry == "offer 'kindergeld'");
    CHECK(loaded.sourceErrors.front().field == "provider");
    checkPlainSentence(loaded.problem);
    CHECK_THAT(loaded.problem, Contains("previous content"));

    // The database on disk is still the good one.
    SQLite::Database db(kiosk.database().string(), SQLite::OPEN_READONLY);
    CHECK(readCatalog(db).offer("kindergeld")->title.get("de") == "Kindergeld");
}

TEST_CASE("a broken source without previous content leaves the kiosk without content and says so",
          "[content_store]") {
    Kiosk kiosk;
    kiosk.breakProvider();
    const LoadedContent loaded = kiosk.load();
    CHECK_FALSE(loaded.catalog.has_value());
    CHECK_FALSE(loaded.sourceErrors.empty());
    checkPlainSentence(loaded.problem);
    CHECK_THAT(loaded.problem, Contains("no previous content"));
    CHECK_FALSE(fs::exists(kiosk.database()));
}

TEST_CASE("a fixed source is taken on the next start", "[content_store]") {
    Kiosk kiosk;
    REQUIRE(kiosk.load().problem.empty());
    kiosk.breakProvider();
    REQUIRE_FALSE(kiosk.load().sourceErrors.empty());

    kiosk.fixProvider();
    kiosk.retitle("Kindergeld – Antrag bei der Familienkasse");
    const LoadedContent loaded = kiosk.load();
    CHECK(loaded.problem.empty());
    CHECK(loaded.sourceErrors.empty());
    CHECK(germanTitle(loaded, "kindergeld") == "Kindergeld – Antrag bei der Familienkasse");
    CHECK(loaded.info.fingerprint == sourceFingerprint(kiosk.source()));
}

TEST_CASE("an edit to the source is taken without a broken step in between", "[content_store]") {
    Kiosk kiosk;
    REQUIRE(kiosk.load().problem.empty());
    kiosk.retitle("Kindergeld für Familien");
    const LoadedContent loaded = kiosk.load();
    CHECK(loaded.problem.empty());
    CHECK(germanTitle(loaded, "kindergeld") == "Kindergeld für Familien");
}

TEST_CASE("a damaged database is built again from the source", "[content_store]") {
    Kiosk kiosk;
    std::ofstream(kiosk.database()) << "this is not a database";
    const LoadedContent loaded = kiosk.load();
    CHECK(loaded.problem.empty());
    CHECK(germanTitle(loaded, "kindergeld") == "Kindergeld");
}

TEST_CASE("a damaged database and a broken source are both named", "[content_store]") {
    Kiosk kiosk;
    std::ofstream(kiosk.database()) << "this is not a database";
    kiosk.breakProvider();
    const LoadedContent loaded = kiosk.load();
    CHECK_FALSE(loaded.catalog.has_value());
    CHECK_THAT(loaded.problem, Contains("no previous content"));
    CHECK_THAT(loaded.problem, Contains("cannot be read"));
}

TEST_CASE("a ready database file is used as the content as it is", "[content_store]") {
    Kiosk kiosk;
    REQUIRE(kiosk.load().problem.empty());
    const fs::path other = kiosk.database().parent_path() / "unused.sqlite";
    const LoadedContent loaded = loadContent(kiosk.database(), other);
    CHECK(loaded.problem.empty());
    CHECK(germanTitle(loaded, "kindergeld") == "Kindergeld");
    CHECK_FALSE(fs::exists(other));
}

TEST_CASE("buildDatabase refuses a broken source and leaves the database alone", "[content_store]") {
    Kiosk kiosk;
    REQUIRE(buildDatabase(kiosk.source(), kiosk.database()).empty());
    const auto built = fs::last_write_time(kiosk.database());

    kiosk.breakProvider();
    const auto errors = buildDatabase(kiosk.source(), kiosk.database());
    REQUIRE(errors.size() == 1);
    CHECK(errors.front().field == "provider");
    CHECK(fs::last_write_time(kiosk.database()) == built);
}

TEST_CASE("sound files are found in the content folder, or beside a ready database file", "[content_store]") {
    Kiosk kiosk;
    const LoadedContent built = kiosk.load();
    REQUIRE(built.catalog.has_value());
    CHECK(built.mediaDir == fs::absolute(kiosk.source()));
    CHECK(built.catalog->text(*built.catalog->offer("kindergeld"), core::OfferText::Audio, "de") == "audio/de/kindergeld.ogg");

    const LoadedContent unchanged = kiosk.load();
    CHECK(unchanged.mediaDir == fs::absolute(kiosk.source()));

    kiosk.breakProvider();  // the previous content stays in use, and so do its sound files
    const LoadedContent previous = kiosk.load();
    REQUIRE(previous.catalog.has_value());
    CHECK(previous.mediaDir == fs::absolute(kiosk.source()));

    const LoadedContent ready = loadContent(kiosk.database(), kiosk.database().parent_path() / "unused.sqlite");
    REQUIRE(ready.catalog.has_value());
    CHECK(ready.mediaDir == fs::absolute(kiosk.database()).parent_path());
    CHECK(ready.catalog->network.audio.get("en") == "audio/en/home.ogg");
}

TEST_CASE("the fingerprint changes when a source file is edited", "[content_store]") {
    Kiosk kiosk;
    const std::string before = sourceFingerprint(kiosk.source());
    CHECK(sourceFingerprint(kiosk.source()) == before);
    kiosk.retitle("Kindergeld!");
    CHECK(sourceFingerprint(kiosk.source()) != before);
}

TEST_CASE("new content that crashes the kiosk's starts is refused for the content last drawn from, by itself") {
    Kiosk kiosk;
    const fs::path data = kiosk.database().parent_path();
    // A good start: the kiosk draws from the content.
    const LoadedContent good = guardStart(data, kiosk.load(), {});
    REQUIRE(good.catalog);
    contentDrawn(data, good);
    // An edit the check lets through but that crashes every start (as a NUL once did).
    kiosk.edit("offers.yaml", "- id: kindergeld\n", "Kindergeld", "Kindergeld (neu)");
    LoadedContent edited = kiosk.load();
    REQUIRE(edited.catalog);
    REQUIRE(contentIdentity(edited) != contentIdentity(good));
    // Two starts on it end before their first frame (no contentDrawn, no startEnded): a crash.
    for (int start = 0; start < kCrashedStarts; ++start)
        CHECK(contentIdentity(guardStart(data, kiosk.load(), {})) == contentIdentity(edited));
    // The next start falls back to what was drawn from, says so, and keeps doing so.
    for (int start = 0; start < 2; ++start) {
        const LoadedContent started = guardStart(data, kiosk.load(), {});
        REQUIRE(started.catalog);
        CHECK(started.info.fingerprint == good.info.fingerprint);
        CHECK(germanTitle(started, "kindergeld") == germanTitle(good, "kindergeld"));
        CHECK_THAT(started.problem, Contains("previous content"));
        contentDrawn(data, started);
    }
    // Content edited again is tried again.
    kiosk.edit("offers.yaml", "- id: kindergeld\n", "Kindergeld (neu)", "Kindergeld (neuer)");
    const LoadedContent fixed = guardStart(data, kiosk.load(), {});
    CHECK(germanTitle(fixed, "kindergeld") == "Kindergeld (neuer)");
}

TEST_CASE("a start that ends in order before its first frame (no display) does not count as a crash") {
    Kiosk kiosk;
    const fs::path data = kiosk.database().parent_path();
    contentDrawn(data, guardStart(data, kiosk.load(), {}));
    kiosk.edit("offers.yaml", "- id: kindergeld\n", "Kindergeld", "Kindergeld (neu)");
    for (int start = 0; start < kCrashedStarts + 1; ++start) {
        const LoadedContent started = guardStart(data, kiosk.load(), {});
        CHECK(germanTitle(started, "kindergeld") == "Kindergeld (neu)");
        startEnded(data);
    }
}
