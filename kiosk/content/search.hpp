// The families' search over the content database's full-text index: as they type, with typos.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::content {

// The query's words, each lower-case and without accents (as the index folds them).
std::vector<std::string> searchWords(std::string_view text);
// Edits (insert, delete, replace, swap two neighbours) between two words, counted in characters.
int editDistance(std::string_view a, std::string_view b);

// One content database, opened read-only. Never throws: a broken index finds nothing.
// Search terms are neither logged nor kept beyond the call.
class Search {
public:
    explicit Search(const std::filesystem::path& database);
    Search(const Search&) = delete;
    Search& operator=(const Search&) = delete;
    ~Search() noexcept;

    bool ready() const { return m_db != nullptr; }
    // Offer ids, best first, for `text` in `language` and German: titles, keywords, provider,
    // municipality, topics and texts; every word also as the start of a longer one (the family is
    // typing), a word not in the content replaced by its close spellings, and synonyms added.
    std::vector<std::string> find(std::string_view text, std::string_view language, size_t limit = 40);

    // Each phrase of a full-text query with what ranks it: the alternative it belongs to (all
    // completions of a typed start are one, as a prefix phrase is) and, per alternative, the rows it
    // is in, counted in the columns each tier looks at (title; keywords and topics; all), as FTS5's
    // bm25 counts them under a column filter. The ranking function `kiosk_rank` of the Search's
    // connection reads it.
    using Rows = std::array<double, 3>;  // by tier
    struct Phrases {
        std::vector<int> alternative;  // by phrase, in the order of the query's text
        std::vector<Rows> rows;        // by alternative
        size_t tier = 2;               // of the query being run
    };

private:
    std::string termsFor(const std::string& word, std::string_view language, Phrases& phrases);
    std::vector<std::string> closeTerms(const std::string& word);
    // The content's words starting with `start`, with the rows each is in.
    std::vector<std::pair<std::string, Rows>> completions(const std::string& start);
    // The rows a phrase (of one or more words) is in at most: those of its rarest word.
    Rows phraseRows(std::string_view phrase);

    Phrases m_phrases;  // of the query being run; kiosk_rank reads it, so it outlives the connection
    std::unique_ptr<SQLite::Database> m_db;
    std::unique_ptr<SQLite::Statement> m_query, m_completions, m_wordRows, m_trigrams;
    std::map<std::string, std::vector<std::string>> m_synonyms;  // "language:word" -> what it also finds
    // The offers' ids by position (a search row id's low 32 bits), one after the other: the one at
    // position p is m_offerIds from m_offerStarts[p] to m_offerStarts[p + 1].
    std::string m_offerIds;
    std::vector<uint32_t> m_offerStarts;
    std::map<std::string, int64_t, std::less<>> m_languages;    // code -> number: a search row id's high bits
};

}  // namespace kiosk::content
