// Unit tests for core::Codes, the catalog's lists of short codes (life stages, topics, languages):
// kept once per process, read without a lock while another thread (a content build) makes new ones.
#include "kiosk/core/codes.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

using namespace kiosk::core;

TEST_CASE("a list of codes is a value: changing a copy leaves lists equal to the original alone", "[codes]") {
    Codes languages{"de", "en"};
    Codes same = std::vector<std::string>{"de", "en"};
    CHECK(same == languages);
    Codes more = languages;
    more.push_back("tr");
    CHECK(more == std::vector<std::string>{"de", "en", "tr"});
    CHECK(languages == std::vector<std::string>{"de", "en"});
    CHECK(same == std::vector<std::string>{"de", "en"});
    CHECK_FALSE(more == languages);
    // The order counts: a life stage's first topic is its main one.
    CHECK_FALSE(Codes({"en", "de"}) == languages);
    more.clear();
    CHECK(more.empty());
    CHECK(more == Codes{});
    CHECK(more.begin() == more.end());
}

// A content build on a second thread makes codes and lists while the screens read the ones they
// have: each reader sees every text it was given, and a text is one number whoever made it first.
TEST_CASE("codes made on one thread while others read and make codes are all read back whole", "[codes]") {
    constexpr int kCodes = 2000;
    const Codes shared{"shared-de", "shared-en", "shared-tr"};
    std::vector<uint32_t> numbersA(kCodes), numbersB(kCodes);
    std::vector<Codes> listsA(kCodes);
    std::atomic<int> publishedA{0};
    std::atomic<bool> readerSawWrongText{false};

    std::thread writerA([&] {
        for (int i = 0; i < kCodes; ++i) {
            numbersA[i] = internCode("concurrent-" + std::to_string(i));
            listsA[i] = Codes{"shared-de", "concurrent-" + std::to_string(i)};
            publishedA.store(i + 1, std::memory_order_release);
        }
    });
    std::thread writerB([&] {  // the same texts from the other end, and lists of its own
        for (int i = kCodes - 1; i >= 0; --i) {
            numbersB[i] = internCode("concurrent-" + std::to_string(i));
            Codes list = shared;
            list.push_back("concurrent-" + std::to_string(i));
        }
    });
    std::thread reader([&] {  // a screen drawing what it was handed
        int seen = 0;
        while (seen < kCodes) {
            const int now = publishedA.load(std::memory_order_acquire);
            for (int i = seen; i < now; ++i) {
                const std::string expected = "concurrent-" + std::to_string(i);
                if (codeText(numbersA[i]) != expected || listsA[i].size() != 2 || listsA[i][1] != expected ||
                    listsA[i][0] != "shared-de" || shared.back() != "shared-tr")
                    readerSawWrongText = true;
            }
            seen = now;
        }
    });
    writerA.join();
    writerB.join();
    reader.join();

    CHECK_FALSE(readerSawWrongText);
    CHECK(numbersA == numbersB);
    for (int i = 0; i < kCodes; i += 97) CHECK(codeText(numbersA[i]) == "concurrent-" + std::to_string(i));
    Codes again = shared;
    again.push_back("concurrent-5");
    CHECK(again == std::vector<std::string>{"shared-de", "shared-en", "shared-tr", "concurrent-5"});
    CHECK(shared == std::vector<std::string>{"shared-de", "shared-en", "shared-tr"});
}

// Codes are made as content is read, before its check: a source naming 70,000 unknown topics, or an
// editor or fuzzer reading content after content, makes more codes than 16 bits count (the limit
// before, where the 65,537th code threw out of the content check).
TEST_CASE("more than 65,536 different codes are each given a number and read back", "[codes]") {
    constexpr int kCodes = 70'000;
    std::vector<uint32_t> numbers(kCodes);
    for (int i = 0; i < kCodes; ++i) numbers[i] = internCode("many-" + std::to_string(i));
    for (int i = 0; i < kCodes; i += 7) CHECK(codeText(numbers[i]) == "many-" + std::to_string(i));
    CHECK(internCode("many-69999") == numbers[69'999]);
    const Codes last{"many-0", "many-69999"};
    CHECK(last == std::vector<std::string>{"many-0", "many-69999"});
}
