// kiosk-pack hours: how the kiosk reads an opening_hours value, day by day, for content authors.
#pragma once

#include <filesystem>
#include <string>

namespace CLI {
class App;
}

namespace kiosk::content {

struct HoursCommand {
    std::string value;
    std::string from;  // YYYY-MM-DD; empty: today
    int days = 14;
    std::filesystem::path content;  // a content folder whose school holidays SH means; empty: none
};

// Adds the subcommand to kiosk-pack's command line.
CLI::App* addHoursCommand(CLI::App& cli, HoursCommand& options);
// Prints one line a day, "YYYY-MM-DD<TAB>08:00-12:00,?14:00-16:00" ('?': unknown); 1 and the error on a
// value the kiosk cannot read.
int runHoursCommand(const HoursCommand& options);

}  // namespace kiosk::content
