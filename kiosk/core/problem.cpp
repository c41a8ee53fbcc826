// Problems in words: placeholders filled, keys for the .po files, one line for a log.
#include "kiosk/core/problem.hpp"

#include "kiosk/core/localized_text.hpp"

namespace kiosk::core {

std::string Problem::key() const {
    std::string key(m_domain);
    key += '.';
    key += m_name;
    return key;
}

std::string Problem::english() const { return fillIn(m_english, m_values); }

std::string Problem::logLine() const {
    std::string line = english();
    if (!m_detail.empty()) {
        line += " (";
        line += m_detail;
        line += ')';
    }
    return line;
}

}  // namespace kiosk::core
