// Opening hours as an author may type them: read, then evaluated over a fortnight around New Year
// and at one moment, with school holidays known for one school year only. Never a crash, a hang
// (the tokenizer is linear) or a runaway allocation.
#include "kiosk/core/opening_hours.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace kiosk::core;
    static const HolidayCalendar calendar(std::vector<SchoolHoliday>{{"Weihnachtsferien", {2026, 12, 23}, {2027, 1, 9}}});
    auto hours = OpeningHours::read(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!hours) return 0;
    for (int day = 0; day < 14; ++day) (void)hours->rangesOn(addDays({2026, 12, 24}, day), calendar);
    (void)evaluate(*hours, {{2026, 12, 31}, 23 * 60 + 30}, calendar);
    return 0;
}
