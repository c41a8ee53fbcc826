// Search: FTS5 prefix queries, typo repair through a trigram index of the content's words, synonyms.
#include "kiosk/content/search.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <unordered_map>

namespace kiosk::content {
namespace {

std::u32string decode(std::string_view text) {
    std::u32string out;
    for (size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        int length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (length == 0 || i + length > text.size()) {  // not UTF-8: skip the byte
            ++i;
            continue;
        }
        char32_t code = length == 1 ? c : c & (0x7F >> length);
        for (int k = 1; k < length; ++k) code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        out.push_back(code);
        i += length;
    }
    return out;
}

std::string encode(std::u32string_view text) {
    std::string out;
    for (char32_t c : text) {
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
        } else if (c < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (c >> 6)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else if (c < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (c >> 12)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (c >> 18)));
            out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        }
    }
    return out;
}

// Lower case without accents, for the scripts of the kiosk's languages (the index's
// "unicode61 remove_diacritics 2" does the same inside SQLite).
char32_t fold(char32_t c) {
    if (c >= 'A' && c <= 'Z') return c + 32;
    if (c < 0xC0) return c;
    if (c <= 0x24F) {
        static const std::u32string_view latin1 =  // U+00C0..U+00FF
            U"aaaaaaaceeeeiiiidnooooo×ouuuuyþßaaaaaaaceeeeiiiiðnooooo÷ouuuuyþy";
        if (c <= 0xFF) return latin1[c - 0xC0];
        switch (c) {
        case 0x11E: case 0x11F: return 'g';
        case 0x15E: case 0x15F: return 's';
        case 0x130: return 'i';
        case 0x131: return 0x131;  // Turkish dotless i stays a letter of its own
        default: return (c & 1) ? c : c + 1;  // Latin Extended-A pairs: upper case is even
        }
    }
    if (c >= 0x410 && c <= 0x42F) return c + 0x20;  // Cyrillic А..Я
    if (c >= 0x400 && c <= 0x40F) return c + 0x50;  // Ѐ..Џ
    return c;
}

bool isWordCharacter(char32_t c) {
    if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (c == 0xAB || c == 0xBB || c == 0xB7 || c == 0xD7 || c == 0xF7) return false;  // « » · × ÷
    if (c >= 0x2000 && c <= 0x206F) return false;  // dashes, quotes, spaces
    if (c == 0x60C || c == 0x61B || c == 0x61F) return false;  // Arabic comma, semicolon, question mark
    return true;
}

constexpr size_t kCandidatesPerTier = 150;

std::string quoted(const std::string& term) {
    std::string out = "\"";
    for (char c : term) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

}  // namespace

std::vector<std::string> searchWords(std::string_view text) {
    std::vector<std::string> words;
    std::u32string word;
    for (char32_t c : decode(text) + U" ") {
        if (isWordCharacter(c)) {
            word.push_back(fold(c));
        } else if (!word.empty()) {
            words.push_back(encode(word));
            word.clear();
        }
    }
    return words;
}

int editDistance(std::string_view aText, std::string_view bText) {
    const std::u32string a = decode(aText), b = decode(bText);
    // Damerau-Levenshtein (optimal string alignment) over three rows.
    std::vector<int> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) previous[j] = static_cast<int>(j);
    for (size_t i = 1; i <= a.size(); ++i) {
        current[0] = static_cast<int>(i);
        for (size_t j = 1; j <= b.size(); ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                current[j] = std::min(current[j], before[j - 2] + 1);
        }
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return previous[b.size()];
}

Search::Search(const std::filesystem::path& database) {
    try {
        m_db = std::make_unique<SQLite::Database>(database.string(), SQLite::OPEN_READONLY);
        // Large content is read through the page cache, not copied into the kiosk's memory.
        m_db->exec("PRAGMA mmap_size = 1073741824");
        m_query = std::make_unique<SQLite::Statement>(
            *m_db, "SELECT rowid, bm25(search, 10.0, 6.0, 3.0, 2.0, 1.0) FROM search "
                   "WHERE search MATCH ? AND (rowid & 63) IN (?, ?) LIMIT ?");
        SQLite::Statement offers(*m_db, "SELECT id, position FROM offer ORDER BY position");
        while (offers.executeStep()) {
            const auto position = static_cast<size_t>(offers.getColumn(1).getInt64());
            if (position >= m_offers.size()) m_offers.resize(position + 1);
            m_offers[position] = offers.getColumn(0).getString();
        }
        SQLite::Statement languages(*m_db, "SELECT code, number FROM search_language");
        while (languages.executeStep()) m_languages[languages.getColumn(0).getString()] = languages.getColumn(1).getInt64();
        m_hasPrefix = std::make_unique<SQLite::Statement>(*m_db, "SELECT 1 FROM search WHERE search MATCH ? LIMIT 1");
        m_trigrams = std::make_unique<SQLite::Statement>(
            *m_db, "SELECT term FROM search_trigrams WHERE search_trigrams MATCH ? ORDER BY rank LIMIT 60");
        SQLite::Statement synonyms(*m_db, "SELECT language, word, also FROM synonym ORDER BY position");
        while (synonyms.executeStep()) {
            const auto words = searchWords(synonyms.getColumn(1).getString());
            if (words.size() != 1) continue;  // a phrase as the searched word: never typed as one word
            m_synonyms[synonyms.getColumn(0).getString() + ":" + words.front()].push_back(
                synonyms.getColumn(2).getString());
        }
    } catch (const std::exception& e) {
        spdlog::error("search: the index of {} cannot be used: {}", database.string(), e.what());
        m_query.reset();
        m_hasPrefix.reset();
        m_trigrams.reset();
        m_db.reset();
    }
}

Search::~Search() noexcept = default;

std::vector<std::string> Search::closeTerms(const std::string& word) {
    const std::u32string letters = decode(word);
    if (letters.size() < 4) return {};
    std::string trigrams;
    for (size_t i = 0; i + 3 <= letters.size(); ++i)
        trigrams += (trigrams.empty() ? "" : " OR ") + quoted(encode(letters.substr(i, 3)));
    const int allowed = letters.size() < 7 ? 1 : 2;
    std::vector<std::pair<int, std::string>> close;
    m_trigrams->bind(1, trigrams);
    while (m_trigrams->executeStep()) {
        std::string term = m_trigrams->getColumn(0).getString();
        // The whole word, or its start as far as the family has typed (one letter more or less).
        int distance = editDistance(word, term);
        const std::u32string termLetters = decode(term);
        for (size_t length : {letters.size() - 1, letters.size(), letters.size() + 1})
            if (length < termLetters.size())
                distance = std::min(distance, editDistance(word, encode(termLetters.substr(0, length))));
        if (distance <= allowed) close.emplace_back(distance, std::move(term));
    }
    m_trigrams->reset();
    // Only the closest spellings: "kindergled" is "kindergeld", not also "kinderkleidung".
    std::stable_sort(close.begin(), close.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string> terms;
    for (size_t i = 0; i < close.size() && i < 8 && close[i].first == close.front().first; ++i)
        terms.push_back(close[i].second);
    return terms;
}

std::string Search::termsFor(const std::string& word, std::string_view language) {
    std::vector<std::string> words{word};
    m_hasPrefix->bind(1, quoted(word) + "*");
    const bool known = m_hasPrefix->executeStep();
    m_hasPrefix->reset();
    std::string terms = quoted(word) + "*";
    if (!known)
        for (const auto& term : closeTerms(word)) {
            terms += " OR " + quoted(term);
            words.push_back(term);
        }
    for (const auto& w : words)
        for (const std::string_view lang : {language, std::string_view("de")}) {
            auto it = m_synonyms.find(std::string(lang) + ":" + w);
            if (it == m_synonyms.end()) continue;
            for (const auto& also : it->second) terms += " OR " + quoted(also);
            if (lang == "de") break;
        }
    return "(" + terms + ")";
}

std::vector<std::string> Search::find(std::string_view text, std::string_view language, size_t limit) {
    std::vector<std::string> ids;
    if (!m_db) return ids;
    const auto words = searchWords(text);
    if (words.empty()) return ids;
    try {
        std::string match;
        for (const auto& word : words) match += (match.empty() ? "" : " AND ") + termsFor(word, language);
        // Rows in the family's language and in German; an offer counts with its best row.
        struct Hit {
            double score;
            int64_t position;
        };
        std::unordered_map<int64_t, Hit> best;  // by offer position
        const auto number = [&](std::string_view code) {
            auto it = m_languages.find(code);
            return it == m_languages.end() ? int64_t{-1} : it->second;
        };
        // Ranking every match of a common word in large content takes too long for typing, so the
        // candidates come in tiers (title, then keywords and topics, then everything), each the first
        // matches in content order, and bm25 ranks those. Small content is ranked whole.
        for (const char* columns : {"{title}", "{keywords topics}", ""}) {
            m_query->bind(1, std::string(columns) + (*columns ? " : (" : "(") + match + ")");
            m_query->bind(2, number(language));
            m_query->bind(3, number("de"));
            m_query->bind(4, static_cast<int64_t>(kCandidatesPerTier));
            while (m_query->executeStep()) {
                const int64_t position = m_query->getColumn(0).getInt64() / 64;
                const Hit hit{m_query->getColumn(1).getDouble(), position};
                auto [it, inserted] = best.emplace(position, hit);
                if (!inserted) it->second.score = std::min(it->second.score, hit.score);
            }
            m_query->reset();
            if (best.size() >= kCandidatesPerTier) break;
        }
        m_query->reset();
        std::vector<std::pair<Hit, int64_t>> ranked;
        ranked.reserve(best.size());
        for (auto& [position, hit] : best) ranked.emplace_back(hit, position);
        std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
            return a.first.score != b.first.score ? a.first.score < b.first.score
                                                  : a.first.position < b.first.position;
        });
        for (size_t i = 0; i < ranked.size() && ids.size() < limit; ++i)
            if (static_cast<size_t>(ranked[i].second) < m_offers.size()) ids.push_back(m_offers[static_cast<size_t>(ranked[i].second)]);
    } catch (const std::exception& e) {
        m_query->reset();
        // Not SQLite's message: it may quote the family's words.
        spdlog::error("search: a query failed in the full-text index");
        ids.clear();
    }
    return ids;
}

}  // namespace kiosk::content
