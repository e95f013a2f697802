// Poco's Zip (libpoco-dev, already linked by the nightly service) writes the
// container: a packaged, maintained zip writer that takes each entry's
// timestamp from the caller, which is what a deterministic package needs.
// libxlsxwriter's own zip code is internal to it, and writing deflate
// streams and zip headers here would be code of our own for a solved problem.
#include "docx/package.hpp"

#include <Poco/DateTime.h>
#include <Poco/Exception.h>
#include <Poco/MemoryStream.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>

#include <sstream>

#include "docx/writer.hpp"
#include "core/messages.hpp"

namespace docx {

std::string zip_package(const std::vector<Part>& parts) {
    // The zip epoch (MS-DOS dates start in 1980): no clock in the bytes.
    const Poco::DateTime epoch(1980, 1, 1, 0, 0, 0);
    std::ostringstream out(std::ios::binary);
    try {
        Poco::Zip::Compress zip(out, true);
        for (const auto& [name, bytes] : parts) {
            // Read in place: an istringstream would copy the part.
            Poco::MemoryInputStream in(bytes.data(), bytes.size());
            zip.addFile(in, epoch, Poco::Path(name, Poco::Path::PATH_UNIX), Poco::Zip::ZipCommon::CM_DEFLATE,
                        Poco::Zip::ZipCommon::CL_MAXIMUM);
        }
        zip.close();
    } catch (const Poco::Exception& e) {
        throw Error(core::tr("cannot write the zip container: {1}", e.displayText()));
    }
    return out.str();
}

}  // namespace docx
