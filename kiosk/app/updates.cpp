#include "kiosk/app/updates.hpp"

#include "kiosk/content/pack_import.hpp"
#include "kiosk/content/pack_refusal.hpp"

#include <spdlog/spdlog.h>

namespace kiosk::app {

struct Updates::Result {
    std::filesystem::path pack;
    core::Result<content::ImportedContent> outcome = core::Problem(content::Refusal::Unreadable);
};

Updates::Updates(const Config& config, const std::optional<std::filesystem::path>& usbRoot, std::function<void()> wake,
                 const std::vector<std::filesystem::path>& moreStickFolders)
    : m_config(config), m_wake(std::move(wake)), m_usbRoot(usbRoot) {
    auto stickFolders = platform::defaultStickFolders();
    stickFolders.insert(stickFolders.end(), moreStickFolders.begin(), moreStickFolders.end());
    try {
        m_watch = usbRoot ? std::make_unique<platform::UsbWatch>(*usbRoot, m_wake)
                          : std::make_unique<platform::UsbWatch>(m_wake, stickFolders);
    } catch (const std::exception& e) {
        spdlog::error("usb: cannot watch for sticks: {}", e.what());
    }
}

Updates::~Updates() {
    if (m_job.valid()) m_job.wait();  // an import runs to its end: half a switch never happens
}

const ui::UpdateView& Updates::poll() {
    if (m_job.valid()) {
        m_view.progress = static_cast<float>(m_progress.load());
        if (m_job.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return m_view;
        const auto result = m_job.get();
        const auto& outcome = result->outcome;
        m_view.state = outcome ? ui::UpdateView::State::Done : ui::UpdateView::State::Failed;
        if (outcome) {
            m_view.version = outcome->version;
            // "2026-11-26T23:31:49Z" as people write it here: 26.11.2026.
            const std::string& created = outcome->created;
            m_view.created = created.size() >= 10
                                 ? created.substr(8, 2) + "." + created.substr(5, 2) + "." + created.substr(0, 4)
                                 : created;
            m_view.offers = static_cast<int>(outcome->offers);
            spdlog::info("usb: imported {} (version {}, {} offers)", result->pack.string(), outcome->version,
                         outcome->offers);
            m_newContent = true;
        } else {
            m_view.problem = outcome.problem();
            spdlog::error("usb: no pack on the stick was taken; the last: {}", outcome.problem().english());
        }
        return m_view;
    }
    if (!m_watch) return m_view;
    for (const auto& root : m_watch->arrived()) {
        m_stick = root;
        const auto packs = platform::findPacks(root);
        spdlog::info("usb: {} arrived with {} content pack(s)", root.string(), packs.size());
        if (packs.empty()) continue;
        start(packs);
        break;
    }
    return m_view;
}

void Updates::start(std::vector<std::filesystem::path> packs) {
    m_view = {};
    m_view.state = ui::UpdateView::State::Importing;
    m_progress = 0;
    m_job = std::async(std::launch::async, [this, packs = std::move(packs)] {
        auto result = std::make_shared<Result>();
        // The newest pack that imports wins; an older valid one is tried when a newer is refused.
        for (const auto& pack : packs) {
            result->pack = pack;
            result->outcome = content::importPack(pack, m_config.dataDir, m_config.trustedKeys, m_config.importLimits,
                                                  [this](double fraction) {
                                                      // A frame per percent: each wake draws the bar, on a core the import needs too.
                                                      const double before = m_progress.exchange(fraction);
                                                      if (static_cast<int>(fraction * 100) != static_cast<int>(before * 100)) m_wake();
                                                  });
            if (result->outcome) break;
            spdlog::warn("usb: {} refused: {}", pack.string(), result->outcome.problem().detail());
        }
        m_wake();
        return result;
    });
}

std::optional<std::filesystem::path> Updates::stick() const {
    // A folder standing in for the stick is always "in", with packs or not.
    if (m_usbRoot) return std::filesystem::is_directory(*m_usbRoot) ? m_usbRoot : std::nullopt;
    if (!m_stick || !m_watch || !m_watch->present(*m_stick)) return std::nullopt;
    return m_stick;
}

bool Updates::importFrom(const std::filesystem::path& root) {
    if (m_job.valid()) return false;
    auto packs = platform::findPacks(root);
    if (packs.empty()) return false;
    spdlog::info("usb: importing from {} as staff asked", root.string());
    start(std::move(packs));
    return true;
}

bool Updates::takeNewContent() { return std::exchange(m_newContent, false); }

void Updates::dismiss() {
    if (m_view.state == ui::UpdateView::State::Done || m_view.state == ui::UpdateView::State::Failed) m_view = {};
}

}  // namespace kiosk::app
