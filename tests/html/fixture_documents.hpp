#pragma once
// The fixtures' document trees (lum-mul-2025, fuelstockholm-2005), built once
// per test process.
#include <string>
#include <vector>

#include "document/build.hpp"
#include "ingest/dataset_loader.hpp"
#include "transform/transform.hpp"

namespace html_test {

inline const std::vector<doc::BuiltDocument>& fixture_documents() {
    static const std::vector<doc::BuiltDocument> documents = [] {
        core::Diagnostics diagnostics;
        const auto dataset = ingest::load_dataset(std::string(FUEL_SOURCE_DIR) + "/fixtures/lum-mul-2025", diagnostics);
        const auto report = transform::aggregate(*dataset);
        return doc::build_documents(report, std::string(FUEL_SOURCE_DIR) + "/templates", diagnostics);
    }();
    return documents;
}

// The documents of the application to the competence fund (fuelstockholm-2005).
inline const std::vector<doc::BuiltDocument>& application_documents() {
    static const std::vector<doc::BuiltDocument> documents = [] {
        core::Diagnostics diagnostics;
        static const auto dataset =
            ingest::load_dataset(std::string(FUEL_SOURCE_DIR) + "/fixtures/fuelstockholm-2005", diagnostics);
        static const auto report = transform::aggregate(*dataset);
        return doc::build_documents(report, std::string(FUEL_SOURCE_DIR) + "/templates", diagnostics);
    }();
    return documents;
}

}  // namespace html_test
