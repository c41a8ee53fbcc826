// How long a step of building the content database takes, logged at debug level when it ends
// (SPDLOG_LEVEL=debug: tests/bench/bench_build_db.sh prints the breakdown).
#pragma once

#include <spdlog/spdlog.h>

#include <chrono>
#include <ctime>

namespace kiosk::content {

class PhaseTimer {
public:
    explicit PhaseTimer(const char* phase) : m_phase(phase) {}
    PhaseTimer(const PhaseTimer&) = delete;
    PhaseTimer& operator=(const PhaseTimer&) = delete;
    ~PhaseTimer() { stop(); }

    // Logs the time since the start once and the CPU time this thread spent meanwhile (also done by the destructor).
    void stop() {
        if (!m_phase) return;
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - m_start;
        spdlog::debug("build-db phase {}: {:.3f} s, of it {:.3f} s CPU in this thread", m_phase, took.count(),
                      threadSeconds() - m_startCpu);
        m_phase = nullptr;
    }

private:
    // The calling thread's CPU time: on a busy machine the wall time says little about the step.
    static double threadSeconds() {
        timespec now{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
    }

    const char* m_phase;
    std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now();
    double m_startCpu = threadSeconds();
};

}  // namespace kiosk::content
