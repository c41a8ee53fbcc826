// Reading HSDS: the specification's examples, refused input naming file, entity and field, the mapping.
#include "kiosk/hsds/dataset.hpp"
#include "kiosk/hsds/hsds_problem.hpp"
#include "kiosk/hsds/import.hpp"
#include "kiosk/hsds/mapping.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace kiosk::hsds;
namespace fs = std::filesystem;

namespace {

const fs::path kExamples = fs::path(KIOSK_HSDS_SPEC) / "examples";

struct Copy {  // the CSV example in a temporary folder, to break
    fs::path dir = fs::temp_directory_path() / ("hsds-test-" + std::to_string(::getpid()));
    Copy() {
        fs::remove_all(dir);
        fs::copy(kExamples / "csv", dir);
        for (const auto& f : fs::directory_iterator(dir)) fs::permissions(f, fs::perms::owner_write, fs::perm_options::add);
    }
    ~Copy() { fs::remove_all(dir); }
    void append(const std::string& file, const std::string& text) const { std::ofstream(dir / file, std::ios::app) << text; }
};

}  // namespace

TEST_CASE("the specification's CSV example reads with every table", "[hsds]") {
    auto data = readDataset(kExamples / "csv");
    REQUIRE(data.ok());
    CHECK(data->format == "CSV datapackage");
    CHECK(data->tables.size() == 21);
    CHECK(data->rows("service").size() == 1);
    CHECK(data->rows("service").front().get("name") == "Community Counselling");
}

TEST_CASE("the examples import: one offer at one provider, the rest in the report", "[hsds]") {
    auto data = readDataset(kExamples / "csv");
    REQUIRE(data.ok());
    auto mapping = loadMapping({});
    REQUIRE(mapping.ok());
    auto imported = importDataset(*data, *mapping, "examples/csv");
    REQUIRE(imported.ok());
    CHECK(imported->offers == 1);
    CHECK(imported->providers == 1);
    const std::string& offers = imported->files.at("offers.yaml");
    CHECK(offers.find("life_stages: [pregnancy, baby, toddler, kindergarten, primary-school]") != std::string::npos);
    CHECK(offers.find("topics: [counselling]") != std::string::npos);  // the default topic
    const std::string& report = imported->files.at("import-report.txt");
    CHECK(report.find("contact '1e7efce3-639b-4880-940c-b95cd30cdb50' (Ann Persona)\t-\tnot carried") != std::string::npos);
    CHECK(report.find("read\tservice\t1\n") != std::string::npos);
}

TEST_CASE("broken input is refused naming the file, the row and the field", "[hsds]") {
    Copy copy;
    SECTION("a duplicate id") {
        std::ifstream in(copy.dir / "phones.csv");
        std::string header, first;
        std::getline(in, header);
        std::getline(in, first);
        copy.append("phones.csv", first + "\n");
        auto data = readDataset(copy.dir);
        REQUIRE_FALSE(data.ok());
        CHECK(data.problem().is(HsdsProblem::DuplicateId));
        CHECK(data.problem().english() ==
              "phones.csv: phone '1554f2e2-a373-45db-a3fa-9fc48a61c15e' (row 3): field 'id': duplicate id: another row of "
              "the table has the same id");
    }
    SECTION("a row with too few columns") {
        copy.append("addresses.csv", "only,three,cells\r\n");
        auto data = readDataset(copy.dir);
        REQUIRE_FALSE(data.ok());
        CHECK(data.problem().is(HsdsProblem::BrokenCsv));
        CHECK(data.problem().values() == std::vector<std::string>{"addresses.csv", "row 3", "-", "3 columns, the header has 11"});
    }
    SECTION("a dangling reference the import follows") {
        copy.append("cost_options.csv", "aaaaaaaa-0000-4000-8000-000000000000,bbbbbbbb-0000-4000-8000-000000000000,,,,,,\r\n");
        auto data = readDataset(copy.dir);
        REQUIRE(data.ok());
        auto imported = importDataset(*data, *loadMapping({}), "copy");
        REQUIRE_FALSE(imported.ok());
        CHECK(imported.problem().is(HsdsProblem::DanglingReference));
        CHECK(imported.problem().values()[0] == "cost_options.csv");
        CHECK(imported.problem().values()[2] == "service_id");
    }
}

TEST_CASE("a mapping file names its mistakes", "[hsds]") {
    auto bad = readMapping("life_stages: [{id: baby}]\ntopics: [{id: money}]\nterms: {benefits: [cash]}\n", "m.yaml");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.problem().english() == "m.yaml: terms: field 'benefits': mapping file: 'cash' is no life stage or topic of the mapping");
    auto good = readMapping("life_stages: [{id: baby, min_age: 0, max_age: 1}]\ntopics: [{id: money}]\nterms: {Benefits: [money]}\n", "m.yaml");
    INFO((good.ok() ? std::string() : good.problem().english()));
    REQUIRE(good.ok());
    CHECK(good->terms.at("benefits") == std::vector<std::string>{"money"});
    CHECK(good->lifeStages.front().maxAge == 1);
}

TEST_CASE("a folder without HSDS is refused", "[hsds]") {
    const fs::path dir = fs::temp_directory_path() / ("hsds-empty-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "notes.json") << "{}";
    auto data = readDataset(dir);
    fs::remove_all(dir);
    REQUIRE_FALSE(data.ok());
    CHECK(data.problem().is(HsdsProblem::NotHsds));
}

TEST_CASE("a number too large for JSON's numbers is a broken file, not the end of the import", "[hsds]") {
    // Found by the fuzz step of scripts/test (fuzz_hsds): "id": 74e4892 made the JSON reader throw
    // out_of_range, which nothing caught.
    const fs::path dir = fs::temp_directory_path() / "hsds-number-too-large";
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::ofstream(dir / "service_list.json") << "{\n  \"id\": 74e4892,\n  \"name\": \"name\"\n}";
    auto data = readDataset(dir);
    fs::remove_all(dir);
    REQUIRE_FALSE(data.ok());
    CHECK(data.problem().is(HsdsProblem::BrokenJson));
}

TEST_CASE("a service of no organization at no location is left out, not followed into nothing", "[hsds]") {
    // Found by fuzz_hsds: a service_list.json whose service names no organization (nested JSON may
    // leave the enclosing object's id out) and no location: the import dereferenced no organization.
    auto data = readDataset(fs::path(KIOSK_HSDS_REGRESSIONS) / "service-of-no-organization");
    REQUIRE(data.ok());
    std::string yaml(defaultMappingYaml());
    const auto phone = yaml.find("  phone: \"\"");
    REQUIRE(phone != std::string::npos);
    yaml.replace(phone, 13, "  phone: \"0711 1234\"");  // the dataset has none of its own
    auto mapping = readMapping(yaml, "mapping.yaml");
    REQUIRE(mapping.ok());
    auto imported = importDataset(*data, *mapping, "regressions");
    REQUIRE(imported.ok());
    CHECK(imported->offers == 0);
    CHECK(imported->servicesLeftOut == 1);
    CHECK(imported->files.at("import-report.txt").find("at no location and of no organization") != std::string::npos);
}
