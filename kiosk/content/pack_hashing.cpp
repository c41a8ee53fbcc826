// BLAKE2b through libsodium; the parallel hasher's worker thread.
#include "kiosk/content/pack_hashing.hpp"

#include <sodium.h>

#include <stdexcept>

namespace kiosk::content {

void initSodium() {
    static const bool ready = sodium_init() >= 0;
    if (!ready) throw std::runtime_error("libsodium cannot be initialised");
}

std::string toHex(const unsigned char* data, std::size_t size) {
    std::string hex(size * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), data, size);
    hex.pop_back();
    return hex;
}

std::string blake2bHex(std::string_view data) {
    initSodium();
    unsigned char hash[crypto_generichash_BYTES];
    crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(data.data()), data.size(), nullptr, 0);
    return toHex(hash, sizeof hash);
}

Blake2b::Blake2b() : m_state(std::make_unique<crypto_generichash_state>()) {
    crypto_generichash_init(m_state.get(), nullptr, 0, crypto_generichash_BYTES);
}

Blake2b::~Blake2b() = default;

void Blake2b::update(const char* data, std::size_t size) {
    crypto_generichash_update(m_state.get(), reinterpret_cast<const unsigned char*>(data), size);
}

std::string Blake2b::hex() {
    unsigned char hash[crypto_generichash_BYTES];
    crypto_generichash_final(m_state.get(), hash, sizeof hash);
    crypto_generichash_init(m_state.get(), nullptr, 0, crypto_generichash_BYTES);
    return toHex(hash, sizeof hash);
}

ParallelHasher::ParallelHasher(std::size_t bufferSize, std::size_t buffers) : m_buffers(buffers) {
    for (std::size_t i = 0; i < buffers; ++i) {
        m_buffers[i].resize(bufferSize);
        m_free.push_back(i);
    }
    m_worker = std::thread([this] { run(); });
}

ParallelHasher::~ParallelHasher() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    m_worker.join();
}

std::size_t ParallelHasher::acquire() {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return !m_free.empty(); });
    const std::size_t index = m_free.back();
    m_free.pop_back();
    return index;
}

void ParallelHasher::finish() {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_work.empty() && !m_busy; });
}

void ParallelHasher::push(Piece piece) {
    {
        std::lock_guard lock(m_mutex);
        m_work.push_back(piece);
    }
    m_changed.notify_all();
}

void ParallelHasher::run() {
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_changed.wait(lock, [&] { return m_stop || !m_work.empty(); });
        if (m_stop) return;
        const Piece piece = m_work.front();
        m_work.pop_front();
        m_busy = true;
        lock.unlock();
        if (piece.fileEnd)
            *piece.fileEnd = m_hash.hex();
        else
            m_hash.update(m_buffers[piece.buffer].data(), piece.size);
        lock.lock();
        if (!piece.fileEnd) m_free.push_back(piece.buffer);
        m_busy = false;
        m_changed.notify_all();
    }
}

}  // namespace kiosk::content
