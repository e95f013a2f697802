// The example configuration in contrib/ documents every setting and is
// itself valid; wrong values are refused with the key named.
#include <Poco/AutoPtr.h>
#include <Poco/Util/MapConfiguration.h>
#include <Poco/Util/PropertyFileConfiguration.h>

#include <catch2/catch.hpp>

#include "datasets.hpp"
#include "nightly/settings.hpp"

using namespace nightly_test;

TEST_CASE("settings: contrib/fuel.properties sets and explains every setting, and they are valid") {
    const auto path = source_path("contrib/fuel.properties");
    const auto text = read_file(path);
    for (const auto& key : nightly::kSettingKeys) {
        CAPTURE(key);
        CHECK(text.find("\n" + key + " = ") != std::string::npos);
    }
    Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> file(new Poco::Util::PropertyFileConfiguration(path));
    const auto s = nightly::read_settings(*file, false);
    CHECK(s.schedule == nightly::parse_schedule("02:00"));
    CHECK(s.jobs == 2);
    CHECK(s.log.rotation == "daily");
    CHECK(s.log.keep == 30);
    CHECK(s.status);
}

TEST_CASE("settings: defaults without a file, and wrong values named by their key") {
    Poco::AutoPtr<Poco::Util::MapConfiguration> config(new Poco::Util::MapConfiguration);
    const auto defaults = nightly::read_settings(*config, false);
    CHECK(defaults.data_dir == "fixtures");
    CHECK(defaults.jobs == nightly::default_jobs());
    CHECK_FALSE(defaults.status);
    CHECK(nightly::read_settings(*config, true).status);
    const std::vector<std::pair<std::string, std::string>> wrong = {
        {"fuel.jobs", "0"},          {"fuel.jobs", "två"},   {"fuel.wait", "kanske"},    {"fuel.schedule", "2 am"},
        {"fuel.log.archive", "zip"}, {"fuel.log.keep", "0"}, {"fuel.log.level", "loud"}, {"fuel.language", "de"}};
    for (const auto& [key, value] : wrong) {
        CAPTURE(key, value);
        Poco::AutoPtr<Poco::Util::MapConfiguration> bad(new Poco::Util::MapConfiguration);
        bad->setString(key, value);
        try {
            nightly::read_settings(*bad, false);
            FAIL("accepted");
        } catch (const std::invalid_argument& e) {
            const std::string message = e.what();
            CHECK((message.find(key) != std::string::npos || message.find(value) != std::string::npos));
        }
    }
}
