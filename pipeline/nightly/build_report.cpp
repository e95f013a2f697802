#include "nightly/build_report.hpp"

#include <Poco/URI.h>
#include <unistd.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>

namespace nightly {

namespace fs = std::filesystem;

namespace {

void replace_file(const fs::path& path, const std::string& text) {
    const auto temporary = path.string() + "." + std::to_string(::getpid()) + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << text;
        out.close();
        if (!out) throw std::runtime_error("cannot write " + temporary);
    }
    fs::rename(temporary, path);
}

}  // namespace

const char* status_name(job::Outcome outcome) {
    switch (outcome) {
        case job::Outcome::Built:
            return "built";
        case job::Outcome::Unchanged:
            return "unchanged";
        case job::Outcome::Checked:
            return "checked";
        case job::Outcome::InputErrors:
            return "input-errors";
        case job::Outcome::InternalFailure:
            return "internal-failure";
    }
    return "unknown";
}

bool failed(job::Outcome outcome) {
    return outcome == job::Outcome::InputErrors || outcome == job::Outcome::InternalFailure;
}

std::string iso_local(std::int64_t seconds_since_epoch) {
    const std::time_t t = static_cast<std::time_t>(seconds_since_epoch);
    std::tm local{};
    localtime_r(&t, &local);
    char text[40];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S%z", &local);
    std::string iso = text;
    // strftime's %z is +0200; ISO 8601's extended format wants +02:00.
    if (iso.size() >= 5) iso.insert(iso.size() - 2, ":");
    return iso;
}

std::string href(const std::string& dataset, const std::string& path) {
    // Everything but RFC 3986's unreserved characters; the one slash is ours.
    const std::string reserved = "!#$&'()*+,/:;=?@[]%\"<>\\^`{|} ";
    std::string encoded;
    Poco::URI::encode(dataset, reserved, encoded);
    encoded += '/';
    Poco::URI::encode(fs::path(path).filename().string(), reserved, encoded);
    return encoded;
}

void write_status(const BuildReport& report) {
    fs::create_directories(report.out_dir);
    replace_file(fs::path(report.out_dir) / "status.json", status_json(report));
    replace_file(fs::path(report.out_dir) / "index.html", status_page(report));
}

}  // namespace nightly
