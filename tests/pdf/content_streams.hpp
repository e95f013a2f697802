#pragma once
// Our own check over a PDF's page content streams: every text-showing
// operator and every fill or stroke lies inside a marked-content sequence
// (ISO 32000-1 §14.6), tagged content (BDC with /MCID) or an /Artifact.
// The streams come uncompressed from `qpdf --qdf` (which writes a
// "%% Contents for page N" comment before each), so the check reads any PDF,
// compressed or not. Header-only, so that test_pdf and test_job share it.
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace content_check {

struct Finding {
    int page = 0;    // 1-based
    std::string op;  // the operator outside marked content
};

struct Summary {
    int pages = 0;
    int text_operators = 0;        // Tj, TJ, ', "
    int paint_operators = 0;       // f, F, f*, B, B*, b, b*, S, s
    int tagged_sequences = 0;      // BDC with an /MCID
    int artifact_sequences = 0;    // /Artifact BDC or BMC
    std::vector<Finding> outside;  // operators in no marked content
    bool balanced = true;          // every BDC/BMC has its EMC on the same page
};

namespace detail {

// A PDF content-stream tokenizer (ISO 32000-1 §7.2, §7.8.2) that yields
// operators and remembers the first operand if it is a name (a sequence's
// tag) and whether the operands held /MCID. Strings, hex strings, arrays and dicts are skipped as operands.
inline void scan(const std::string& s, int page, Summary& out) {
    std::vector<bool> stack;  // per open sequence: true when tagged or an artifact
    std::string tag;          // the first operand, when a name
    bool operands = false;    // any operand since the last operator
    bool mcid = false;
    std::size_t i = 0;
    auto is_delim = [](char c) { return std::string("()<>[]{}/%").find(c) != std::string::npos; };
    auto is_space = [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; };
    while (i < s.size()) {
        const char c = s[i];
        if (is_space(c)) {
            ++i;
            continue;
        }
        if (c == '%') {
            while (i < s.size() && s[i] != '\n') ++i;
            continue;
        }
        if (c == '(' || c == '<' || c == '[') operands = true;
        if (c == '(') {  // literal string, balanced parentheses, backslash escapes
            int depth = 0;
            for (; i < s.size(); ++i) {
                if (s[i] == '\\') {
                    ++i;
                    continue;
                }
                if (s[i] == '(') ++depth;
                if (s[i] == ')' && --depth == 0) {
                    ++i;
                    break;
                }
            }
            continue;
        }
        if (c == '<' && i + 1 < s.size() && s[i + 1] == '<') {
            i += 2;
            continue;
        }
        if (c == '>' && i + 1 < s.size() && s[i + 1] == '>') {
            i += 2;
            continue;
        }
        if (c == '<') {
            while (i < s.size() && s[i] != '>') ++i;
            ++i;
            continue;
        }
        if (c == '[' || c == ']' || c == '{' || c == '}') {
            ++i;
            continue;
        }
        std::size_t j = i + 1;
        while (j < s.size() && !is_space(s[j]) && !is_delim(s[j])) ++j;
        const std::string token = s.substr(i, j - i);
        i = j;
        if (token[0] == '/') {
            if (token == "/MCID") mcid = true;
            if (!operands) tag = token;
            operands = true;
            continue;
        }
        if ((token[0] >= '0' && token[0] <= '9') || token[0] == '-' || token[0] == '+' || token[0] == '.' ||
            token == "true" || token == "false" || token == "null") {
            operands = true;
            continue;
        }
        // An operator.
        if (token == "BDC" || token == "BMC") {
            const bool artifact = tag == "/Artifact";
            const bool tagged = token == "BDC" && mcid;
            out.artifact_sequences += artifact ? 1 : 0;
            out.tagged_sequences += tagged && !artifact ? 1 : 0;
            stack.push_back(artifact || tagged || (!stack.empty() && stack.back()));
        } else if (token == "EMC") {
            if (stack.empty())
                out.balanced = false;
            else
                stack.pop_back();
        } else if (token == "Tj" || token == "TJ" || token == "'" || token == "\"") {
            ++out.text_operators;
            if (stack.empty() || !stack.back()) out.outside.push_back({page, token});
        } else if (token == "f" || token == "F" || token == "f*" || token == "B" || token == "B*" || token == "b" ||
                   token == "b*" || token == "S" || token == "s") {
            ++out.paint_operators;
            if (stack.empty() || !stack.back()) out.outside.push_back({page, token});
        }
        tag.clear();
        operands = false;
        mcid = false;
    }
    if (!stack.empty()) out.balanced = false;
}

}  // namespace detail

// Runs qpdf on `pdf_path` (writing `work_path`) and checks every page.
// Throws std::runtime_error when qpdf fails.
inline Summary check(const std::string& pdf_path, const std::string& work_path) {
    const std::string command = "qpdf --qdf --object-streams=disable '" + pdf_path + "' '" + work_path + "'";
    const int status = std::system(command.c_str());
    // qpdf exits 3 for warnings, which other tests report.
    if (status != 0 && !(WIFEXITED(status) && WEXITSTATUS(status) == 3))
        throw std::runtime_error("qpdf failed: " + command);
    std::ifstream in(work_path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    const std::string qdf = buffer.str();
    Summary summary;
    const std::string marker = "%% Contents for page ";
    for (std::size_t at = qdf.find(marker); at != std::string::npos; at = qdf.find(marker, at + 1)) {
        const int page = std::atoi(qdf.c_str() + at + marker.size());
        const std::size_t begin = qdf.find("stream\n", at);
        const std::size_t end = qdf.find("endstream", begin);
        if (begin == std::string::npos || end == std::string::npos) break;
        detail::scan(qdf.substr(begin + 7, end - begin - 7), page, summary);
        summary.pages = std::max(summary.pages, page);
    }
    return summary;
}

}  // namespace content_check
