// BLAKE2b-256 (libsodium) of a pack's files: at once for small data, piece by piece for a file,
// and on a second core while an import unpacks.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

struct crypto_generichash_blake2b_state;  // libsodium's, kept out of this header

namespace kiosk::content {

// Makes libsodium ready (once); throws std::runtime_error when it cannot be.
void initSodium();

std::string toHex(const unsigned char* data, std::size_t size);
std::string blake2bHex(std::string_view data);

// The hash of data that comes in pieces.
class Blake2b {
public:
    Blake2b();
    ~Blake2b();
    Blake2b(const Blake2b&) = delete;
    Blake2b& operator=(const Blake2b&) = delete;
    void update(const char* data, std::size_t size);
    std::string hex();  // the hash of everything so far; starts anew

private:
    std::unique_ptr<crypto_generichash_blake2b_state> m_state;
};

// BLAKE2b of the payload on a second core while the first decompresses and writes it: hashing on
// the same core took a quarter of an import. Buffers go round: acquire, fill, submit; the hash of
// each file is ready once finish() returns.
class ParallelHasher {
public:
    explicit ParallelHasher(std::size_t bufferSize, std::size_t buffers = 4);
    ~ParallelHasher();
    ParallelHasher(const ParallelHasher&) = delete;
    ParallelHasher& operator=(const ParallelHasher&) = delete;

    // A free buffer's number; waits while all are being hashed.
    std::size_t acquire();
    std::vector<char>& buffer(std::size_t index) { return m_buffers[index]; }
    // Hashes the first `size` bytes of the buffer as the next piece of the current file.
    void submit(std::size_t index, std::size_t size) { push({index, size, nullptr}); }
    // Ends the current file; its hash (hex) goes to `*hex`, which must live until finish().
    void endFile(std::string* hex) { push({0, 0, hex}); }
    // Waits until every piece submitted is hashed.
    void finish();

private:
    struct Piece {
        std::size_t buffer;
        std::size_t size;
        std::string* fileEnd;  // not null: the end of a file
    };
    void push(Piece piece);
    void run();

    std::vector<std::vector<char>> m_buffers;
    std::vector<std::size_t> m_free;
    std::deque<Piece> m_work;
    bool m_busy = false;
    bool m_stop = false;
    Blake2b m_hash;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::thread m_worker;
};

}  // namespace kiosk::content
