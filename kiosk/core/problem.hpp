// One kind of error for every module: a code saying what went wrong, the values its words name,
// and a detail for the log. Functions that can fail return a Result<T>: the value or the problem.
#pragma once

#include <concepts>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace kiosk::core {

// A module's codes are an enum class with three functions found beside it (by argument-dependent
// lookup):
//   std::string_view problemDomain(Code);   // "refusal": the module, the first part of the words' key
//   std::string_view problemName(Code);     // "older-version": the code, the second part
//   std::string_view problemEnglish(Code);  // "The content pack has version {} …": tools and the log
// The kiosk says a problem in its reader's language through the .po files, under the key
// "<domain>.<name>", with the problem's values filled into its "{}" placeholders in order.
template <class Code>
concept ProblemCode = std::is_enum_v<Code> && requires(Code code) {
    { problemDomain(code) } -> std::convertible_to<std::string_view>;
    { problemName(code) } -> std::convertible_to<std::string_view>;
    { problemEnglish(code) } -> std::convertible_to<std::string_view>;
};

class Problem {
public:
    template <ProblemCode Code>
    explicit Problem(Code code, std::vector<std::string> values = {}, std::string detail = {})
        : m_domain(problemDomain(code)),
          m_name(problemName(code)),
          m_english(problemEnglish(code)),
          m_code(static_cast<int>(code)),
          m_values(std::move(values)),
          m_detail(std::move(detail)) {}

    template <ProblemCode Code>
    bool is(Code code) const {
        return m_code == static_cast<int>(code) && m_domain == problemDomain(code);
    }

    std::string_view domain() const { return m_domain; }
    std::string_view name() const { return m_name; }
    std::string key() const;  // "<domain>.<name>": the message id of its words
    const std::vector<std::string>& values() const { return m_values; }
    const std::string& detail() const { return m_detail; }  // for the log: paths, errno, a library's words
    std::string english() const;  // the English words with the values filled in
    // English words and, when there is one, the detail: one line for a log or a tool's standard error.
    std::string logLine() const;

    Problem&& withDetail(std::string detail) && {
        m_detail = std::move(detail);
        return std::move(*this);
    }

private:
    std::string_view m_domain;
    std::string_view m_name;
    std::string_view m_english;
    int m_code = 0;
    std::vector<std::string> m_values;
    std::string m_detail;
};

// A value, or the problem that kept it from being made. (C++23's std::expected, which g++ 12 lacks.)
template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_state(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit, as expected's
    Result(Problem problem) : m_state(std::in_place_index<1>, std::move(problem)) {}  // NOLINT

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(m_state); }
    const T& value() const& { return std::get<0>(m_state); }
    T&& value() && { return std::get<0>(std::move(m_state)); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T&& operator*() && { return std::move(*this).value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const Problem& problem() const { return std::get<1>(m_state); }
    Problem&& takeProblem() && { return std::get<1>(std::move(m_state)); }

    template <class U>
    T valueOr(U&& fallback) const& {
        return ok() ? value() : static_cast<T>(std::forward<U>(fallback));
    }

private:
    std::variant<T, Problem> m_state;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Problem problem) : m_problem(std::move(problem)) {}  // NOLINT

    bool ok() const { return !m_problem; }
    explicit operator bool() const { return ok(); }
    const Problem& problem() const { return *m_problem; }
    Problem&& takeProblem() && { return std::move(*m_problem); }

private:
    std::optional<Problem> m_problem;
};

}  // namespace kiosk::core
