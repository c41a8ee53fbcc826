// Benchmark of opening hours: VALUES real-world-like opening_hours values (as offices, counselling
// centres and clubs write them) parsed and evaluated for one week each; then a content check
// (loadSource) of generated content with VALUES offers whose providers carry those values, and the
// share of that check spent reading the hours. Prints figures, asserts nothing.
// Usage: bench_hours SAMPLE_CONTENT_FOLDER WORK_FOLDER [VALUES]
#include "kiosk/content/source_loader.hpp"
#include "kiosk/core/opening_hours.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// The shapes real values take; {0}..{3} are hours that vary from value to value.
const std::vector<std::string> kShapes = {
    "Mo-Fr {0}:00-12:00,13:00-{2}:00; PH off",
    "Mo-Th {0}:00-16:00; Fr {0}:00-12:00; PH off",
    "Mo,We,Fr {1}:00-12:00; Tu,Th 14:00-{2}:30",
    "Mo-Fr {0}:30-{2}:00; Sa 09:00-12:00; PH off; Dec 24,31 off",
    "Mo 14:00-{3}:00, Mo[1] 10:00-12:00",
    "Tu-Sa 10:00-18:00; Dec 24-Jan 06 off; PH off",
    "Mo-Fr 08:00-{2}:00; SH off",
    "Mo-Fr 14:00-{3}:00; SH Mo-Fr 10:00-{2}:00; PH off",
    "Mo-Fr {1}:00-12:00 || \"nach Vereinbarung\"",
    "\"nach telefonischer Vereinbarung\"",
    "24/7",
    "Mo-Su 08:00-20:00; PH 10:00-14:00",
    "Apr-Oct Mo-Fr 07:00-{3}:00; Nov-Mar Mo-Fr 08:00-{2}:00",
    "We[2,4] 15:00-17:00",
    "Mo-Fr {0}:00-12:00; We 14:00-{3}:00 \"Sprechstunde\"",
    "Fr-Sa 18:00-02:00; Su 14:00-22:00",
    "week 01-53/2 Th 16:00-18:00",
    "Mo-Fr 09:00-{2}:00; easter -2 days-easter +1 day off",
    "Mo-Th 07:30-{2}:00, Fr 07:30-12:30; PH,SH off",
    "Mo-Fr 10:00-{2}:00; 2026 Dec 21-2027 Jan 08 off",
};

std::vector<std::string> values(std::size_t count) {
    std::vector<std::string> result;
    for (std::size_t i = 0; i < count; ++i) {
        const int a = 7 + static_cast<int>(i % 3), b = 8 + static_cast<int>(i % 2), c = 16 + static_cast<int>(i % 3),
                  d = 18 + static_cast<int>(i % 2);
        result.push_back(fmt::format(fmt::runtime(kShapes[i % kShapes.size()]), fmt::format("{:02}", a),
                                     fmt::format("{:02}", b), c, d));
    }
    return result;
}

void writeContent(const fs::path& sample, const fs::path& folder, const std::vector<std::string>& hours) {
    fs::remove_all(folder);
    fs::copy(sample, folder, fs::copy_options::recursive);
    std::ofstream providers(folder / "providers.yaml", std::ios::app), offers(folder / "offers.yaml", std::ios::app);
    for (std::size_t i = 0; i < hours.size(); ++i) {
        std::string quoted;
        for (const char c : hours[i]) quoted += c == '"' ? std::string("\\\"") : std::string(1, c);
        providers << fmt::format("\n- id: bench-provider-{0}\n  name: \"Stelle {0}\"\n"
                                 "  address: {{street: \"Weg {0}\", postal_code: \"73728\", municipality: \"Esslingen am Neckar\"}}\n"
                                 "  location: [{2:.5f}, {3:.5f}]\n  opening_hours: \"{1}\"\n  sample: true\n",
                                 i, quoted, 48.56 + static_cast<double>(i % 211) * 0.001,
                                 9.18 + static_cast<double>(i % 397) * 0.001);
        offers << fmt::format("\n- id: bench-offer-{0}\n  title: \"Angebot {0}\"\n  summary: \"Ein Angebot zum Messen.\"\n"
                              "  life_stages: [baby]\n  topics: [counselling]\n  provider: bench-provider-{0}\n"
                              "  url: https://www.familienkiosk-beispiel.de/angebote/bench-{0}\n  sample: true\n",
                              i);
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_hours SAMPLE_CONTENT_FOLDER WORK_FOLDER [VALUES]\n");
        return 2;
    }
    const std::size_t count = argc > 3 ? std::strtoul(argv[3], nullptr, 10) : 10000;
    const std::vector<std::string> hours = values(count);
    const core::HolidayCalendar calendar({{"Weihnachtsferien", {2026, 12, 23}, {2027, 1, 9}}});

    auto start = Clock::now();
    std::size_t parsed = 0;
    for (const std::string& value : hours) parsed += core::OpeningHours::read(value).ok();
    const double parseSeconds = secondsSince(start);

    start = Clock::now();
    std::size_t ranges = 0;
    for (const std::string& value : hours) {
        const auto read = core::OpeningHours::read(value);
        if (!read) continue;
        for (int day = 0; day < 7; ++day) ranges += read->rangesOn(core::addDays({2026, 12, 21}, day), calendar).size();
    }
    const double weekSeconds = secondsSince(start);

    const fs::path folder = fs::path(argv[2]) / "bench-hours-content";
    writeContent(argv[1], folder, hours);
    start = Clock::now();
    const content::SourceResult result = content::loadSource(folder);
    const double checkSeconds = secondsSince(start);
    fs::remove_all(folder);

    if (!result.errors.empty()) std::printf("first content error: %s\n", result.errors.front().toString().c_str());
    std::printf("values: %zu (%zu read), %zu ranges in their week\n", count, parsed, ranges);
    std::printf("parse_values_per_s: %.0f\n", static_cast<double>(count) / parseSeconds);
    std::printf("parse_and_week_values_per_s: %.0f\n", static_cast<double>(count) / weekSeconds);
    std::printf("content_check_s: %.3f (%zu offers, %zu errors)\n", checkSeconds, count, result.errors.size());
    std::printf("hours_share_of_check_percent: %.2f (reading the values, as the check does)\n",
                100.0 * parseSeconds / checkSeconds);
    std::printf("hours_week_share_of_check_percent: %.2f (reading and evaluating a week)\n",
                100.0 * weekSeconds / checkSeconds);
    return 0;
}
