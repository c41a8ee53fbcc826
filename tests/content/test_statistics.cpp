// Unit tests for the anonymous statistics: counting per hour, no free text, a killed kiosk, CSV export.
#include "kiosk/content/statistics.hpp"
#include "kiosk/files/durable_file.hpp"

#include "tests/support/temp_folder.hpp"

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>

#include <csignal>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace kiosk::content;
using kiosk::core::LocalDateTime;
using kiosk::test::TempFolder;

namespace {
const LocalDateTime kMorning{{2026, 11, 26}, 10 * 60 + 5};
const LocalDateTime kLateMorning{{2026, 11, 26}, 10 * 60 + 59};
const LocalDateTime kNoon{{2026, 11, 26}, 12 * 60};
const LocalDateTime kNextDay{{2026, 11, 27}, 9 * 60 + 30};

std::string readFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}
}  // namespace

TEST_CASE("visits add up per hour, what a family opened per day") {
    Statistics statistics(":memory:");
    statistics.count(kMorning, metric::kSession);
    statistics.count(kLateMorning, metric::kSession);  // the same hour: one row, two
    statistics.count(kMorning, metric::kOffer, "kindergeld");
    statistics.count(kNoon, metric::kOffer, "kindergeld");  // another hour, the same day: one row
    statistics.count(kMorning, metric::kOffer, "elterngeld");
    statistics.count(kNoon, metric::kSession);
    statistics.count(kNextDay, metric::kLanguage, "tr");
    const std::vector<CountRow> expected{
        {"2026-11-26", kWholeDay, "offer", "elterngeld", 1}, {"2026-11-26", kWholeDay, "offer", "kindergeld", 2},
        {"2026-11-26", 10, "session", "", 2},                {"2026-11-26", 12, "session", "", 1},
        {"2026-11-27", kWholeDay, "language", "tr", 1},
    };
    CHECK(statistics.rows() == expected);
}

TEST_CASE("a quiet hour does not describe its one family: the counts of version 1 are summed per day") {
    kiosk::test::TempFolder folder;
    const auto file = statisticsFile(folder.path());
    {
        SQLite::Database db(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("CREATE TABLE counts(day TEXT NOT NULL, hour INTEGER NOT NULL, metric TEXT NOT NULL, key TEXT NOT NULL,"
                " count INTEGER NOT NULL, PRIMARY KEY(day, hour, metric, key)) WITHOUT ROWID;"
                "INSERT INTO counts VALUES ('2026-11-26', 7, 'session', '', 1), ('2026-11-26', 7, 'language', 'uk', 1),"
                " ('2026-11-26', 7, 'offer', 'kindergeld', 1), ('2026-11-26', 11, 'session', '', 4),"
                " ('2026-11-26', 11, 'offer', 'kindergeld', 3);"
                "PRAGMA user_version = 1;");
    }
    Statistics statistics(file);
    const std::vector<CountRow> expected{
        {"2026-11-26", kWholeDay, "language", "uk", 1}, {"2026-11-26", kWholeDay, "offer", "kindergeld", 4},
        {"2026-11-26", 7, "session", "", 1},            {"2026-11-26", 11, "session", "", 4},
    };
    CHECK(statistics.rows() == expected);
}

TEST_CASE("nothing finer than the hour and no free text is stored") {
    kiosk::test::TempFolder folder;
    {
        Statistics statistics(statisticsFile(folder.path()));
        statistics.count(kMorning, metric::kOffer, "Frau Müller, Tel. 0711 123");
        statistics.count(kMorning, metric::kAudio, "offer:kindergeld");
    }
    SQLite::Database db(statisticsFile(folder.path()).string());
    // The table's columns are exactly these: no minute, no second, no session or sequence number.
    SQLite::Statement columns(db, "SELECT name FROM pragma_table_info('counts') ORDER BY cid");
    std::vector<std::string> names;
    while (columns.executeStep()) names.push_back(columns.getColumn(0).getString());
    CHECK(names == std::vector<std::string>{"day", "hour", "metric", "key", "count"});
    CHECK(db.execAndGet("SELECT count(*) FROM sqlite_master WHERE type = 'table'").getInt() == 1);
    SQLite::Statement keys(db, "SELECT key FROM counts ORDER BY key");
    std::vector<std::string> stored;
    while (keys.executeStep()) stored.push_back(keys.getColumn(0).getString());
    CHECK(stored == std::vector<std::string>{"?", "offer:kindergeld"});
}

TEST_CASE("counts committed before the kiosk is killed are still there") {
    kiosk::test::TempFolder folder;
    const auto file = statisticsFile(folder.path());
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        Statistics statistics(file);
        for (int i = 0; i < 3; ++i) statistics.count(kMorning, metric::kSession);
        statistics.count(kMorning, metric::kSlip);
        raise(SIGKILL);  // no destructor, no checkpoint: the counts are only in the WAL
        _exit(0);
    }
    int status = 0;
    waitpid(child, &status, 0);
    REQUIRE(WIFSIGNALED(status));
    CHECK(std::filesystem::exists(folder.path() / "statistics.sqlite-wal"));
    Statistics statistics(file);
    const std::vector<CountRow> expected{{"2026-11-26", kWholeDay, "slip", "", 1}, {"2026-11-26", 10, "session", "", 3}};
    CHECK(statistics.rows() == expected);
}

TEST_CASE("a statistics file of a newer kiosk is refused, not changed") {
    kiosk::test::TempFolder folder;
    const auto file = statisticsFile(folder.path());
    {
        SQLite::Database db(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("PRAGMA user_version = 7");
    }
    CHECK_THROWS_WITH(Statistics(file), Catch::Contains("newer kiosk"));
    SQLite::Database db(file.string());
    CHECK(db.execAndGet("PRAGMA user_version").getInt() == 7);
}

TEST_CASE("the CSV has one line per count and the kiosk's name, quoted where needed") {
    const std::vector<CountRow> rows{{"2026-11-26", 10, "session", "", 2},
                                     {"2026-11-26", kWholeDay, "offer", "kindergeld", 1}};
    CHECK(statisticsCsv(rows, "Landratsamt Esslingen, Foyer") ==
          "kiosk,date,hour,metric,key,count\r\n"
          "\"Landratsamt Esslingen, Foyer\",2026-11-26,10,session,,2\r\n"
          "\"Landratsamt Esslingen, Foyer\",2026-11-26,,offer,kindergeld,1\r\n");
    CHECK(statisticsCsv({}, "Kiosk \"Nord\"") == "kiosk,date,hour,metric,key,count\r\n");
}

TEST_CASE("the export file is named after the kiosk") {
    CHECK(statisticsFileName("Landratsamt Esslingen, Foyer") == "familienkiosk-statistik-landratsamt-esslingen-foyer.csv");
    CHECK(statisticsFileName("Familienzentrum Nürtingen – Süd") ==
          "familienkiosk-statistik-familienzentrum-nuertingen-sued.csv");
    CHECK(statisticsFileName("///") == "familienkiosk-statistik.csv");
}

TEST_CASE("exporting writes the counts as a CSV file into the folder") {
    kiosk::test::TempFolder data, stick;
    {
        Statistics statistics(statisticsFile(data.path()));
        statistics.count(kMorning, metric::kSession);
        statistics.count(kMorning, metric::kLifeStage, "baby");
    }
    const auto outcome = exportStatistics(data.path(), stick.path(), "Foyer");
    REQUIRE(outcome);
    CHECK(outcome->rows == 2);
    CHECK(outcome->file == stick.path() / "familienkiosk-statistik-foyer.csv");
    CHECK(readFile(outcome->file) ==
          "kiosk,date,hour,metric,key,count\r\nFoyer,2026-11-26,,life_stage,baby,1\r\nFoyer,2026-11-26,10,session,,1\r\n");
    // Nothing else is left on the stick.
    CHECK(std::distance(std::filesystem::directory_iterator(stick.path()), {}) == 1);
}

TEST_CASE("an export to a folder that cannot be written says so and leaves the counts as they were") {
    kiosk::test::TempFolder data, stick;
    {
        Statistics statistics(statisticsFile(data.path()));
        statistics.count(kMorning, metric::kSession);
    }
    const auto outcome = exportStatistics(data.path(), stick.path() / "missing", "Foyer");
    REQUIRE_FALSE(outcome);
    CHECK(outcome.problem().is(kiosk::files::FileProblem::Missing));
    Statistics statistics(statisticsFile(data.path()));
    CHECK(statistics.rows().size() == 1);
}
