// What can go wrong reading or writing an HSDS dataset: each problem names the file, the row or
// entity and the field, so an administrator can find it in the other directory's data.
#pragma once

#include "kiosk/core/problem.hpp"

#include <string>
#include <string_view>

namespace kiosk::hsds {

enum class HsdsProblem {
    Unreadable,         // a file cannot be opened or read
    NotHsds,            // the folder holds no HSDS dataset (no datapackage.json, tabular.json or HSDS JSON files)
    BrokenJson,         // a JSON file does not parse
    BrokenCsv,          // a CSV file does not parse, or a row has the wrong number of columns
    SchemaViolation,    // a required field is missing, a number is not a number, a value is not one of the allowed
    DanglingReference,  // an *_id names a row that is not there
    DuplicateId,        // two rows of a table share an id
    BadMapping,         // the mapping file is not as documented
    ContentRefused,     // the imported content does not pass the kiosk's content check
    OutputRefused,      // the output folder exists and was not made by this command
    WriteFailed,        // the output could not be written
};
std::string_view problemDomain(HsdsProblem);
std::string_view problemName(HsdsProblem code);
std::string_view problemEnglish(HsdsProblem code);

// A problem at a place in the data: values are file, entity ("row 3", "service 'ac14…'"), field, why.
core::Problem hsdsProblem(HsdsProblem code, std::string file, std::string entity, std::string field, std::string why);

}  // namespace kiosk::hsds
