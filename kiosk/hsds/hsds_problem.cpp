// The words of HsdsProblem (English, for kiosk-pack and the log).
#include "kiosk/hsds/hsds_problem.hpp"

namespace kiosk::hsds {

std::string_view problemDomain(HsdsProblem) { return "hsds"; }

std::string_view problemName(HsdsProblem code) {
    switch (code) {
    case HsdsProblem::Unreadable: return "unreadable";
    case HsdsProblem::NotHsds: return "not-hsds";
    case HsdsProblem::BrokenJson: return "broken-json";
    case HsdsProblem::BrokenCsv: return "broken-csv";
    case HsdsProblem::SchemaViolation: return "schema-violation";
    case HsdsProblem::DanglingReference: return "dangling-reference";
    case HsdsProblem::DuplicateId: return "duplicate-id";
    case HsdsProblem::BadMapping: return "bad-mapping";
    case HsdsProblem::ContentRefused: return "content-refused";
    case HsdsProblem::OutputRefused: return "output-refused";
    case HsdsProblem::WriteFailed: return "write-failed";
    }
    return "unknown";
}

// Every code has the same four values: file, entity, field, why.
std::string_view problemEnglish(HsdsProblem code) {
    switch (code) {
    case HsdsProblem::Unreadable: return "{}: {}: field '{}': cannot be read: {}";
    case HsdsProblem::NotHsds: return "{}: {}: field '{}': not an HSDS 3.0 dataset: {}";
    case HsdsProblem::BrokenJson: return "{}: {}: field '{}': broken JSON: {}";
    case HsdsProblem::BrokenCsv: return "{}: {}: field '{}': broken CSV: {}";
    case HsdsProblem::SchemaViolation: return "{}: {}: field '{}': does not follow the HSDS 3.0 schema: {}";
    case HsdsProblem::DanglingReference: return "{}: {}: field '{}': dangling reference: {}";
    case HsdsProblem::DuplicateId: return "{}: {}: field '{}': duplicate id: {}";
    case HsdsProblem::BadMapping: return "{}: {}: field '{}': mapping file: {}";
    case HsdsProblem::ContentRefused: return "{}: {}: field '{}': the imported content fails the content check: {}";
    case HsdsProblem::OutputRefused: return "{}: {}: field '{}': output refused: {}";
    case HsdsProblem::WriteFailed: return "{}: {}: field '{}': cannot be written: {}";
    }
    return "{}: {}: field '{}': {}";
}

core::Problem hsdsProblem(HsdsProblem code, std::string file, std::string entity, std::string field, std::string why) {
    return core::Problem(code, {std::move(file), std::move(entity), std::move(field), std::move(why)});
}

}  // namespace kiosk::hsds
