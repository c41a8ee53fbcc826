// The PIN pad's lock file (pin-lock in the data folder), which the kiosk reads back at start and
// whenever the pad opens: whatever is in it (a damaged file, one copied from another kiosk, one
// written by hand), a lock read from it is written again as the same line, never lasts longer
// than the longest lock, and counts on as a lock made by the kiosk does.
#include "kiosk/core/staff_mode.hpp"

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using kiosk::core::PinLock;
    const auto lock = PinLock::fromText(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!lock) return 0;
    if (PinLock::fromText(lock->toText()) != lock) std::abort();
    if (lock->attemptsLeft() < 1 || lock->attemptsLeft() > PinLock::kAttempts) std::abort();
    const auto longest = std::chrono::duration_cast<std::chrono::seconds>(PinLock::kLongestLock).count();
    for (const std::int64_t seconds : {std::int64_t{0}, std::int64_t{1'764'000'000}, std::int64_t{4'102'444'800}}) {
        const PinLock::Clock::time_point now{std::chrono::seconds(seconds)};
        if (lock->secondsLeft(now) < 0 || lock->secondsLeft(now) > longest) std::abort();
        // Five wrong PINs on an open pad lock it; the stricter view never opens a locked one.
        PinLock counted = *lock;
        bool locked = counted.locked(now);
        for (int i = 0; i < PinLock::kAttempts && !locked; ++i) locked = counted.wrong(now);
        if (!counted.locked(now)) std::abort();
        if (!PinLock::stricter(counted, *lock).locked(now) || !PinLock::stricter(*lock, counted).locked(now)) std::abort();
    }
    return 0;
}
