#pragma once
// The readers of an application dataset (docs/formats-application.md), in
// the two forms of readers.hpp: read_* takes a path, parse_* the file's bytes.
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostics.hpp"
#include "model/dataset.hpp"
#include "model/fund_application.hpp"

namespace ingest {

// The file that marks a folder as an application to a fund.
inline constexpr const char* kApplicationFile = "application.xml";

// application.xml without its budget rows: the budget file's name is kept
// in budget_source.
std::optional<model::FundApplication> parse_fund_application(std::string_view bytes, const std::string& name,
                                                             core::Diagnostics& diagnostics);
std::optional<model::FundApplication> read_fund_application(const std::string& path, core::Diagnostics& diagnostics);

// The budget file: each row appended to `application.budget`, and the
// file's account of records (model::SourceFile).
model::SourceFile parse_budget_csv(std::string_view bytes, const std::string& name, model::FundApplication& application,
                                   core::Diagnostics& diagnostics);
model::SourceFile read_budget_csv(const std::string& path, model::FundApplication& application,
                                  core::Diagnostics& diagnostics);

// An application folder -> model::Dataset with `fund_application` set.
std::optional<model::Dataset> load_fund_application(const std::string& directory, core::Diagnostics& diagnostics);

}  // namespace ingest
