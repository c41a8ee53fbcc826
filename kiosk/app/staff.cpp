// Staff mode's wiring: PIN and lock, status in plain words, actions, and the usage counts.
#include "kiosk/app/staff.hpp"

#include "kiosk/app/printing.hpp"
#include "kiosk/app/staff_pin.hpp"
#include "kiosk/content/pack_import.hpp"
#include "kiosk/content/source_loader.hpp"
#include "kiosk/ui/strings.hpp"

#include <spdlog/sinks/ringbuffer_sink.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <fmt/format.h>
#include <fstream>
#include <unistd.h>

namespace kiosk::app {
namespace {

const auto g_started = std::chrono::steady_clock::now();
std::shared_ptr<spdlog::sinks::ringbuffer_sink_mt> g_recent;

std::string formatBytes(std::uintmax_t bytes) {
    const double gib = static_cast<double>(bytes) / (1024.0 * 1024 * 1024);
    if (gib >= 1) return fmt::format("{:.1f} GB", gib);
    return fmt::format("{} MB", bytes / (1024 * 1024));
}

std::string formatUptime(std::chrono::steady_clock::duration up, const std::string& lang) {
    const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(up).count();
    const auto days = minutes / (24 * 60), hours = minutes / 60 % 24, mins = minutes % 60;
    const bool de = lang == "de";  // German abbreviations as such, not the reference language
    if (days > 0) return fmt::format(fmt::runtime(de ? "{} Tg. {} Std." : "{} d {} h"), days, hours);
    if (hours > 0) return fmt::format(fmt::runtime(de ? "{} Std. {} Min." : "{} h {} min"), hours, mins);
    return fmt::format(fmt::runtime(de ? "{} Min." : "{} min"), mins);
}

// "26.11.2026" from "2026-11-26…".
std::string germanDate(const std::string& iso) {
    if (iso.size() < 10) return iso;
    return iso.substr(8, 2) + "." + iso.substr(5, 2) + "." + iso.substr(0, 4);
}

std::vector<std::string> lastLines(const std::filesystem::path& file, size_t count) {
    std::vector<std::string> lines;
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) lines.push_back(line);
    std::reverse(lines.begin(), lines.end());
    if (lines.size() > count) lines.resize(count);
    return lines;
}

std::vector<std::string> keyFiles(const std::filesystem::path& folder) {
    std::vector<std::string> keys;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec))
        if (entry.path().extension() == ".pub") keys.push_back(entry.path().filename().string());
    std::sort(keys.begin(), keys.end());
    return keys;
}

}  // namespace

void keepRecentProblems() {
    if (g_recent) return;
    g_recent = std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(6);
    g_recent->set_level(spdlog::level::warn);
    g_recent->set_pattern("%d.%m. %H:%M  %v");
    spdlog::default_logger()->sinks().push_back(g_recent);
}

std::vector<std::string> recentProblems() {
    if (!g_recent) return {};
    auto lines = g_recent->last_formatted();
    for (auto& line : lines)
        if (!line.empty() && line.back() == '\n') line.pop_back();
    std::reverse(lines.begin(), lines.end());
    return lines;
}

StaffDesk::StaffDesk(const Config& config, Updates& updates)
    : m_config(config), m_updates(updates), m_lock(config.dataDir, std::chrono::system_clock::now()) {}

bool StaffDesk::press(float x, float y, float corner, bool onControl, Clock::time_point now) {
    if (m_staff.open()) return false;
    if (onControl) x = y = -1;  // not the corner: the count starts again
    if (!m_corner.tap(x, y, corner, now)) return false;
    spdlog::info("staff: PIN pad opened");
    m_lock.reread(std::chrono::system_clock::now());  // another kiosk process (or a restart) may have written it
    m_staff.openPad(now);
    return true;
}

void StaffDesk::submitPin() {
    const auto now = std::chrono::system_clock::now();
    const std::string pin = m_staff.digits();
    if (m_config.staffPinHash.empty() || m_lock.lock().locked(now)) {
        m_staff.refuse("staff.pin_locked");
        return;
    }
    if (pin.empty()) return;
    if (verifyPin(m_config.staffPinHash, pin)) {
        spdlog::info("staff: the right PIN; staff mode open");
        m_lock.right();
        m_staff.accept();
        if (m_config.printer == Config::Printer::Office)
            m_printerCheck = std::async(std::launch::async, [this] { return checkPrinter(m_config); });
        return;
    }
    const bool locked = m_lock.wrong(now);
    if (locked) spdlog::warn("staff: a wrong PIN; the PIN pad is locked for {} s", m_lock.lock().secondsLeft(now));
    else spdlog::warn("staff: a wrong PIN ({} tries left)", m_lock.lock().attemptsLeft());
    m_staff.refuse(locked ? "staff.pin_locked" : "staff.pin_wrong");
}

ui::StaffIntents StaffDesk::draw(const ui::KioskInfo& kiosk, const ui::AudioView& audio) {
    const std::string& lang = m_config.language;
    ui::StaffIntents out;
    const auto now = std::chrono::system_clock::now();
    if (m_staff.screen() == core::StaffScreen::Status) {
        ui::StaffStatus& s = m_status;
        s.kioskName = kiosk.name;
        s.softwareVersion = kiosk.version;
        if (auto version = content::activeVersion(m_config.dataDir))
            s.contentVersion = fmt::format(fmt::runtime(ui::tr("staff.content_version", lang)), *version,
                                           germanDate(kiosk.contentBuiltAt));
        else
            s.contentVersion = fmt::format(fmt::runtime(ui::tr("staff.content_builtin", lang)),
                                           germanDate(kiosk.contentBuiltAt));
        s.packHistory = lastLines(m_config.dataDir / "history.log", 4);
        s.trustedKeys = keyFiles(m_config.trustedKeys);
        if (m_printerCheck.valid() && m_printerCheck.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
            const auto result = m_printerCheck.get();
            m_printerState = result ? ui::tr("staff.printer_ready", lang) : ui::problemText(result.problem(), lang);
            if (const std::string& detail = result ? *result : result.problem().detail(); !detail.empty())
                m_printerState += " (" + detail + ")";
        }
        switch (m_config.printer) {
        case Config::Printer::None: s.printer = ui::tr("staff.printer_none", lang); break;
        case Config::Printer::Office:
            s.printer = "CUPS " + (m_config.printerQueue.empty() ? std::string("(Standard)") : m_config.printerQueue) +
                        (m_printerState.empty() ? "" : ": " + m_printerState);
            break;
        case Config::Printer::Receipt:
            s.printer = m_config.receiptDevice.string() + ": " +
                        (::access(m_config.receiptDevice.c_str(), W_OK) == 0 ? ui::tr("staff.printer_ready", lang)
                                                                              : ui::tr("printer.offline", lang));
            break;
        }
        s.sound = audio.device ? ui::tr("staff.sound_ok", lang) : ui::tr("staff.sound_none", lang);
        std::error_code ec;
        const auto space = std::filesystem::space(m_config.dataDir, ec);
        s.freeDisk = ec ? ec.message() : formatBytes(space.available) + " (" + m_config.dataDir.string() + ")";
        s.uptime = formatUptime(std::chrono::steady_clock::now() - g_started, lang);
        s.lastErrors = recentProblems();
        s.schoolHolidays = schoolHolidayStatus(kiosk.holidays, content::localToday(), lang);
        s.stick = m_updates.stick().has_value();
        s.printing = m_testPrinting;
    }
    const ui::StaffView view{m_staff, m_status, lang, !m_config.staffPinHash.empty(),
                             m_config.staffPinHash.empty() ? 0 : m_lock.lock().secondsLeft(now), m_lock.lock().attemptsLeft()};
    ui::drawStaff(view, out);
    return out;
}

StaffDesk::Effects StaffDesk::apply(const ui::StaffIntents& intents) {
    Effects effects;
    for (const auto& intent : intents) {
        if (std::holds_alternative<core::staff::Submit>(intent)) {
            submitPin();
            continue;
        }
        if (std::holds_alternative<core::staff::Close>(intent)) {
            spdlog::info("staff: closed");
            effects.closed = true;
        }
        m_staff.apply(intent);
        if (m_staff.screen() != core::StaffScreen::Status) continue;  // actions only behind the PIN
        if (std::holds_alternative<core::staff::Restart>(intent)) {
            spdlog::info("staff: restart asked for");
            effects.restart = true;
        } else if (std::holds_alternative<core::staff::ReloadContent>(intent)) {
            effects.reloadContent = true;
            m_staff.report("staff.reloaded");
        } else if (std::holds_alternative<core::staff::ImportFromStick>(intent)) {
            if (auto stick = m_updates.stick(); stick && m_updates.importFrom(*stick)) m_staff.report("staff.importing");
        } else if (std::holds_alternative<core::staff::RollBack>(intent)) {
            const auto outcome = content::rollBack(m_config.dataDir);
            spdlog::info("staff: rollback: {}", outcome ? outcome->detail : outcome.problem().detail());
            const std::string& language = m_config.language;
            m_staff.report(outcome ? "staff.rolled_back" : "staff.rollback_failed",
                           outcome ? core::fillIn(ui::trn("update.done_body", language, static_cast<std::uint64_t>(outcome->offers)),
                                                  {std::to_string(outcome->version), outcome->created.substr(0, 10),
                                                   std::to_string(outcome->offers)})
                                   : ui::problemText(outcome.problem(), language));
            effects.reloadContent = outcome.ok();
        } else if (std::holds_alternative<core::staff::TestSound>(intent)) {
            effects.testSound = true;
            m_staff.report("staff.sound_playing");
        } else if (std::holds_alternative<core::staff::TestPrint>(intent)) {
            m_testPrinting = true;
            m_staff.report("staff.printing");
            effects.testPrint = true;  // the loop makes the slip: it has the catalog
        } else if (std::holds_alternative<core::staff::ExportStatistics>(intent)) {
            const auto stick = m_updates.stick();
            using Exported = core::Result<content::ExportedStatistics>;
            const Exported outcome = stick ? content::exportStatistics(m_config.dataDir, *stick, m_config.kioskName)
                                           : Exported(core::Problem(content::StatisticsProblem::NoStick));
            if (outcome) {
                spdlog::info("staff: statistics ({} rows) written to {}", outcome->rows, outcome->file.string());
                m_staff.report("staff.exported", outcome->file.filename().string());
            } else {
                spdlog::error("staff: statistics export: {}", outcome.problem().logLine());
                m_staff.report("staff.export_failed", ui::problemText(outcome.problem(), m_config.language));
            }
        } else if (std::holds_alternative<core::staff::DisplayOff>(intent)) {
            spdlog::info("staff: display off until the next touch");
            effects.displayOff = true;
            effects.closed = true;
            m_staff.close();
        }
    }
    return effects;
}

void StaffDesk::followPrint(const ui::PrintView& print) {
    if (!m_testPrinting || print.state == ui::PrintView::State::Printing) return;
    if (print.state == ui::PrintView::State::Done) m_staff.report("staff.printed");
    else if (print.state == ui::PrintView::State::Failed)
        m_staff.report("print.failed", "(" + ui::tr(print.problemKey, m_config.language) + ")");
    else return;
    m_testPrinting = false;
}

std::string schoolHolidayStatus(const core::HolidayCalendar& holidays, core::Date today, const std::string& lang) {
    const std::vector<int> missing = core::schoolYearsWithoutHolidays(holidays, today);
    const auto names = [](const std::vector<int>& years) {
        std::string text;
        for (const int year : years) text += (text.empty() ? "" : ", ") + core::schoolYearName(year);
        return text;
    };
    if (missing.empty()) {
        const int current = core::schoolYearOf(today);
        return fmt::format(fmt::runtime(ui::tr("staff.school_holidays_ok", lang)), names({current, current + 1}));
    }
    return fmt::format(fmt::runtime(ui::tr("staff.school_holidays_missing", lang)), names(missing));
}

}  // namespace kiosk::app
