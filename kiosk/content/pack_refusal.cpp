// The refusals' names (the .po keys) and English words.
#include "kiosk/content/pack_refusal.hpp"

namespace kiosk::content {

std::string_view problemDomain(Refusal) { return "refusal"; }

std::string_view problemName(Refusal code) {
    switch (code) {
    case Refusal::Unreadable: return "unreadable";
    case Refusal::Damaged: return "damaged";
    case Refusal::NotAnArchive: return "not-an-archive";
    case Refusal::NoManifest: return "no-manifest";
    case Refusal::ManifestTooLarge: return "manifest-too-large";
    case Refusal::Unsigned: return "unsigned";
    case Refusal::BadSignature: return "bad-signature";
    case Refusal::SignatureMismatch: return "signature-mismatch";
    case Refusal::UnknownKey: return "unknown-key";
    case Refusal::BadManifest: return "bad-manifest";
    case Refusal::NeedsNewerKiosk: return "needs-newer-kiosk";
    case Refusal::TooManyFiles: return "too-many-files";
    case Refusal::FileTooLarge: return "file-too-large";
    case Refusal::TooLarge: return "too-large";
    case Refusal::SameVersion: return "same-version";
    case Refusal::OlderVersion: return "older-version";
    case Refusal::AbsolutePath: return "absolute-path";
    case Refusal::UnsafePath: return "unsafe-path";
    case Refusal::HardLink: return "hard-link";
    case Refusal::Symlink: return "symlink";
    case Refusal::FolderEntry: return "folder-entry";
    case Refusal::DeviceFile: return "device-file";
    case Refusal::SpecialFile: return "special-file";
    case Refusal::NotInManifest: return "not-in-manifest";
    case Refusal::Twice: return "twice";
    case Refusal::SizeDiffers: return "size-differs";
    case Refusal::FileLarger: return "file-larger";
    case Refusal::FileShorter: return "file-shorter";
    case Refusal::ContentDiffers: return "content-differs";
    case Refusal::MissingFile: return "missing-file";
    case Refusal::CannotStore: return "cannot-store";
    case Refusal::Busy: return "busy";
    case Refusal::NoTrustedKeys: return "no-trusted-keys";
    case Refusal::ContentMistakes: return "content-mistakes";
    case Refusal::SoundBroken: return "sound-broken";
    case Refusal::NothingToRollBack: return "nothing-to-roll-back";
    case Refusal::NoEarlierVersion: return "no-earlier-version";
    case Refusal::RollbackFailed: return "rollback-failed";
    }
    return "unreadable";
}

std::string_view problemEnglish(Refusal code) {
    switch (code) {
    case Refusal::Unreadable:
        return "The content pack cannot be read.";
    case Refusal::Damaged:
        return "The content pack is damaged or incomplete. Please copy it onto the stick again.";
    case Refusal::NotAnArchive:
        return "This file is not a content pack (it is not a readable archive).";
    case Refusal::NoManifest:
        return "This file is not a content pack (it does not start with a manifest).";
    case Refusal::ManifestTooLarge:
        return "This file is not a content pack (its manifest is too large).";
    case Refusal::Unsigned:
        return "The content pack is not signed. A kiosk takes only signed packs.";
    case Refusal::BadSignature:
        return "The content pack's signature is not a valid signature.";
    case Refusal::SignatureMismatch:
        return "The content pack's signature does not match: it was changed after signing, or signed wrongly.";
    case Refusal::UnknownKey:
        return "The content pack is signed with a key this kiosk does not trust (key {}).";
    case Refusal::BadManifest:
        return "The content pack's manifest cannot be read.";
    case Refusal::NeedsNewerKiosk:
        return "The content pack needs a newer kiosk (version {} or later; this kiosk is {}).";
    case Refusal::TooManyFiles:
        return "The content pack holds too many files ({}; a kiosk takes at most {}).";
    case Refusal::FileTooLarge:
        return "A file in the content pack is too large: {} ({} MB; a kiosk takes at most {} MB).";
    case Refusal::TooLarge:
        return "The content pack is too large ({} MB; a kiosk takes at most {} MB).";
    case Refusal::SameVersion:
        return "This content (version {}) is already in use.";
    case Refusal::OlderVersion:
        return "The content pack has version {}, which is older than the content in use (version {}).";
    case Refusal::AbsolutePath:
        return "The content pack holds a file with an absolute path ({}), which is not allowed.";
    case Refusal::UnsafePath:
        return "The content pack holds an unsafe file name ({}), e.g. one leading out of its folder with '..'.";
    case Refusal::HardLink:
        return "The content pack holds a hard link ({}), which a pack may not contain.";
    case Refusal::Symlink:
        return "The content pack holds a symbolic link ({}), which a pack may not contain.";
    case Refusal::FolderEntry:
        return "The content pack holds a folder entry ({}); a pack holds only files.";
    case Refusal::DeviceFile:
        return "The content pack holds a device file ({}), which a pack may not contain.";
    case Refusal::SpecialFile:
        return "The content pack holds a special file ({}), which a pack may not contain.";
    case Refusal::NotInManifest:
        return "The content pack holds a file that was not signed ({}).";
    case Refusal::Twice:
        return "The content pack holds {} twice.";
    case Refusal::SizeDiffers:
        return "A file in the content pack is not the one that was signed: {} (its size differs).";
    case Refusal::FileLarger:
        return "A file in the content pack is not the one that was signed: {} (it is larger).";
    case Refusal::FileShorter:
        return "A file in the content pack is not the one that was signed: {} (it is shorter).";
    case Refusal::ContentDiffers:
        return "A file in the content pack is not the one that was signed: {} (its content differs).";
    case Refusal::MissingFile:
        return "The content pack is incomplete: {} is missing.";
    case Refusal::CannotStore:
        return "The kiosk cannot store the new content (is the disk full?).";
    case Refusal::Busy:
        return "Another update is running. Please wait until it has finished.";
    case Refusal::NoTrustedKeys:
        return "This kiosk has no trusted keys, so it cannot take any content pack. Please ask the administrator.";
    case Refusal::ContentMistakes:
        return "The content in the pack has {} mistake(s) and was not taken: {}.";
    case Refusal::SoundBroken:
        return "A sound file in the content pack cannot be played ({}).";
    case Refusal::NothingToRollBack:
        return "No content pack was ever imported here, so there is nothing to go back to.";
    case Refusal::NoEarlierVersion:
        return "There is no earlier version to go back to; version {} stays in use.";
    case Refusal::RollbackFailed:
        return "The kiosk could not go back; version {} stays in use.";
    }
    return "The content pack cannot be read.";
}

}  // namespace kiosk::content
