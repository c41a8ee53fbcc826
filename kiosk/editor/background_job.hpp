// Work the editor does beside its window (a pack onto a stick, the website, a spoken file): whether
// it runs, how far it is, and its plain outcome; and the small dialog window the first two live in.
#pragma once

#include <atomic>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace kiosk::editor {

struct BackgroundJob {
    struct Outcome {
        std::string words;
        bool failed = false;
    };

    std::atomic<bool> running{false};
    std::atomic<double> progress{0};  // 0..1, where the work says
    std::thread worker;

    ~BackgroundJob() {
        if (worker.joinable()) worker.join();
    }
    // Runs `work` on the worker once the one before has ended; `work` may set `progress`.
    void start(std::function<Outcome()> work, std::string whileRunning = {});
    // An outcome of something done at once, on the UI thread (shown as the worker's are).
    void tell(Outcome outcome);
    // The outcome (or the words while it runs), red when it failed; nothing before the first start.
    void drawOutcome();

private:
    std::mutex m_mutex;  // guards the outcome, written by the worker
    Outcome m_outcome;
};

// A dialog over the editor, `heightEm` high, with its own title and close box (`open`); call
// endDialog after its contents.
void beginDialog(const std::string& title, bool& open, float heightEm);
void endDialog();
// A dialog's line of text (a file or folder) under its label, the whole width less `roomEm` em; named
// "Feld <label>" for scripts. True when it changed.
bool pathField(const char* id, const std::string& label, std::string& text, float roomEm = 0);

}  // namespace kiosk::editor
