// Content updates from a USB stick: the watch notices a stick, the newest valid pack on it is
// imported on a worker thread while families see a calm "back in a moment" screen, then a
// message says what came in, or in plain words why not, and that the stick can be removed.
#pragma once

#include "kiosk/app/config.hpp"
#include "kiosk/platform/usb_watch.hpp"
#include "kiosk/ui/view.hpp"

#include <atomic>
#include <filesystem>
#include <functional>
#include <future>
#include <memory>
#include <optional>

namespace kiosk::app {

class Updates {
public:
    // Watches the mount table, or `usbRoot` when given (development, tests).
    Updates(const Config& config, const std::optional<std::filesystem::path>& usbRoot, std::function<void()> wake);
    ~Updates();

    // Starts an import when a stick with packs arrived, takes in a finished one; what to show.
    const ui::UpdateView& poll();
    // True once after an import switched the content: the kiosk loads it and starts afresh.
    bool takeNewContent();
    void dismiss();  // a touch on the message closes it

private:
    struct Result;
    const Config& m_config;
    std::function<void()> m_wake;
    std::unique_ptr<platform::UsbWatch> m_watch;
    std::future<std::shared_ptr<Result>> m_job;
    std::atomic<double> m_progress{0};
    ui::UpdateView m_view;
    bool m_newContent = false;
};

}  // namespace kiosk::app
