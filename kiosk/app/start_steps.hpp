// What the kiosk does between exec and its first frame, each step with its time: logged with the
// first frame ("first frame after … ms (at … us); before it: …"), which bench_start.sh reads.
#pragma once

#include <string>

namespace kiosk::app {

// Notes that `step` is done, with the milliseconds since the process began (its static set-up,
// after the dynamic loader) and, when `since` is not negative, how long the step itself took (ms).
// Thread-safe: steps on a worker (the fonts) are noted beside those of the main thread.
void startStep(const char* step, double since = -1);

// Milliseconds since the process began (as startStep counts them).
double startMilliseconds();

// The steps noted so far, in the order they were noted: "strings 12 ms, content 30 ms (+18), …".
std::string startSteps();

}  // namespace kiosk::app
