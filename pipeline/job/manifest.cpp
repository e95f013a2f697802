#include "job/manifest.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace job {

namespace {

// Version 2 added the file digests; a version 1 record is rebuilt once.
constexpr const char* kHeader = "fuel-build 2";

std::string escape(const std::string& field) {
    std::string out;
    for (const char c : field) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\t')
            out += "\\t";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

std::string unescape(const std::string& field) {
    std::string out;
    for (std::size_t i = 0; i < field.size(); ++i) {
        if (field[i] != '\\' || i + 1 == field.size()) {
            out += field[i];
            continue;
        }
        const char next = field[++i];
        out += next == 't' ? '\t' : next == 'n' ? '\n' : next;
    }
    return out;
}

std::vector<std::string> split_fields(const std::string& line) {
    std::vector<std::string> fields;
    std::size_t start = 0;
    for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
        fields.push_back(unescape(line.substr(start, tab - start)));
    fields.push_back(unescape(line.substr(start)));
    return fields;
}

std::optional<core::Severity> parse_severity(const std::string& text) {
    for (const auto s : {core::Severity::Error, core::Severity::Warning, core::Severity::Note})
        if (text == core::to_string(s)) return s;
    return std::nullopt;
}

// A file in the dataset's folder itself: a damaged manifest must not make a
// build copy files from elsewhere.
bool plain_file_name(const std::string& name) {
    return !name.empty() && name.front() != '.' && name.find('/') == std::string::npos;
}

// One record into `m`; false when the record is malformed.
bool parse_record(const std::vector<std::string>& f, Manifest& m) {
    const auto& kind = f[0];
    if (kind == "generator" && f.size() == 2)
        m.generator = f[1];
    else if (kind == "inputs" && f.size() == 2)
        m.inputs = f[1];
    else if (kind == "template" && f.size() == 2)
        m.template_name = f[1];
    else if (kind == "built-at" && f.size() == 2)
        m.built_at = std::stoll(f[1]);
    else if (kind == "folder" && f.size() == 2)
        m.template_folders.push_back(f[1]);
    else if (kind == "sources" && f.size() == 2)
        m.sources = f[1];
    else if (kind == "document" && f.size() == 5)
        m.documents.push_back({f[1], f[2], std::stoi(f[3]), std::stoll(f[4]), {}});
    else if (kind == "companion" && f.size() == 3 && plain_file_name(f[2]) && !m.documents.empty() &&
             m.documents.back().name == f[1])
        m.documents.back().companions.push_back(f[2]);
    else if (kind == "file" && f.size() == 3 && plain_file_name(f[1]))
        m.digests[f[1]] = f[2];
    else if (kind == "diagnostic" && f.size() == 6) {
        const auto severity = parse_severity(f[1]);
        if (!severity) return false;
        m.diagnostics.push_back({*severity, {f[2], std::stoi(f[3]), std::stoi(f[4])}, f[5]});
    } else
        return false;
    return true;
}

}  // namespace

const ManifestDocument* Manifest::find(const std::string& name) const {
    for (const auto& d : documents)
        if (d.name == name) return &d;
    return nullptr;
}

std::string format_manifest(const Manifest& m) {
    std::ostringstream out;
    out << kHeader << '\n'
        << "generator\t" << escape(m.generator) << '\n'
        << "inputs\t" << escape(m.inputs) << '\n'
        << "template\t" << escape(m.template_name) << '\n'
        << "built-at\t" << m.built_at << '\n';
    for (const auto& folder : m.template_folders) out << "folder\t" << escape(folder) << '\n';
    if (!m.sources.empty()) out << "sources\t" << escape(m.sources) << '\n';
    for (const auto& d : m.documents) {
        out << "document\t" << escape(d.name) << '\t' << escape(d.key) << '\t' << d.pages << '\t' << d.built_at << '\n';
        for (const auto& file : d.companions) out << "companion\t" << escape(d.name) << '\t' << escape(file) << '\n';
    }
    for (const auto& [file, digest] : m.digests) out << "file\t" << escape(file) << '\t' << escape(digest) << '\n';
    for (const auto& d : m.diagnostics)
        out << "diagnostic\t" << core::to_string(d.severity) << '\t' << escape(d.where.file) << '\t' << d.where.line
            << '\t' << d.where.column << '\t' << escape(d.message) << '\n';
    return out.str();
}

std::optional<Manifest> parse_manifest(const std::string& text) {
    std::istringstream in(text);
    std::string line;
    if (!std::getline(in, line) || line != kHeader) return std::nullopt;
    Manifest m;
    try {
        while (std::getline(in, line))
            if (!line.empty() && !parse_record(split_fields(line), m)) return std::nullopt;
    } catch (const std::exception&) {  // std::stoi on a damaged number
        return std::nullopt;
    }
    return m;
}

std::optional<Manifest> read_manifest(const std::string& dataset_out) {
    std::ifstream in(std::filesystem::path(dataset_out) / kManifestFile, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return parse_manifest(text.str());
}

}  // namespace job
