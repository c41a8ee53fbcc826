// Which plural form a number takes in a language, from gettext's Plural-Forms header
// ("nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : ...);"): "1 Akteur", "2 Akteure".
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace kiosk::core {

class PluralRule {
public:
    // German's and English's rule: one form for 1, another for every other number.
    PluralRule();
    // The rule of a Plural-Forms header's value; nothing when it is not one (then the caller says so).
    // The expression is C's, as gettext takes it: n, numbers, ! * / % + - < <= > >= == != && || ?: and ().
    static std::optional<PluralRule> parse(std::string_view header);

    int forms() const { return m_forms; }
    // The form for `n`, always in [0, forms()): a rule that computes more falls back to the last form.
    int formFor(std::uint64_t n) const;

    struct Node;  // the expression, parsed once

private:
    int m_forms = 2;
    std::shared_ptr<const std::vector<Node>> m_nodes;  // the root last
};

}  // namespace kiosk::core
