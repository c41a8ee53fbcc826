// The editor's spoken explanations: the note make-audio leaves beside a file tells a stale file, a
// recording is taken into the content folder.
#include "kiosk/editing/spoken_audio.hpp"
#include "tests/editor/editor_test_support.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace kiosk::editing;
namespace fs = std::filesystem;

namespace {
using kiosk::test::readFile;
using Folder = kiosk::test::TempFolder;
}  // namespace

TEST_CASE("the hash of a spoken text is the one make-audio notes (b2sum -l 256)", "[editing][audio]") {
    // printf '%s' 'Hallo Welt' | b2sum -l 256
    CHECK(spokenHash("Hallo Welt") == "65269f6e2a708c4a2749532fa9ef2243eb370cf2703d7c7f893395a1b3b60538");
    CHECK(spokenNote("audio/de/kindergeld.ogg") == fs::path("audio/de/.kindergeld.ogg.spoken"));
}

TEST_CASE("a sound file is current for the text it was made for and stale once the text changed", "[editing][audio]") {
    const Folder folder{"kiosk-spoken-test"};
    const fs::path file = folder.path() / "kindergeld.ogg";
    std::ofstream(file) << "OggS";
    CHECK(audioAge(file, "Kindergeld. Geld für jedes Kind.") == AudioAge::Unknown);  // no note: a recording
    REQUIRE(noteSpokenText(file, "Kindergeld. Geld für jedes Kind."));
    CHECK(audioAge(file, "Kindergeld. Geld für jedes Kind.") == AudioAge::Current);
    CHECK(audioAge(file, "Kindergeld. Geld für jedes Kind, jeden Monat.") == AudioAge::Stale);
}

TEST_CASE("a recording is copied into the content's audio folder, other files are refused", "[editing][audio]") {
    const Folder folder{"kiosk-spoken-test"};
    const fs::path recording = folder.path() / "aufnahme.wav";
    std::ofstream(recording, std::ios::binary) << "RIFF....WAVE";
    const auto taken = takeRecording(folder.path() / "content", recording, "tr", "kindergeld");
    REQUIRE(taken);
    CHECK(*taken == "audio/tr/kindergeld.wav");
    CHECK(readFile(folder.path() / "content" / *taken) == "RIFF....WAVE");

    std::ofstream(folder.path() / "lied.mp3") << "ID3";
    const auto refused = takeRecording(folder.path() / "content", folder.path() / "lied.mp3", "tr", "kindergeld");
    REQUIRE_FALSE(refused);
    CHECK(refused.problem().is(AudioProblem::NotASoundFile));
    CHECK_FALSE(takeRecording(folder.path() / "content", folder.path() / "fehlt.ogg", "tr", "kindergeld"));
}
