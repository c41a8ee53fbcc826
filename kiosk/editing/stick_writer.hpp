// "Auf USB-Stick schreiben": a signed pack of the content folder, built with kiosk-pack build's
// code (content::buildPack) outside the content folder, copied to the stick, synced, read back and
// verified there; only then is it safe to pull the stick. The content folder is never changed,
// except for the hidden note of the version built last (to propose the next one).
#pragma once

#include "kiosk/core/problem.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

namespace kiosk::editing {

enum class StickProblem {
    KeyInContent,  // values: the key file: a secret key inside the content folder would go onto every stick
    NotVerified,   // the stick: what was read back is not the pack written (a failing stick)
};
std::string_view problemDomain(StickProblem);
std::string_view problemName(StickProblem code);
std::string_view problemEnglish(StickProblem code);

// One above the last pack built from `content` (1 for the first).
std::int64_t proposedVersion(const std::filesystem::path& content);

struct StickPack {
    std::filesystem::path file;  // on the stick: NAME-VERSION.kpack
    std::int64_t version = 0;
};

// Builds, writes, syncs and verifies. `progress` gets 0..1 (build, copy, read-back). Problems come
// from building (content mistakes), writing (a full or pulled stick: files::FileProblem) or here.
core::Result<StickPack> writePackToStick(const std::filesystem::path& content, const std::filesystem::path& secretKey,
                                         std::int64_t version, const std::string& name,
                                         const std::filesystem::path& stick,
                                         const std::function<void(double)>& progress = {});

}  // namespace kiosk::editing
