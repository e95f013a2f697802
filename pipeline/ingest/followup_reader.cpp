// A follow-up report (schemas/followup-report.xsd,
// docs/formats-final-report.md) -> model::FollowUpReport.
#include <algorithm>
#include <cstdlib>
#include <sstream>

#include "ingest/final_report_readers.hpp"
#include "ingest/file_access.hpp"
#include "ingest/rich_text_reader.hpp"
#include "ingest/values.hpp"
#include "ingest/xml_file.hpp"
#include "core/messages.hpp"

namespace ingest {

namespace {

// The outcome elements, in the format's order.
constexpr const char* kOutcomeFigures[] = {"participants", "mapped",        "in-placement",        "in-work",
                                           "in-studies",   "other-support", "left-income-support", "ended",
                                           "followed-up"};

std::optional<int> year_of(XmlReader& xml, const pugi::xml_node& node, const std::string& text) {
    if (text.size() == 4 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::stoi(text);
    xml.diagnostics().error(xml.where(node), core::tr("\"{1}\" is not a four-digit year", text));
    return std::nullopt;
}

void read_decisions(XmlReader& xml, const pugi::xml_node& node, model::FollowUpReport& p) {
    xml.reject_unknown_children(node, {"decision"});
    for (const auto& d : node.children("decision")) {
        model::GrantDecision decision;
        decision.where = xml.where(d);
        const std::string kind = d.attribute("kind").as_string();
        if (kind != "grant" && kind != "extension")
            xml.diagnostics().error(decision.where,
                                    core::tr("decision kind \"{1}\" is neither grant nor extension", kind));
        decision.extension = kind == "extension";
        if (const std::string year = d.attribute("year").as_string(); !year.empty())
            decision.year = year_of(xml, d, year);
        const std::string amount = normalize_space(xml.content(d));
        if (amount.empty() || !std::all_of(amount.begin(), amount.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
            amount.size() > 15)
            xml.diagnostics().error(
                decision.where,
                core::tr("the decision's amount \"{1}\" must be whole kronor, digits only (300 tkr is 300000)",
                         amount));
        else
            decision.amount = std::stoll(amount);
        p.decisions.push_back(decision);
    }
    if (p.decisions.empty()) xml.diagnostics().error(xml.where(node), core::tr("<decisions> holds no <decision>"));
}

model::Outcome read_outcome(XmlReader& xml, const pugi::xml_node& node) {
    model::Outcome outcome;
    if (node.attribute("as-of")) outcome.as_of = xml.date_attribute(node, "as-of");
    xml.reject_unknown_children(node, {"participants", "mapped", "in-placement", "in-work", "in-studies",
                                       "other-support", "left-income-support", "ended", "followed-up"});
    for (const char* name : kOutcomeFigures) {
        const auto figure = node.child(name);
        if (!figure) continue;
        const std::string text = normalize_space(xml.content(figure));
        if (text.empty() || text.size() > 9 ||
            !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            xml.diagnostics().error(xml.where(figure), core::tr("<{1}> must be a whole number of persons", name));
            continue;
        }
        outcome.figures.push_back({name, std::stoll(text), figure.attribute("approx").as_bool(false)});
    }
    return outcome;
}

void read_reporting(XmlReader& xml, const pugi::xml_node& node, model::FollowUpReport& p) {
    if (!node) {
        xml.diagnostics().error(p.where, core::tr("<follow-up-report> needs a <reporting status=…/> element"));
        return;
    }
    const std::string status = node.attribute("status").as_string();
    if (status == "incomplete")
        p.status = model::ReportingStatus::Incomplete;
    else if (status == "not-reported")
        p.status = model::ReportingStatus::NotReported;
    else if (status != "reported")
        xml.diagnostics().error(
            xml.where(node), core::tr("reporting status \"{1}\" is not reported, incomplete or not-reported", status));
    xml.reject_unknown_children(node, {"reminders"});
    const auto reminders = node.child("reminders");
    if (!reminders) return;
    xml.reject_unknown_children(reminders, {"reminder"});
    for (const auto& r : reminders.children("reminder"))
        if (auto date = xml.date_attribute(r, "date")) p.reminder_dates.push_back(*date);
    p.reminders = reminders.attribute("count").as_string();
    const auto& count = p.reminders;
    if (!count.empty() && count != "several" && count != std::to_string(std::atoll(count.c_str())))
        xml.diagnostics().error(xml.where(reminders),
                                core::tr("reminders count \"{1}\" is neither a number nor several", count));
    else if (!count.empty() && count != "several" && !p.reminder_dates.empty() &&
             std::atoll(count.c_str()) != static_cast<long long>(p.reminder_dates.size()))
        xml.diagnostics().error(xml.where(reminders),
                                core::tr("reminders count {1} differs from the {2} <reminder> elements", count,
                                         std::to_string(p.reminder_dates.size())));
    if (count.empty()) p.reminders = std::to_string(p.reminder_dates.size());
}

void read_administrations(XmlReader& xml, const pugi::xml_node& node, model::FollowUpReport& p) {
    for (const auto& a : node.children("administration"))
        p.administrations.push_back(
            {normalize_space(xml.content(a)), a.attribute("lead").as_bool(false), xml.where(a)});
    if (p.administrations.empty())
        xml.diagnostics().error(p.where, core::tr("<follow-up-report> needs at least one <administration>"));
}

void read_texts(XmlReader& xml, const pugi::xml_node& node, model::FollowUpReport& p) {
    p.target_group = read_text_blocks(xml, node.child("target-group"));
    p.goal_and_purpose = read_text_blocks(xml, node.child("goal-and-purpose"));
    p.experiences = read_text_blocks(xml, node.child("experiences"));
    const auto plans = node.child("implementation-plans");
    const std::string planned = plans.attribute("planned").as_string();
    if (!plans)
        xml.diagnostics().error(p.where,
                                core::tr("<follow-up-report> needs an <implementation-plans planned=…> element"));
    else if (planned != "yes" && planned != "no")
        xml.diagnostics().error(xml.where(plans),
                                core::tr("implementation-plans planned=\"{1}\" is neither yes nor no", planned));
    p.implementation_planned = planned == "yes";
    p.implementation_plans = read_text_blocks(xml, plans);
    p.proposals = read_text_blocks(xml, node.child("proposals"));
    p.proposals_ref = normalize_space(node.child("proposals-ref").attribute("project").as_string());
    p.coordinator_comment = read_text_blocks(xml, node.child("coordinator-comment"));
    p.coordinator_comment_ref = normalize_space(node.child("coordinator-comment-ref").attribute("project").as_string());
}

std::optional<model::FollowUpReport> read_follow_up_element(XmlReader& xml, const XmlFile* file,
                                                            core::Diagnostics& diagnostics) {
    if (!xml.check_root("follow-up-report")) return std::nullopt;
    const auto node = file->root();
    xml.reject_unknown_children(
        node, {"administration", "title", "years", "decisions", "target-group", "goal-and-purpose", "experiences",
               "outcome", "implementation-plans", "proposals", "proposals-ref", "reporting", "coordinator-comment",
               "coordinator-comment-ref"});
    model::FollowUpReport p;
    p.file = file->file();
    p.where = xml.where(node);
    p.id = normalize_space(node.attribute("id").as_string());
    p.area = normalize_space(node.attribute("area").as_string());
    if (p.id.empty())
        diagnostics.error(p.where, core::tr("<follow-up-report> needs an id attribute (e.g. id=\"HAL-01\")"));
    if (p.area.empty())
        diagnostics.error(p.where, core::tr("<follow-up-report> needs an area attribute (e.g. area=\"SOC\")"));
    read_administrations(xml, node, p);
    if (const auto title = node.child("title")) p.title = read_rich_text(xml, title);
    std::istringstream years(xml.text(node, "years"));
    for (std::string y; years >> y;)
        if (auto year = year_of(xml, node.child("years"), y)) p.years.push_back(*year);
    read_decisions(xml, node.child("decisions"), p);
    if (const auto outcome = node.child("outcome")) p.outcome = read_outcome(xml, outcome);
    read_texts(xml, node, p);
    read_reporting(xml, node.child("reporting"), p);
    return p;
}

std::optional<model::FollowUpReport> follow_up_of(std::optional<XmlFile> file, core::Diagnostics& diagnostics) {
    if (!file) return std::nullopt;
    XmlReader xml(*file, diagnostics);
    auto report = read_follow_up_element(xml, &*file, diagnostics);
    xml.report_schema_findings();
    return report;
}

}  // namespace

std::optional<model::FollowUpReport> parse_follow_up(std::string_view bytes, const std::string& name,
                                                     core::Diagnostics& diagnostics) {
    return follow_up_of(XmlFile::parse(bytes, name, diagnostics, XmlSchema::FollowUpReport), diagnostics);
}

std::optional<model::FollowUpReport> read_follow_up(const std::string& path, core::Diagnostics& diagnostics) {
    return follow_up_of(XmlFile::load(path, diagnostics, XmlSchema::FollowUpReport), diagnostics);
}

}  // namespace ingest
