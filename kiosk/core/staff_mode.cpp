// Pure rules of staff mode (gesture, lock, time-out) on clock values passed in, so they are unit-tested without waiting.
#include "kiosk/core/staff_mode.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

namespace kiosk::core {

bool CornerTaps::tap(float x, float y, float corner, Clock::time_point now) {
    if (x < 0 || y < 0 || x > corner || y > corner) {
        m_count = 0;
        return false;
    }
    if (m_count > 0 && now - m_last > kGap) m_count = 0;
    m_last = now;
    if (++m_count < kTaps) return false;
    m_count = 0;
    return true;
}

std::chrono::seconds PinLock::lockLength() const {
    // The first lock is five minutes; each further one doubles, up to a day.
    std::chrono::seconds length = kFirstLock;
    for (int i = 1; i < m_locks && length < kLongestLock; ++i) length *= 2;
    return std::min<std::chrono::seconds>(length, kLongestLock);
}

std::int64_t PinLock::secondsLeft(Clock::time_point now) const {
    if (m_locks == 0) return 0;
    const double nowSeconds = std::chrono::duration<double>(now.time_since_epoch()).count();
    double left = static_cast<double>(m_until) - nowSeconds;
    if (left <= 0) return 0;
    // A clock set back (or a file from elsewhere) never makes a lock longer than its length.
    left = std::min(left, static_cast<double>(lockLength().count()));
    const auto whole = static_cast<std::int64_t>(left);
    return whole < left ? whole + 1 : whole;
}

bool PinLock::wrong(Clock::time_point now) {
    if (locked(now)) return false;  // the pad refuses without counting while locked
    if (++m_wrong < kAttempts) return false;
    lockNow(now);
    return true;
}

void PinLock::right() { *this = PinLock{}; }

void PinLock::lockNow(Clock::time_point now) {
    m_wrong = 0;
    ++m_locks;
    m_until = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count() + lockLength().count();
}

PinLock PinLock::stricter(const PinLock& a, const PinLock& b) {
    PinLock lock;
    lock.m_wrong = std::max(a.m_wrong, b.m_wrong);
    lock.m_locks = std::max(a.m_locks, b.m_locks);
    lock.m_until = std::max(a.m_until, b.m_until);
    return lock;
}

std::string PinLock::toText() const {
    return std::to_string(m_wrong) + " " + std::to_string(m_locks) + " " + std::to_string(m_until) + "\n";
}

std::optional<PinLock> PinLock::fromText(std::string_view text) {
    const std::string line(text);
    int wrong = -1, locks = -1;
    long long until = -1;
    char rest = 0;
    const int read = std::sscanf(line.c_str(), "%d %d %lld %c", &wrong, &locks, &until, &rest);
    if (read != 3 || wrong < 0 || wrong >= kAttempts || locks < 0 || locks > 1000 || until < 0) return std::nullopt;
    PinLock lock;
    lock.m_wrong = wrong;
    lock.m_locks = locks;
    lock.m_until = until;
    return lock;
}

void StaffMode::openPad(Clock::time_point now) {
    *this = StaffMode{};
    m_screen = StaffScreen::PinPad;
    m_lastTouch = now;
}

bool StaffMode::closeIfIdle(Clock::time_point now) {
    if (!open() || now < closesAt()) return false;
    close();
    return true;
}

void StaffMode::apply(const StaffIntent& intent) {
    if (std::holds_alternative<staff::Close>(intent)) {
        close();
        return;
    }
    if (m_screen != StaffScreen::PinPad) return;
    if (const auto* digit = std::get_if<staff::Digit>(&intent)) {
        if (digit->digit >= '0' && digit->digit <= '9' && m_digits.size() < kMaxDigits) m_digits += digit->digit;
        m_messageKey.clear();
        m_messageDetail.clear();
    } else if (std::holds_alternative<staff::Erase>(intent)) {
        if (!m_digits.empty()) m_digits.pop_back();
    }
}

void StaffMode::accept() {
    m_screen = StaffScreen::Status;
    m_digits.clear();
    m_messageKey.clear();
    m_messageDetail.clear();
}

void StaffMode::refuse(std::string messageKey, std::string detail) {
    m_digits.clear();
    m_messageKey = std::move(messageKey);
    m_messageDetail = std::move(detail);
}

void StaffMode::report(std::string messageKey, std::string detail) {
    m_messageKey = std::move(messageKey);
    m_messageDetail = std::move(detail);
}

void StaffMode::close() { *this = StaffMode{}; }

}  // namespace kiosk::core
