// Content pictures (a practice's image) as textures, for what is on screen only.
#pragma once

#include "kiosk/ui/texture.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <list>
#include <optional>
#include <set>

namespace kiosk::ui {

// Made on first use from the file (read and decoded within kiosk/picture's bounds) and kept while
// drawn: at the end of each frame the textures not drawn in it (scrolled away, another screen)
// are freed. At most kCapacity live at once; when a new one would be more, the least recently
// drawn that this frame has not used goes. A file that cannot be shown (missing, damaged, too
// large) is remembered and shows nothing: never a crash, never decoded again each frame.
class PictureTextures {
public:
    static constexpr std::size_t kCapacity = 12;

    // The texture of `file`, or null when it cannot be shown now.
    const Texture* get(const std::filesystem::path& file);
    // Call after the frame's draw data was rendered: frees what this frame did not draw.
    void endFrame();
    // New content: everything goes, the list of broken files too.
    void clear();

    std::size_t size() const { return m_entries.size(); }  // textures alive
    std::uint64_t made() const { return m_made; }         // textures made so far (for tests)

private:
    struct Entry {
        std::filesystem::path file;
        Texture texture;
        std::uint64_t frame = 0;  // drawn last in this frame
    };
    std::list<Entry> m_entries;  // most recently drawn first
    std::set<std::filesystem::path> m_broken;
    std::uint64_t m_frame = 1;
    std::uint64_t m_made = 0;
};

}  // namespace kiosk::ui
