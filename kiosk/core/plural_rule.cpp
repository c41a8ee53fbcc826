// A small recursive-descent parser and evaluator for gettext's plural expressions (C's syntax and
// unsigned arithmetic, as gettext's own plural-exp does); nesting is bounded, so hostile headers
// cannot exhaust the stack.
#include "kiosk/core/plural_rule.hpp"

#include <cctype>
#include <string>

namespace kiosk::core {

struct PluralRule::Node {
    enum class Op { N, Number, Not, Mul, Div, Mod, Add, Sub, Less, LessEq, Greater, GreaterEq, Eq, NotEq, And, Or, If };
    Op op = Op::Number;
    std::uint64_t value = 0;
    int a = -1, b = -1, c = -1;  // operands: indices of earlier nodes
};

namespace {

using Node = PluralRule::Node;
using Op = Node::Op;

constexpr int kMaxDepth = 64;
constexpr int kMaxNodes = 512;

class Parser {
public:
    explicit Parser(std::string_view text) : m_text(text) {}

    // The root's index, or -1 when the text is no expression (or not all of it is).
    int parse() {
        const int root = ternary(0);
        skipSpace();
        return m_ok && m_at == m_text.size() ? root : -1;
    }
    std::vector<Node> nodes;

private:
    void skipSpace() {
        while (m_at < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_at]))) ++m_at;
    }
    bool take(std::string_view token) {
        skipSpace();
        if (m_text.substr(m_at, token.size()) != token) return false;
        // "<" must not take the first half of "<=", nor "!" of "!=", nor "=" of "==" (no "=" alone).
        if (token.size() == 1 && m_at + 1 < m_text.size() && m_text[m_at + 1] == '=' &&
            (token == "<" || token == ">" || token == "!"))
            return false;
        m_at += token.size();
        return true;
    }
    int add(Op op, int a = -1, int b = -1, int c = -1, std::uint64_t value = 0) {
        if (!m_ok || static_cast<int>(nodes.size()) >= kMaxNodes || (a < 0 && op != Op::N && op != Op::Number)) {
            m_ok = false;
            return -1;
        }
        nodes.push_back(Node{op, value, a, b, c});
        return static_cast<int>(nodes.size()) - 1;
    }
    bool deep(int depth) {
        if (depth > kMaxDepth) m_ok = false;
        return !m_ok;
    }

    int ternary(int depth) {
        if (deep(depth)) return -1;
        const int condition = binary(0, depth);
        if (!take("?")) return condition;
        const int then = ternary(depth + 1);
        if (!take(":")) m_ok = false;
        const int otherwise = ternary(depth + 1);
        return add(Op::If, condition, then, otherwise);
    }

    // The binary operators by C's precedence, loosest first.
    struct Level {
        std::vector<std::pair<std::string_view, Op>> ops;
    };
    static const std::vector<Level>& levels() {
        static const std::vector<Level> all{
            {{{"||", Op::Or}}},
            {{{"&&", Op::And}}},
            {{{"==", Op::Eq}, {"!=", Op::NotEq}}},
            {{{"<=", Op::LessEq}, {">=", Op::GreaterEq}, {"<", Op::Less}, {">", Op::Greater}}},
            {{{"+", Op::Add}, {"-", Op::Sub}}},
            {{{"*", Op::Mul}, {"/", Op::Div}, {"%", Op::Mod}}},
        };
        return all;
    }

    int binary(size_t level, int depth) {
        if (level == levels().size()) return unary(depth);
        int left = binary(level + 1, depth);
        for (bool more = true; more && m_ok;) {
            more = false;
            for (const auto& [token, op] : levels()[level].ops)
                if (take(token)) {
                    left = add(op, left, binary(level + 1, depth));
                    more = true;
                    break;
                }
        }
        return left;
    }

    int unary(int depth) {
        if (deep(depth)) return -1;
        if (take("!")) return add(Op::Not, unary(depth + 1));
        if (take("(")) {
            const int inner = ternary(depth + 1);
            if (!take(")")) m_ok = false;
            return inner;
        }
        skipSpace();
        if (m_at < m_text.size() && m_text[m_at] == 'n') {
            ++m_at;
            return add(Op::N);
        }
        std::uint64_t value = 0;
        const size_t start = m_at;
        while (m_at < m_text.size() && std::isdigit(static_cast<unsigned char>(m_text[m_at])) && m_at - start < 9)
            value = value * 10 + static_cast<std::uint64_t>(m_text[m_at++] - '0');
        if (m_at == start) m_ok = false;
        return add(Op::Number, -1, -1, -1, value);
    }

    std::string_view m_text;
    size_t m_at = 0;
    bool m_ok = true;
};

// Operands always come before their node, so one pass from the first node computes every value.
std::uint64_t evaluate(const std::vector<Node>& nodes, std::uint64_t n) {
    std::vector<std::uint64_t> v(nodes.size());
    for (size_t i = 0; i < nodes.size(); ++i) {
        const Node& x = nodes[i];
        const std::uint64_t a = x.a >= 0 ? v[static_cast<size_t>(x.a)] : 0;
        const std::uint64_t b = x.b >= 0 ? v[static_cast<size_t>(x.b)] : 0;
        switch (x.op) {
        case Op::N: v[i] = n; break;
        case Op::Number: v[i] = x.value; break;
        case Op::Not: v[i] = !a; break;
        case Op::Mul: v[i] = a * b; break;
        case Op::Div: v[i] = b ? a / b : 0; break;
        case Op::Mod: v[i] = b ? a % b : 0; break;
        case Op::Add: v[i] = a + b; break;
        case Op::Sub: v[i] = a - b; break;
        case Op::Less: v[i] = a < b; break;
        case Op::LessEq: v[i] = a <= b; break;
        case Op::Greater: v[i] = a > b; break;
        case Op::GreaterEq: v[i] = a >= b; break;
        case Op::Eq: v[i] = a == b; break;
        case Op::NotEq: v[i] = a != b; break;
        case Op::And: v[i] = a && b; break;
        case Op::Or: v[i] = a || b; break;
        case Op::If: v[i] = a ? b : v[static_cast<size_t>(x.c)]; break;
        }
    }
    return v.empty() ? 0 : v.back();
}

// The value after `name=` up to the next ';' (or the end).
std::optional<std::string_view> field(std::string_view header, std::string_view name) {
    for (size_t at = header.find(name); at != std::string_view::npos; at = header.find(name, at + 1)) {
        if (at > 0 && std::isalpha(static_cast<unsigned char>(header[at - 1]))) continue;
        size_t equals = at + name.size();
        while (equals < header.size() && header[equals] == ' ') ++equals;
        if (equals >= header.size() || header[equals] != '=') continue;
        std::string_view value = header.substr(equals + 1);
        return value.substr(0, value.find(';'));
    }
    return std::nullopt;
}

}  // namespace

PluralRule::PluralRule() {
    static const auto germanic = [] {
        Parser parser("n != 1");
        parser.parse();
        return std::make_shared<const std::vector<Node>>(std::move(parser.nodes));
    }();
    m_nodes = germanic;
}

std::optional<PluralRule> PluralRule::parse(std::string_view header) {
    const auto count = field(header, "nplurals");
    const auto expression = field(header, "plural");
    if (!count || !expression) return std::nullopt;
    std::string digits(*count);
    while (!digits.empty() && digits.front() == ' ') digits.erase(digits.begin());
    while (!digits.empty() && digits.back() == ' ') digits.pop_back();
    if (digits.empty() || digits.size() > 2 || digits.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    const int forms = std::stoi(digits);
    if (forms < 1) return std::nullopt;
    Parser parser(*expression);
    const int root = parser.parse();
    if (root < 0 || root != static_cast<int>(parser.nodes.size()) - 1) return std::nullopt;
    PluralRule rule;
    rule.m_forms = forms;
    rule.m_nodes = std::make_shared<const std::vector<Node>>(std::move(parser.nodes));
    return rule;
}

int PluralRule::formFor(std::uint64_t n) const {
    const std::uint64_t form = evaluate(*m_nodes, n);
    return form < static_cast<std::uint64_t>(m_forms) ? static_cast<int>(form) : m_forms - 1;
}

}  // namespace kiosk::core
