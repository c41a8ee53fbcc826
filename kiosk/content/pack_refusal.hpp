// Why a content pack is refused: one code per reason, said in the reader's language through the
// .po files (key "refusal.<name>", the values filled into its "{}" in order), in English by the
// command-line tools and the log.
#pragma once

#include "kiosk/core/problem.hpp"

#include <string_view>

namespace kiosk::content {

enum class Refusal {
    Unreadable,
    Damaged,
    NotAnArchive,
    NoManifest,
    ManifestTooLarge,
    Unsigned,
    BadSignature,
    SignatureMismatch,
    UnknownKey,
    BadManifest,
    NeedsNewerKiosk,
    TooManyFiles,
    FileTooLarge,
    TooLarge,
    SameVersion,
    OlderVersion,
    AbsolutePath,
    UnsafePath,
    HardLink,
    Symlink,
    FolderEntry,
    DeviceFile,
    SpecialFile,
    NotInManifest,
    Twice,
    SizeDiffers,
    FileLarger,
    FileShorter,
    ContentDiffers,
    MissingFile,
    CannotStore,
    Busy,
    NoTrustedKeys,
    ContentMistakes,
    SoundBroken,
    NothingToRollBack,
    NoEarlierVersion,
    RollbackFailed,
};
// The codes run from 0 to this one without gaps: the tests walk them all.
inline constexpr Refusal kLastRefusal = Refusal::RollbackFailed;

std::string_view problemDomain(Refusal);
std::string_view problemName(Refusal code);
std::string_view problemEnglish(Refusal code);

}  // namespace kiosk::content
