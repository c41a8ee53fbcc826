// Search: FTS5 queries of the typed words' completions, typo repair through a trigram index of the
// content's words, synonyms, and bm25 ranking with the words' rarity looked up rather than counted.
#include "kiosk/content/search.hpp"

#include "kiosk/core/localized_text.hpp"
#include "kiosk/core/utf8.hpp"

#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <unordered_map>

namespace kiosk::content {
namespace {

// Letters of typed or stored text; a byte that is not UTF-8 is left out, as before the index saw it.
std::u32string decode(std::string_view text) { return core::decodeUtf8(text, core::InvalidBytes::Skip); }

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
    // Arabic-Indic and Eastern Arabic-Indic digits (the Arabic keyboard's) are the content's 0-9.
    if (c >= 0x660 && c <= 0x669) return U'0' + (c - 0x660);
    if (c >= 0x6F0 && c <= 0x6F9) return U'0' + (c - 0x6F0);
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
// A search row's id: the language's number above this many bits, the offer's position below.
constexpr int kLanguageShift = 32;
constexpr int64_t kPositionMask = (int64_t{1} << kLanguageShift) - 1;
// A word's start is searched as its completions, each a term of its own: FTS5 reads those lazily
// and stops at the LIMIT, where a prefix phrase ("kind"*) merges every row of every completion
// first. More completions than this: a start of 2 letters or more becomes a prefix phrase (for 2
// and 3 letters common; the index has no prefix indexes since schema 7, which cost a third of its
// build: at 10,000 offers such a start takes about 1.3 ms of CPU instead of 0.7), a single letter its
// most frequent completions (nobody means all words with "k").
constexpr size_t kMaxCompletions = 32;

// bm25 exactly as FTS5's own (k1 = 1.2, b = 0.75, weights per column from the arguments), but the
// rows each phrase is in (in the tier's columns) come from the query's Phrases (the function's user
// data, looked up in search_word) instead of a pass over the whole index per phrase and query, which
// was most of the time of a frequent word; and the completions of one typed start count as one
// phrase, as the prefix phrase they replace did (its rows: the sum of theirs, a little more than
// bm25 would count).
void rankFunction(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* result, int argc,
                  sqlite3_value** argv) {
    const auto* phrases = static_cast<const Search::Phrases*>(api->xUserData(fts));
    const int phraseCount = api->xPhraseCount(fts);
    if (!phrases || phrases->alternative.size() != static_cast<size_t>(phraseCount)) {
        sqlite3_result_error(result, "kiosk_rank: the query's phrases are missing", -1);
        return;
    }
    sqlite3_int64 rowCount = 0, tokenCount = 0;
    int instances = 0, rowTokens = 0;
    int rc = api->xRowCount(fts, &rowCount);
    if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokenCount);
    if (rc == SQLITE_OK) rc = api->xInstCount(fts, &instances);
    thread_local std::vector<double> frequency;
    frequency.assign(phrases->rows.size(), 0.0);
    for (int i = 0; i < instances && rc == SQLITE_OK; ++i) {
        int phrase = 0, column = 0, offset = 0;
        rc = api->xInst(fts, i, &phrase, &column, &offset);
        if (rc != SQLITE_OK) break;
        const double weight = column < argc ? sqlite3_value_double(argv[column]) : 1.0;
        frequency[static_cast<size_t>(phrases->alternative[static_cast<size_t>(phrase)])] += weight;
    }
    if (rc == SQLITE_OK) rc = api->xColumnSize(fts, -1, &rowTokens);
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(result, rc);
        return;
    }
    constexpr double k1 = 1.2, b = 0.75;
    const double rows = static_cast<double>(std::max<sqlite3_int64>(rowCount, 1));
    const double averageTokens = static_cast<double>(tokenCount) / rows;
    double score = 0;
    for (size_t a = 0; a < frequency.size(); ++a) {
        const double hits = std::min(phrases->rows[a][phrases->tier], rows);
        double idf = std::log((rows - hits + 0.5) / (hits + 0.5));
        if (idf <= 0.0) idf = 1e-6;
        score += idf * (frequency[a] * (k1 + 1.0)) /
                 (frequency[a] + k1 * (1 - b + b * static_cast<double>(rowTokens) / averageTokens));
    }
    sqlite3_result_double(result, -score);
}

// `kiosk_rank` on this connection, reading the phrases of the query being run.
void registerRanking(SQLite::Database& db, Search::Phrases* phrases) {
    fts5_api* api = nullptr;
    sqlite3_stmt* query = nullptr;
    if (sqlite3_prepare_v2(db.getHandle(), "SELECT fts5(?1)", -1, &query, nullptr) == SQLITE_OK) {
        sqlite3_bind_pointer(query, 1, &api, "fts5_api_ptr", nullptr);
        sqlite3_step(query);
    }
    sqlite3_finalize(query);
    if (!api || api->iVersion < 2 || api->xCreateFunction(api, "kiosk_rank", phrases, &rankFunction, nullptr) != SQLITE_OK)
        throw std::runtime_error("FTS5 takes no ranking function");
}

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
            words.push_back(core::encodeUtf8(word));
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
        registerRanking(*m_db, &m_phrases);
        m_query = std::make_unique<SQLite::Statement>(
            *m_db, "SELECT rowid, kiosk_rank(search, 10.0, 6.0, 3.0, 2.0, 1.0) FROM search "
                   "WHERE search MATCH ?1 AND rowid BETWEEN ?2 AND ?3 LIMIT ?4");
        SQLite::Statement offers(*m_db, "SELECT id, position FROM offer ORDER BY position");
        while (offers.executeStep()) {
            const auto position = static_cast<size_t>(offers.getColumn(1).getInt64());
            while (m_offerStarts.size() <= position) m_offerStarts.push_back(static_cast<uint32_t>(m_offerIds.size()));
            m_offerIds += offers.getColumn(0).getText();
        }
        m_offerStarts.push_back(static_cast<uint32_t>(m_offerIds.size()));
        SQLite::Statement languages(*m_db, "SELECT code, number FROM search_language");
        while (languages.executeStep()) m_languages[languages.getColumn(0).getString()] = languages.getColumn(1).getInt64();
        m_completions = std::make_unique<SQLite::Statement>(
            *m_db, "SELECT term, title_rows, tag_rows, rows FROM search_word WHERE term >= ?1 AND term < ?2");
        m_wordRows = std::make_unique<SQLite::Statement>(*m_db, "SELECT title_rows, tag_rows, rows FROM search_word WHERE term = ?");
        m_trigrams = std::make_unique<SQLite::Statement>(
            *m_db, "SELECT term FROM search_trigrams WHERE search_trigrams MATCH ? ORDER BY rank LIMIT 60");
        SQLite::Statement synonyms(*m_db, "SELECT language, word, also FROM synonym ORDER BY position");
        while (synonyms.executeStep()) {
            const auto words = searchWords(synonyms.getColumn(1).getString());
            if (words.size() != 1) continue;  // a phrase as the searched word: never typed as one word
            m_synonyms[synonyms.getColumn(0).getString() + ":" + words.front()].push_back(
                synonyms.getColumn(2).getString());
        }
        // The index is read through the page cache, not copied into the kiosk's memory; only now: the
        // offer table's pages lie scattered in the file, and each page read through the mapping would
        // map its neighbours too (the kernel's fault-around), some 20 MiB at 10,000 offers.
        m_db->exec("PRAGMA mmap_size = 1073741824");
        // Reading the ids above filled the page cache with the whole offer table (1.5 MiB at 10,000
        // offers), which the mapping serves from now on: given back.
        m_db->exec("PRAGMA shrink_memory");
    } catch (const std::exception& e) {
        spdlog::error("search: the index of {} cannot be used: {}", database.string(), e.what());
        m_query.reset();
        m_completions.reset();
        m_wordRows.reset();
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
        trigrams += (trigrams.empty() ? "" : " OR ") + quoted(core::encodeUtf8(letters.substr(i, 3)));
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
                distance = std::min(distance, editDistance(word, core::encodeUtf8(termLetters.substr(0, length))));
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

std::vector<std::pair<std::string, Search::Rows>> Search::completions(const std::string& start) {
    std::vector<std::pair<std::string, Rows>> terms;
    m_completions->bind(1, start);
    m_completions->bind(2, start + "\xFF");  // after every word that starts so (no UTF-8 byte is 0xFF)
    while (m_completions->executeStep()) {
        Rows rows{};
        for (size_t tier = 0; tier < rows.size(); ++tier)
            rows[tier] = static_cast<double>(m_completions->getColumn(static_cast<int>(tier) + 1).getInt64());
        terms.emplace_back(m_completions->getColumn(0).getString(), rows);
    }
    m_completions->reset();
    return terms;
}

Search::Rows Search::phraseRows(std::string_view phrase) {
    Rows rows{};
    bool first = true;
    for (const auto& word : searchWords(phrase)) {
        m_wordRows->bind(1, word);
        const bool known = m_wordRows->executeStep();
        for (size_t tier = 0; tier < rows.size(); ++tier) {
            const double found = known ? static_cast<double>(m_wordRows->getColumn(static_cast<int>(tier)).getInt64()) : 0;
            rows[tier] = first ? found : std::min(rows[tier], found);
        }
        m_wordRows->reset();
        first = false;
    }
    return rows;
}

std::string Search::termsFor(const std::string& word, std::string_view language, Phrases& phrases) {
    std::string terms;
    // One alternative: its phrases' hits count together, its rarity is `rows`.
    const auto alternative = [&](const std::vector<std::string>& quotedPhrases, const Rows& rows) {
        for (const auto& phrase : quotedPhrases) {
            terms += (terms.empty() ? "" : " OR ") + phrase;
            phrases.alternative.push_back(static_cast<int>(phrases.rows.size()));
        }
        phrases.rows.push_back(rows);
    };
    auto found = completions(word);
    const size_t letters = decode(word).size();
    std::vector<std::string> words{word};
    if (found.empty()) {
        for (const auto& term : closeTerms(word)) {
            alternative({quoted(term)}, phraseRows(term));
            words.push_back(term);
        }
        if (terms.empty()) alternative({quoted(word)}, Rows{});  // finds nothing, and says so
    } else if (letters >= 2 && found.size() > kMaxCompletions) {
        Rows rows{};
        for (const auto& [term, count] : found)
            for (size_t tier = 0; tier < rows.size(); ++tier) rows[tier] += count[tier];
        alternative({quoted(word) + "*"}, rows);
    } else {
        if (found.size() > kMaxCompletions) {  // a single letter: its most frequent words
            std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.second[2] > b.second[2]; });
            found.resize(kMaxCompletions);
        }
        std::vector<std::string> quotedTerms;
        Rows rows{};
        for (const auto& [term, count] : found) {
            quotedTerms.push_back(quoted(term));
            for (size_t tier = 0; tier < rows.size(); ++tier) rows[tier] += count[tier];
        }
        alternative(quotedTerms, rows);
    }
    for (const auto& w : words)
        for (const std::string_view lang : {language, core::kReferenceLanguage}) {
            auto it = m_synonyms.find(std::string(lang) + ":" + w);
            if (it == m_synonyms.end()) continue;
            for (const auto& also : it->second) alternative({quoted(also)}, phraseRows(also));
            if (lang == core::kReferenceLanguage) break;
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
        m_phrases = {};
        for (const auto& word : words) match += (match.empty() ? "" : " AND ") + termsFor(word, language, m_phrases);
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
        // matches in content order per language, and bm25 ranks those, a word's rarity counted in the
        // tier's columns (a word rare in titles weighs much in the title tier). Small content is
        // ranked whole. A language's rows are one range of row ids, which FTS5 seeks to.
        std::vector<int64_t> numbers{number(language)};
        if (language != core::kReferenceLanguage) numbers.push_back(number(core::kReferenceLanguage));
        const char* tiers[] = {"{title} : (", "{keywords topics} : (", "("};
        for (size_t tier = 0; tier < std::size(tiers); ++tier) {
            m_phrases.tier = tier;
            for (const int64_t languageNumber : numbers) {
                if (languageNumber < 0) continue;
                m_query->bind(1, tiers[tier] + match + ")");
                m_query->bind(2, languageNumber << kLanguageShift);
                m_query->bind(3, ((languageNumber + 1) << kLanguageShift) - 1);
                m_query->bind(4, static_cast<int64_t>(kCandidatesPerTier));
                while (m_query->executeStep()) {
                    const int64_t position = m_query->getColumn(0).getInt64() & kPositionMask;
                    const Hit hit{m_query->getColumn(1).getDouble(), position};
                    auto [it, inserted] = best.emplace(position, hit);
                    if (!inserted) it->second.score = std::min(it->second.score, hit.score);
                }
                m_query->reset();
            }
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
            if (const auto at = static_cast<size_t>(ranked[i].second); at < m_offerStarts.size() && at + 1 < m_offerStarts.size())
                ids.emplace_back(m_offerIds, m_offerStarts[at], m_offerStarts[at + 1] - m_offerStarts[at]);
    } catch (const std::exception& e) {
        m_query->reset();
        // Not SQLite's message: it may quote the family's words.
        spdlog::error("search: a query failed in the full-text index");
        ids.clear();
    }
    return ids;
}

}  // namespace kiosk::content
