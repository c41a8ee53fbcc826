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
#include <vector>

namespace kiosk::app {

class Updates {
public:
    // Watches the mount table, or `usbRoot` when given (development, tests).
    // Sticks are mounts under /media, /run/media or `moreStickFolders` (tests), or of removable devices.
    Updates(const Config& config, const std::optional<std::filesystem::path>& usbRoot, std::function<void()> wake,
            const std::vector<std::filesystem::path>& moreStickFolders = {});
    ~Updates();

    // Starts an import when a stick with packs arrived, takes in a finished one; what to show.
    const ui::UpdateView& poll();
    // True once after an import switched the content: the kiosk loads it and starts afresh.
    bool takeNewContent();
    void dismiss();  // a touch on the message closes it
    // The stick that arrived last, while it is still in (staff mode imports from it and saves
    // statistics to it).
    std::optional<std::filesystem::path> stick() const;
    // Imports the newest valid pack on `root` now, as if it had just arrived; false when there is none
    // or an import is running.
    bool importFrom(const std::filesystem::path& root);

private:
    struct Result;
    void start(std::vector<std::filesystem::path> packs);
    const Config& m_config;
    std::function<void()> m_wake;
    std::unique_ptr<platform::UsbWatch> m_watch;
    std::future<std::shared_ptr<Result>> m_job;
    std::atomic<double> m_progress{0};
    ui::UpdateView m_view;
    bool m_newContent = false;
    std::optional<std::filesystem::path> m_stick;
    std::optional<std::filesystem::path> m_usbRoot;
};

}  // namespace kiosk::app
