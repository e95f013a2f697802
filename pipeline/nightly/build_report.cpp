#include "nightly/build_report.hpp"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/URI.h>
#include <unistd.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>

#include "job/folder_rules.hpp"
#include "core/messages.hpp"

namespace nightly {

namespace fs = std::filesystem;

namespace {

void replace_file(const fs::path& path, const std::string& text) {
    const auto temporary = path.string() + "." + std::to_string(::getpid()) + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << text;
        out.close();
        if (!out) throw std::runtime_error(core::tr("cannot write {1}", temporary));
    }
    fs::rename(temporary, path);
}

}  // namespace

const char* status_name(job::Outcome outcome) {
    switch (outcome) {
        case job::Outcome::Built: return "built";
        case job::Outcome::Unchanged: return "unchanged";
        case job::Outcome::Checked: return "checked";
        case job::Outcome::InputErrors: return "input-errors";
        case job::Outcome::InternalFailure: return "internal-failure";
        case job::Outcome::Stopped: return "stopped";
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

// A status file fuel wrote carries its mark: status.json its "generator"
// member, index.html its generator meta element. A file of the same name
// without it is somebody else's, and is never replaced (folder_rules.hpp).
void refuse_foreign(const fs::path& path, const std::string& mark) {
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(path, ec))) return;
    std::ifstream in(path, std::ios::binary);
    std::string head(4096, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    if (fs::is_regular_file(fs::symlink_status(path, ec)) && head.find(mark) != std::string::npos) return;
    throw job::SettingsError(core::tr(
        "'{1}' was not written by fuel; the status page is not written over it: move it away or give another --out",
        path.string()));
}

std::map<std::string, std::string> previous_statuses(const BuildReport& report) {
    std::map<std::string, std::string> statuses;
    if (!report.stopped) return statuses;
    std::ifstream in(fs::path(report.out_dir) / "status.json", std::ios::binary);
    if (!in) return statuses;
    try {
        const auto root = Poco::JSON::Parser().parse(in).extract<Poco::JSON::Object::Ptr>();
        const auto datasets = root->getArray("datasets");
        if (!root->has("generator") || !datasets) return statuses;
        // A dataset stopped again keeps the status of the last build that
        // finished it, carried over as "previous_status".
        std::map<std::string, std::string> before;
        for (std::size_t i = 0; i < datasets->size(); ++i) {
            const auto d = datasets->getObject(static_cast<unsigned>(i));
            if (!d || !d->has("name") || !d->has("status")) continue;
            auto status = d->getValue<std::string>("status");
            if (status == "stopped")
                status = d->has("previous_status") ? d->getValue<std::string>("previous_status") : "";
            if (!status.empty()) before[d->getValue<std::string>("name")] = status;
        }
        for (const auto& d : report.result.datasets)
            if (const auto found = before.find(d.name); d.outcome == job::Outcome::Stopped && found != before.end())
                statuses[d.name] = found->second;
    } catch (const std::exception&) {
        // Not a status file this program can read: no earlier status to show.
        return {};
    }
    return statuses;
}

void write_status(const BuildReport& report) {
    fs::create_directories(report.out_dir);
    const auto json = fs::path(report.out_dir) / "status.json";
    const auto page = fs::path(report.out_dir) / "index.html";
    refuse_foreign(json, "\"generator\"");
    refuse_foreign(page, "<meta name=\"generator\" content=\"fuel");
    replace_file(json, status_json(report));
    replace_file(page, status_page(report));
}

}  // namespace nightly
