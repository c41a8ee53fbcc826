// A long content file's top-level list (offers.yaml: 54 MB at 10,000 offers) parsed in parts on two
// threads while the caller reads the parts in order: the second thread reads the file and parses part
// after part; the caller takes part 0, 1, ... as they are done and, rather than wait, parses a part the
// other thread has not begun itself. See splitYamlList for when parts parse alone.
#pragma once

#include "kiosk/content/yaml_tree.hpp"

#include <condition_variable>
#include <exception>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace kiosk::content {

class ParallelYamlList {
public:
    using Tree = core::Result<std::shared_ptr<const YamlTree>>;

    // Starts reading and parsing `file` (readYamlText's checks) on a second thread.
    explicit ParallelYamlList(std::filesystem::path file);
    ~ParallelYamlList();  // waits for the second thread
    ParallelYamlList(const ParallelYamlList&) = delete;
    ParallelYamlList& operator=(const ParallelYamlList&) = delete;

    // Waits until the file is read: its problem (as loadYamlTree's) if it could not be, else the number of parts.
    core::Result<std::size_t> parts();
    // Part `index`'s tree (each taken once, in any order). Its problem when it does not parse alone, and
    // also when the parts so far hold more than kMaxYamlNodes: then only whole() gives the file's answer.
    Tree take(std::size_t index);
    // The whole file parsed at once (after parts()): its tree or problem as loadYamlTree gives them.
    Tree whole();

private:
    void run();
    void parse(std::size_t index);  // with m_lock not held
    std::optional<std::size_t> claim();  // a part no thread has begun, marked begun

    std::filesystem::path m_file;
    std::mutex m_lock;
    std::condition_variable m_changed;
    bool m_read = false;
    bool m_stopped = false;  // nothing more to begin
    std::optional<core::Problem> m_readProblem;
    std::exception_ptr m_readFailure;  // an exception reading the file, thrown again by parts()
    std::string m_text;
    std::vector<YamlPart> m_parts;
    std::vector<std::optional<Tree>> m_trees;  // parsed, not yet taken
    std::size_t m_next = 0;                    // the first part no thread has begun
    std::size_t m_nodes = 0;                   // in the parts taken
    std::thread m_thread;                      // last: started when the rest is ready
};

}  // namespace kiosk::content
