#pragma once
// fuel verify: every archived version (archive.hpp) made again from what was
// kept, in a scratch folder, and compared byte for byte with the archived
// documents; and every archived file checked against its seal. A nightly
// build runs the cheap part (the digests) for the version it serves.
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "job/job.hpp"

namespace job {

struct VerifiedVersion {
    std::string dataset;
    int version = 0;
    std::size_t documents_compared = 0;
    bool ok = false;
};

struct VerifyResult {
    std::vector<VerifiedVersion> versions;
    core::Diagnostics diagnostics;  // errors name the archived file that is not reproduced or was changed
    int exit_code() const { return diagnostics.has_errors() ? 1 : 0; }
};

// The versions archived for the datasets in Spec::data_dir.
VerifyResult verify_archive(const Spec& spec, const Environment& environment);

}  // namespace job
