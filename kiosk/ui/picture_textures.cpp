// The pictures' textures: a small LRU over what the screen draws.
#include "kiosk/ui/picture_textures.hpp"

#include "kiosk/picture/picture.hpp"

#include <spdlog/spdlog.h>

namespace kiosk::ui {

const Texture* PictureTextures::get(const std::filesystem::path& file) {
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it)
        if (it->file == file) {
            it->frame = m_frame;
            m_entries.splice(m_entries.begin(), m_entries, it);
            return &m_entries.front().texture;
        }
    if (m_broken.count(file)) return nullptr;
    if (m_entries.size() >= kCapacity) {
        // The least recently drawn, unless this frame drew it (its texture is in the frame's draw data).
        if (m_entries.back().frame == m_frame) return nullptr;
        m_entries.pop_back();
    }
    auto decoded = picture::readPicture(file, file.filename().string());
    std::optional<Texture> texture;
    if (decoded) texture = Texture::fromRgba(decoded->width, decoded->height, decoded->rgba);
    if (!texture) {  // once per file: the log says why, the screen shows no picture
        m_broken.insert(file);
        spdlog::warn("picture {} not shown: {}", file.string(),
                     decoded ? "the GL could not make its texture" : decoded.problem().logLine());
        return nullptr;
    }
    ++m_made;
    m_entries.push_front(Entry{file, std::move(*texture), m_frame});
    return &m_entries.front().texture;
}

void PictureTextures::endFrame() {
    m_entries.remove_if([&](const Entry& entry) { return entry.frame != m_frame; });
    ++m_frame;
}

void PictureTextures::clear() {
    m_entries.clear();
    m_broken.clear();
}

}  // namespace kiosk::ui
