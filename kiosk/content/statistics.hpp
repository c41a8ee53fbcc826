// Anonymous usage statistics: counts per day and hour of what families opened, in a SQLite file in
// the data folder (WAL, so a power cut loses at most the last counts, never the file). Nothing
// else is stored: no finer times, no free text, no order of one family's taps.
#pragma once

#include "kiosk/core/opening_hours.hpp"
#include "kiosk/core/problem.hpp"

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::content {

// What is counted (the `metric` column); `key` is a content id or language code, or empty.
namespace metric {
inline constexpr std::string_view kSession = "session";        // a family woke the kiosk
inline constexpr std::string_view kLanguage = "language";      // key: the language chosen
inline constexpr std::string_view kLifeStage = "life_stage";   // key: the life stage opened
inline constexpr std::string_view kTopic = "topic";            // key: the topic chosen
inline constexpr std::string_view kOffer = "offer";            // key: the offer viewed
inline constexpr std::string_view kEmergencies = "emergencies";  // urgent help opened
inline constexpr std::string_view kAudio = "audio";            // key: "home" or "offer:<id>" played
inline constexpr std::string_view kQr = "qr";                  // key: the offer whose QR code was shown large
inline constexpr std::string_view kSlip = "slip";              // a slip printed
}  // namespace metric

// The hour of a count kept for the whole day: what a family opened (languages, life stages,
// topics, offers, sounds, QR codes, slips) is counted per day, only the visits per hour, so that
// the counts of a quiet hour do not describe the one family that came in it.
inline constexpr int kWholeDay = -1;

struct CountRow {
    std::string date;  // YYYY-MM-DD, local time
    int hour = 0;      // 0..23 for visits (metric "session"); kWholeDay for everything else
    std::string metric;
    std::string key;
    long long count = 0;
    friend bool operator==(const CountRow&, const CountRow&) = default;
};

class Statistics {
public:
    static constexpr int kSchemaVersion = 2;

    // Opens or creates the file (":memory:" for tests). Throws SQLite::Exception when it cannot,
    // or std::runtime_error when the file is of a newer kiosk.
    explicit Statistics(const std::filesystem::path& file);

    // Adds one to the count of `metric`/`key` on the day of `when` (visits: in its hour). A key that is not an
    // identifier (letters, digits, - _ : .; at most 100) is stored as "?": never free text.
    void count(core::LocalDateTime when, std::string_view metric, std::string_view key = {});

    // Every count, oldest first.
    std::vector<CountRow> rows();

private:
    SQLite::Database m_db;
};

// The file the kiosk keeps its counts in.
std::filesystem::path statisticsFile(const std::filesystem::path& dataDir);

// CSV (RFC 4180, UTF-8): kiosk,date,hour,metric,key,count, one line per row.
std::string statisticsCsv(const std::vector<CountRow>& rows, std::string_view kioskName);
// "familienkiosk-statistik-landratsamt-esslingen-foyer.csv": one file per kiosk, by its name.
std::string statisticsFileName(std::string_view kioskName);

enum class StatisticsProblem {
    Unreadable,  // the counts cannot be read (the detail says why)
    NoStick,     // there is no USB stick to write them to
};
std::string_view problemDomain(StatisticsProblem);
std::string_view problemName(StatisticsProblem code);
std::string_view problemEnglish(StatisticsProblem code);

struct ExportedStatistics {
    std::filesystem::path file;
    std::size_t rows = 0;
};

// Writes the counts of `dataDir` as CSV into `folder` (a USB stick), durably: a stick pulled too
// early holds the old file or the new one. A problem is StatisticsProblem or files::FileProblem.
core::Result<ExportedStatistics> exportStatistics(const std::filesystem::path& dataDir,
                                                  const std::filesystem::path& folder, std::string_view kioskName);

}  // namespace kiosk::content
