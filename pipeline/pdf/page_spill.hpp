#pragma once
// Finished pages set aside on disk until the document is saved. Internal to
// the PDF stage.
//
// libharu keeps every object of a document in memory and writes the file
// only when it saves, at the end; the compressed page content of a long
// appendix (25 MB for 3 000 pages) was held until then, on top of the
// structures the end of the document needs (docs/memory.md). A page's
// content is final once compressed (stream_compression.hpp), so its bytes
// go to an unlinked file beside the PDF being written, and libharu's stream
// object becomes a reader of that range: when libharu saves, it copies them
// from there into the PDF. The bytes of the PDF are the same.
#include <hpdf.h>

#include <cstddef>
#include <deque>
#include <string>

namespace pdf {

class PageSpill {
public:
    // An unlinked file in `directory`; throws pdf::Error if none can be made.
    explicit PageSpill(const std::string& directory);
    ~PageSpill();
    PageSpill(const PageSpill&) = delete;
    PageSpill& operator=(const PageSpill&) = delete;

    // Writes `size` bytes to the file and turns `stream`, a memory stream
    // that nothing will write to again, into a reader of them: its buffers
    // are freed. Throws pdf::Error, with errno kept, if the write fails.
    void take(HPDF_Stream stream, const unsigned char* data, std::size_t size);

private:
    struct Range {
        int fd = -1;
        long long offset = 0;
        std::size_t size = 0;
        std::size_t position = 0;  // of the next read, from offset
    };
    static HPDF_STATUS read(HPDF_Stream stream, HPDF_BYTE* buffer, HPDF_UINT* size);
    static HPDF_STATUS seek(HPDF_Stream stream, HPDF_INT position, HPDF_WhenceMode mode);
    static HPDF_INT32 tell(HPDF_Stream stream);
    static HPDF_UINT32 size(HPDF_Stream stream);

    std::string directory_;
    int fd_ = -1;
    long long end_ = 0;
    std::deque<Range> ranges_;  // a deque: a range's address, given to libharu, never moves
};

}  // namespace pdf
