// kiosk-pack hours: the open (and unknown) ranges of each day, as the kiosk computes them.
#include "kiosk/content/hours_command.hpp"

#include "kiosk/content/source_loader.hpp"
#include "kiosk/core/opening_hours.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>

namespace kiosk::content {

CLI::App* addHoursCommand(CLI::App& cli, HoursCommand& options) {
    auto* command = cli.add_subcommand(
        "hours", "print how the kiosk reads an opening_hours value: one line a day, open ranges ('?' = unknown)");
    command->add_option("value", options.value, "the opening_hours value, e.g. 'Mo-Fr 08:00-12:00; PH off'")->required();
    command->add_option("--from", options.from, "first day, YYYY-MM-DD (default: today)");
    command->add_option("--days", options.days, "number of days (default: 14)")->check(CLI::Range(1, 3660));
    command->add_option("--content", options.content, "content folder: SH uses its school_holidays")
        ->check(CLI::ExistingDirectory);
    return command;
}

int runHoursCommand(const HoursCommand& options) {
    const core::Result<core::OpeningHours> hours = core::OpeningHours::read(options.value);
    if (!hours) {
        std::fprintf(stderr, "'%s' is not valid opening hours: %s\n", options.value.c_str(), hours.problem().english().c_str());
        return 1;
    }
    std::optional<core::Date> first = options.from.empty() ? localToday() : core::parseIsoDate(options.from);
    if (!first) {
        std::fprintf(stderr, "--from '%s' is not a date like 2026-12-24\n", options.from.c_str());
        return 1;
    }
    core::HolidayCalendar calendar;
    if (!options.content.empty()) {
        SourceResult source = loadSource(options.content);
        calendar = core::HolidayCalendar(std::move(source.catalog.network.schoolHolidays));
    }
    if (hours->usesSchoolHolidays())
        for (const int year : core::schoolYearsWithoutHolidays(calendar, *first))
            std::fprintf(stderr, "note: no school holidays for %s: SH is unknown ('?') then\n",
                         core::schoolYearName(year).c_str());
    for (int day = 0; day < options.days; ++day) {
        const core::Date date = core::addDays(*first, day);
        std::printf("%s\t%s\n", core::isoDate(date).c_str(), core::hoursRangesText(hours->rangesOn(date, calendar)).c_str());
    }
    return 0;
}

}  // namespace kiosk::content
