// The account as text for the case officer and as JSON for programs. The
// text is in the language of the messages (docs/messages.md); the JSON's
// keys are not translated, its reasons are.
#include "core/diagnostics_json.hpp"
#include "core/messages.hpp"
#include "transform/account.hpp"

namespace transform {

namespace {

std::string counts(int read, int used, int rejected) {
    return core::tr("{1} read, {2} used, {3} rejected", std::to_string(read), std::to_string(used),
                    std::to_string(rejected));
}

std::string name_of(const AccountEntry& e) {
    std::string name = e.id.empty() ? core::tr("(no id)") : e.id;
    if (!e.title.empty()) name += " \"" + e.title + "\"";
    return name;
}

std::string joined(const std::vector<std::string>& items, const char* separator) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) out += (i == 0 ? "" : separator) + items[i];
    return out;
}

void file_text(const FileAccount& f, std::string& out) {
    out += "\n" + f.file + ": " + counts(f.read, static_cast<int>(f.used.size()), static_cast<int>(f.rejected.size()));
    out += f.readable ? "\n" : core::tr(" (the file could not be read)") + "\n";
    for (const auto& e : f.used)
        out += core::tr("  used      {1}  {2} -> {3}", core::to_string(e.where), name_of(e),
                        e.documents.empty() ? e.kept : joined(e.documents, ", ")) +
               "\n";
    for (const auto& e : f.rejected) {
        out += core::tr("  rejected  {1}  {2}", core::to_string(e.where), name_of(e)) + "\n";
        for (const auto& reason : e.reasons) out += "            - " + reason + "\n";
    }
    for (const auto& p : f.problems) out += core::tr("  problem   {1}", core::to_string(p)) + "\n";
}

std::string entry_json(const AccountEntry& e) {
    std::string out = "{\"file\": " + core::json_string(e.where.file) + ", \"line\": " + std::to_string(e.where.line) +
                      ", \"column\": " + std::to_string(e.where.column) + ", \"id\": " + core::json_string(e.id) +
                      ", \"title\": " + core::json_string(e.title);
    const auto list = [](const std::vector<std::string>& items) {
        std::string text = "[";
        for (std::size_t i = 0; i < items.size(); ++i) text += (i == 0 ? "" : ", ") + core::json_string(items[i]);
        return text + "]";
    };
    if (!e.documents.empty()) out += ", \"documents\": " + list(e.documents);
    if (!e.kept.empty()) out += ", \"kept\": " + core::json_string(e.kept);
    if (!e.reasons.empty()) out += ", \"reasons\": " + list(e.reasons);
    return out + "}";
}

template <typename T, typename F>
std::string array_json(const std::vector<T>& items, F to_item, const std::string& indent) {
    if (items.empty()) return "[]";
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) out += (i == 0 ? "\n" : ",\n") + indent + to_item(items[i]);
    return out + "\n" + indent.substr(2) + "]";
}

std::string diagnostic_json(const core::Diagnostic& d) { return core::to_json(d); }

std::string file_json(const FileAccount& f) {
    return "{\"file\": " + core::json_string(f.file) + ", \"readable\": " + (f.readable ? "true" : "false") +
           ", \"read\": " + std::to_string(f.read) + ", \"used_count\": " + std::to_string(f.used.size()) +
           ", \"rejected_count\": " + std::to_string(f.rejected.size()) +
           ",\n      \"used\": " + array_json(f.used, entry_json, "        ") +
           ",\n      \"rejected\": " + array_json(f.rejected, entry_json, "        ") +
           ",\n      \"problems\": " + array_json(f.problems, diagnostic_json, "        ") + "}";
}

std::string document_json(const DocumentAccount& d) {
    std::string ids = "[";
    for (std::size_t i = 0; i < d.ids.size(); ++i) ids += (i == 0 ? "" : ", ") + core::json_string(d.ids[i]);
    return "{\"name\": " + core::json_string(d.name) + ", \"used\": " + std::to_string(d.ids.size()) +
           ", \"applications\": " + ids + "]}";
}

}  // namespace

std::string to_text(const Account& a) {
    std::string out =
        core::trn("account of {1}: {2} record read, {3} used, {4} rejected",
                  "account of {1}: {2} records read, {3} used, {4} rejected", static_cast<unsigned long>(a.read()),
                  a.dataset, std::to_string(a.read()), std::to_string(a.used()), std::to_string(a.rejected())) +
        "\n";
    const auto note = template_note(a);
    out += a.accepted ? core::tr("the documents are made from the used records")
           : !note.empty()
               ? core::tr("no document is made: {1}", note)
               : core::trn(
                     "no document is made: the dataset has {1} error; the records marked used are fit for the "
                     "documents named, once it has none",
                     "no document is made: the dataset has {1} errors; the records marked used are fit for the "
                     "documents named, once it has none",
                     static_cast<unsigned long>(a.errors), std::to_string(a.errors));
    out += "\n";
    for (const auto& f : a.files) file_text(f, out);
    if (!a.documents.empty()) out += "\n" + core::tr("documents:") + "\n";
    for (const auto& d : a.documents) {
        const auto n = d.ids.size();
        out += "  " +
               (d.ids.empty() ? core::trn("{1}: {2} application", "{1}: {2} applications", n, d.name, std::to_string(n))
                              : core::trn("{1}: {2} application: {3}", "{1}: {2} applications: {3}", n, d.name,
                                          std::to_string(n), joined(d.ids, ", "))) +
               "\n";
    }
    if (!a.problems.empty()) out += "\n" + core::tr("other problems:") + "\n";
    for (const auto& p : a.problems) out += "  " + core::to_string(p) + "\n";
    return out;
}

std::string to_json(const Account& a) {
    return "{\"dataset\": " + core::json_string(a.dataset) + ", \"accepted\": " + (a.accepted ? "true" : "false") +
           ", \"errors\": " + std::to_string(a.errors) + ", \"read\": " + std::to_string(a.read()) +
           ", \"used\": " + std::to_string(a.used()) + ", \"rejected\": " + std::to_string(a.rejected()) +
           (template_note(a).empty() ? "" : ", \"template_failed\": " + core::json_string(template_note(a))) +
           ",\n  \"files\": " + array_json(a.files, file_json, "    ") +
           ",\n  \"documents\": " + array_json(a.documents, document_json, "    ") +
           ",\n  \"problems\": " + array_json(a.problems, diagnostic_json, "    ") + "}";
}

}  // namespace transform
