// Poco's Zip (libpoco-dev, already linked by the nightly service) writes the
// container: a packaged, maintained zip writer that takes each entry's
// timestamp from the caller, which is what a deterministic package needs.
// libxlsxwriter's own zip code is internal to it, and writing deflate
// streams and zip headers here would be code of our own for a solved problem.
#include "docx/package.hpp"

#include <Poco/DateTime.h>
#include <Poco/Exception.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>

#include <istream>
#include <sstream>
#include <streambuf>

#include "docx/writer.hpp"
#include "core/messages.hpp"

namespace docx {

namespace {

// A part's pieces as one input stream, read in place. The standard library
// has no stream over several buffers, nor has Poco (its MemoryInputStream
// reads one).
class PiecesBuffer : public std::streambuf {
public:
    explicit PiecesBuffer(const std::vector<std::string>& pieces) : pieces_(pieces) {}

protected:
    int_type underflow() override {
        while (next_ < pieces_.size()) {
            const std::string& piece = pieces_[next_++];
            if (piece.empty()) continue;
            // std::streambuf's get area is char*; nothing writes through it.
            char* data = const_cast<char*>(piece.data());
            setg(data, data, data + piece.size());
            return traits_type::to_int_type(*gptr());
        }
        return traits_type::eof();
    }

private:
    const std::vector<std::string>& pieces_;
    std::size_t next_ = 0;
};

}  // namespace

std::string zip_package(const std::vector<Part>& parts) {
    // The zip epoch (MS-DOS dates start in 1980): no clock in the bytes.
    const Poco::DateTime epoch(1980, 1, 1, 0, 0, 0);
    std::ostringstream out(std::ios::binary);
    try {
        Poco::Zip::Compress zip(out, true);
        for (const Part& part : parts) {
            // Read in place: an istringstream would copy the part.
            PiecesBuffer buffer(part.pieces);
            std::istream in(&buffer);
            zip.addFile(in, epoch, Poco::Path(part.name, Poco::Path::PATH_UNIX), Poco::Zip::ZipCommon::CM_DEFLATE,
                        Poco::Zip::ZipCommon::CL_MAXIMUM);
        }
        zip.close();
    } catch (const Poco::Exception& e) {
        throw Error(core::tr("cannot write the zip container: {1}", e.displayText()));
    }
    return out.str();
}

}  // namespace docx
