#include "ingest/state_reader.hpp"

#include <filesystem>

#include "ingest/dataset_loader.hpp"
#include "ingest/file_access.hpp"
#include "ingest/final_report_readers.hpp"
#include "ingest/fund_application_readers.hpp"
#include "ingest/values.hpp"
#include "ingest/xml_file.hpp"
#include "core/messages.hpp"

namespace ingest {

namespace {

namespace fs = std::filesystem;

// "§ 14", "§14", "§ 14 a": the paragraph of the minutes, written the way
// Swedish minutes write it, with a no-break-free single space after §.
std::optional<std::string> paragraph_of(const std::string& text) {
    std::string rest = normalize_space(text);
    if (rest.rfind("\u00A7", 0) != 0) return std::nullopt;
    rest = normalize_space(rest.substr(std::string("\u00A7").size()));
    if (rest.empty() || rest.front() < '0' || rest.front() > '9') return std::nullopt;
    return "\u00A7 " + rest;
}

void check_order(const model::CommitteeState& state, core::Diagnostics& diagnostics) {
    std::optional<core::Date> last = state.sent;
    for (const auto& revision : state.revisions) {
        if (!state.sent) {
            diagnostics.error(
                revision.where,
                core::tr(
                    "a <revision> needs <sent> first: a document is revised only after it was sent to the committee"));
            continue;
        }
        if (last && revision.date < *last)
            diagnostics.error(revision.where, core::tr("the revision of {1} is dated before what it revises ({2})",
                                                       core::to_iso(revision.date), core::to_iso(*last)));
        last = revision.date;
    }
    if (state.decided && last && *state.decided < *last)
        diagnostics.error(state.where,
                          core::tr("<decided> of {1} is dated before the documents were sent or last revised ({2})",
                                   core::to_iso(*state.decided), core::to_iso(*last)));
}

}  // namespace

model::CommitteeState read_committee_state(const std::string& dataset_dir, core::Diagnostics& diagnostics) {
    model::CommitteeState state;
    const fs::path dir(dataset_dir);
    std::error_code ec;
    const auto path = fs::is_regular_file(dir / kRoundFile, ec)    ? dir / kRoundFile
                      : fs::is_regular_file(dir / kReportFile, ec) ? dir / kReportFile
                                                                   : dir / kApplicationFile;
    core::Diagnostics ignored;  // the dataset's reading reports a broken file
    const ConfineReads only_this_dataset(dataset_dir);
    const auto file = XmlFile::load(path.string(), ignored);
    if (!file) return state;
    const auto node = file->root().child("state");
    if (!node) return state;
    XmlReader xml(*file, diagnostics);
    state.where = xml.where(node);
    xml.reject_unknown_children(node, {"sent", "revision", "decided"});
    if (const auto sent = node.child("sent")) state.sent = xml.date_attribute(sent, "date");
    for (const auto& r : node.children("revision")) {
        model::Revision revision;
        revision.where = xml.where(r);
        const auto date = xml.date_attribute(r, "date");
        revision.reason = normalize_space(r.attribute("reason").as_string());
        if (revision.reason.empty())
            diagnostics.error(
                revision.where,
                core::tr(
                    "a <revision> needs a reason: one line that says what was changed and why, for the change report"));
        if (!date) continue;
        revision.date = *date;
        state.revisions.push_back(std::move(revision));
    }
    if (const auto decided = node.child("decided")) {
        state.decided = xml.date_attribute(decided, "date");
        const auto paragraph = paragraph_of(decided.attribute("paragraph").as_string());
        if (paragraph)
            state.paragraph = *paragraph;
        else
            diagnostics.error(xml.where(decided),
                              core::tr("<decided> needs the paragraph of the minutes, as paragraph=\"§ 14\""));
    }
    check_order(state, diagnostics);
    return state;
}

}  // namespace ingest
