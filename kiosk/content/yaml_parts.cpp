// offers.yaml parsed in parts on two threads (see yaml_parts.hpp).
#include "kiosk/content/yaml_parts.hpp"

#include "kiosk/content/phase_timer.hpp"

#include <algorithm>
#include <exception>

namespace kiosk::content {
namespace {

// Parts of about 3 MB at 10,000 offers: the caller checks a part while the next ones are parsed, and
// the last part, checked when the parsing is over, is short.
constexpr std::size_t kMaxParts = 16;
constexpr std::size_t kMinPartBytes = 1u << 20;

}  // namespace

ParallelYamlList::ParallelYamlList(std::filesystem::path file) : m_file(std::move(file)), m_thread([this] { run(); }) {}

ParallelYamlList::~ParallelYamlList() {
    {
        std::lock_guard lock(m_lock);
        m_stopped = true;
    }
    m_thread.join();
}

void ParallelYamlList::run() {
    PhaseTimer timer("parse offers.yaml (2nd thread)");
    try {
        auto text = readYamlText(m_file);
        std::lock_guard lock(m_lock);
        if (text) {
            m_text = std::move(*text);
            m_parts = splitYamlList(m_text, std::clamp<std::size_t>(m_text.size() / kMinPartBytes, 1, kMaxParts));
            m_trees.resize(m_parts.size());
        } else {
            m_readProblem = text.problem();
        }
    } catch (...) {  // out of memory: thrown again on the caller's thread, as when it read the file itself
        std::lock_guard lock(m_lock);
        m_readFailure = std::current_exception();
        m_parts.clear();
    }
    {
        std::lock_guard lock(m_lock);
        m_read = true;
    }
    m_changed.notify_all();
    while (const auto index = claim()) parse(*index);
}

core::Result<std::size_t> ParallelYamlList::parts() {
    std::unique_lock lock(m_lock);
    m_changed.wait(lock, [this] { return m_read; });
    if (m_readFailure) std::rethrow_exception(m_readFailure);
    if (m_readProblem) return *m_readProblem;
    return m_parts.size();
}

std::optional<std::size_t> ParallelYamlList::claim() {
    std::lock_guard lock(m_lock);
    if (m_stopped || m_next >= m_parts.size()) return std::nullopt;
    return m_next++;
}

void ParallelYamlList::parse(std::size_t index) {
    Tree tree = core::Problem(YamlProblem::NotYaml, {m_file.string(), "0", "not parsed"});
    try {
        tree = parseYamlTree(m_parts[index].text, m_file.string(), m_parts[index].firstLine);
    } catch (...) {  // out of memory: the part counts as failed, and whole() on the caller's thread throws
    }
    {
        std::lock_guard lock(m_lock);
        m_trees[index] = std::move(tree);
    }
    m_changed.notify_all();
}

ParallelYamlList::Tree ParallelYamlList::take(std::size_t index) {
    for (;;) {
        std::unique_lock lock(m_lock);
        if (m_trees.at(index)) {
            Tree tree = std::move(*m_trees[index]);
            m_trees[index].reset();
            if (tree) m_nodes += (*tree)->size();
            if (m_nodes > kMaxYamlNodes)  // only the whole file's parse says where
                return core::Problem(YamlProblem::NotYaml, {m_file.string(), "0", "more values than one file may have"});
            return tree;
        }
        if (!m_stopped && m_next < m_parts.size()) {  // rather than wait, one the other thread has not begun
            const std::size_t other = m_next++;
            lock.unlock();
            parse(other);
        } else {
            m_changed.wait(lock, [&] { return m_trees[index].has_value(); });
        }
    }
}

ParallelYamlList::Tree ParallelYamlList::whole() {
    {
        std::lock_guard lock(m_lock);
        m_stopped = true;  // the second thread stops after its part
    }
    return parseYamlTree(m_text, m_file.string());
}

}  // namespace kiosk::content
