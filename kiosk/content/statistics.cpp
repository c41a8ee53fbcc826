// The statistics file: one table of counts, increments only; values are always bound.
#include "kiosk/content/statistics.hpp"

#include "kiosk/files/durable_file.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <fmt/format.h>
#include <stdexcept>

namespace kiosk::content {
namespace {

constexpr const char* kMigrations[] = {
    // 1: counts per hour
    R"sql(
    CREATE TABLE counts(day TEXT NOT NULL, hour INTEGER NOT NULL, metric TEXT NOT NULL, key TEXT NOT NULL,
                        count INTEGER NOT NULL, PRIMARY KEY(day, hour, metric, key)) WITHOUT ROWID;
    )sql",
    // 2: what a family opened counted per day (hour -1), only visits per hour: in a quiet hour the
    // counts of that hour would describe one family's visit whole
    R"sql(
    CREATE TABLE counts_by_day(day TEXT NOT NULL, hour INTEGER NOT NULL, metric TEXT NOT NULL, key TEXT NOT NULL,
                               count INTEGER NOT NULL, PRIMARY KEY(day, hour, metric, key)) WITHOUT ROWID;
    INSERT INTO counts_by_day
        SELECT day, CASE WHEN metric = 'session' THEN hour ELSE -1 END, metric, key, SUM(count)
        FROM counts GROUP BY 1, 2, 3, 4;
    DROP TABLE counts;
    ALTER TABLE counts_by_day RENAME TO counts;
    )sql",
};
static_assert(std::size(kMigrations) == Statistics::kSchemaVersion);

bool isIdentifier(std::string_view key) {
    if (key.size() > 100) return false;
    for (char c : key)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
              c == ':' || c == '.'))
            return false;
    return true;
}

std::string csvField(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

}  // namespace

Statistics::Statistics(const std::filesystem::path& file)
    : m_db(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE) {
    m_db.exec("PRAGMA journal_mode = WAL");
    // In WAL mode NORMAL never corrupts the file on a power cut; it may lose the last counts.
    m_db.exec("PRAGMA synchronous = NORMAL");
    m_db.setBusyTimeout(2000);  // `--export-stats` may read while the kiosk writes
    const int version = m_db.execAndGet("PRAGMA user_version").getInt();
    if (version > kSchemaVersion)
        throw std::runtime_error(fmt::format("{} is of a newer kiosk (statistics version {}, this kiosk knows {})",
                                             file.string(), version, kSchemaVersion));
    if (version == kSchemaVersion) return;
    SQLite::Transaction transaction(m_db);
    for (int step = version; step < kSchemaVersion; ++step) m_db.exec(kMigrations[step]);
    m_db.exec(fmt::format("PRAGMA user_version = {}", kSchemaVersion));
    transaction.commit();
}

void Statistics::count(core::LocalDateTime when, std::string_view metric, std::string_view key) {
    SQLite::Statement add(m_db,
                          "INSERT INTO counts(day, hour, metric, key, count) VALUES (?, ?, ?, ?, 1) "
                          "ON CONFLICT(day, hour, metric, key) DO UPDATE SET count = count + 1");
    add.bind(1, fmt::format("{:04}-{:02}-{:02}", when.date.year, when.date.month, when.date.day));
    add.bind(2, metric == metric::kSession ? when.minuteOfDay / 60 : kWholeDay);
    add.bind(3, std::string(metric));
    add.bind(4, isIdentifier(key) ? std::string(key) : std::string("?"));
    add.exec();
}

std::vector<CountRow> Statistics::rows() {
    std::vector<CountRow> rows;
    SQLite::Statement query(m_db, "SELECT day, hour, metric, key, count FROM counts ORDER BY day, hour, metric, key");
    while (query.executeStep())
        rows.push_back({query.getColumn(0).getString(), query.getColumn(1).getInt(), query.getColumn(2).getString(),
                        query.getColumn(3).getString(), query.getColumn(4).getInt64()});
    return rows;
}

std::filesystem::path statisticsFile(const std::filesystem::path& dataDir) { return dataDir / "statistics.sqlite"; }

std::string statisticsCsv(const std::vector<CountRow>& rows, std::string_view kioskName) {
    std::string csv = "kiosk,date,hour,metric,key,count\r\n";
    const std::string kiosk = csvField(kioskName);
    for (const auto& row : rows)
        csv += fmt::format("{},{},{},{},{},{}\r\n", kiosk, row.date, row.hour == kWholeDay ? "" : std::to_string(row.hour),
                           csvField(row.metric), csvField(row.key), row.count);
    return csv;
}

std::string statisticsFileName(std::string_view kioskName) {
    // Letters and digits of the name (umlauts spelt out), everything else one dash.
    std::string slug;
    auto dash = [&] {
        if (!slug.empty() && slug.back() != '-') slug += '-';
    };
    for (size_t i = 0; i < kioskName.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(kioskName[i]);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) slug += static_cast<char>(c);
        else if (c >= 'A' && c <= 'Z') slug += static_cast<char>(c - 'A' + 'a');
        else if (c == 0xC3 && i + 1 < kioskName.size()) {
            const unsigned char next = static_cast<unsigned char>(kioskName[++i]);
            switch (next) {
            case 0xA4: case 0x84: slug += "ae"; break;  // ä Ä
            case 0xB6: case 0x96: slug += "oe"; break;  // ö Ö
            case 0xBC: case 0x9C: slug += "ue"; break;  // ü Ü
            case 0x9F: slug += "ss"; break;             // ß
            default: dash();
            }
        } else {
            dash();
        }
    }
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    return "familienkiosk-statistik" + (slug.empty() ? std::string() : "-" + slug) + ".csv";
}

std::string_view problemDomain(StatisticsProblem) { return "statistics"; }
std::string_view problemName(StatisticsProblem code) {
    return code == StatisticsProblem::NoStick ? "no-stick" : "unreadable";
}

std::string_view problemEnglish(StatisticsProblem code) {
    return code == StatisticsProblem::NoStick ? "There is no USB stick to write the statistics to."
                                              : "The statistics cannot be read.";
}

core::Result<ExportedStatistics> exportStatistics(const std::filesystem::path& dataDir,
                                                  const std::filesystem::path& folder, std::string_view kioskName) {
    ExportedStatistics exported;
    std::string csv;
    try {
        Statistics statistics(statisticsFile(dataDir));
        const auto rows = statistics.rows();
        exported.rows = rows.size();
        csv = statisticsCsv(rows, kioskName);
    } catch (const std::exception& e) {
        return core::Problem(StatisticsProblem::Unreadable, {}, fmt::format("cannot read the statistics: {}", e.what()));
    }
    exported.file = folder / statisticsFileName(kioskName);
    if (auto written = files::writeFileDurably(exported.file, csv); !written) return std::move(written).takeProblem();
    return exported;
}

}  // namespace kiosk::content
