#include "pdf/page_spill.hpp"

#include <hpdf_list.h>
#include <hpdf_streams.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "core/messages.hpp"
#include "pdf/writer.hpp"

namespace pdf {

PageSpill::PageSpill(const std::string& directory) : directory_(directory) {
    // Beside the PDF, on the disk it is written to: a file in $TMPDIR
    // could be in memory (tmpfs), which would only move the pages there.
    std::string name = (directory.empty() ? std::string(".") : directory) + "/.fuel-pages-XXXXXX";
    std::vector<char> path(name.begin(), name.end());
    path.push_back('\0');
    fd_ = ::mkstemp(path.data());
    if (fd_ < 0) {
        const int error = errno;
        throw Error(core::tr("cannot set aside the finished pages in '{1}': {2}", directory_, std::strerror(error)));
    }
    ::unlink(path.data());  // gone when closed, whatever happens to the process
}

PageSpill::~PageSpill() {
    if (fd_ >= 0) ::close(fd_);
}

void PageSpill::take(HPDF_Stream stream, const unsigned char* data, std::size_t size) {
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::pwrite(fd_, data + done, size - done, static_cast<off_t>(end_ + done));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const int error = n < 0 ? errno : EIO;
            const std::string reason = std::strerror(error);
            errno = error;  // the caller asks whether the disk was full
            throw Error(core::tr("cannot set aside the finished pages in '{1}': {2}", directory_, reason));
        }
        done += static_cast<std::size_t>(n);
    }
    ranges_.push_back(Range{fd_, end_, size, 0});
    end_ += static_cast<long long>(size);

    // The memory stream's buffers and attributes are freed here, as its own
    // free function would; libharu then frees only the stream record.
    auto* memory = static_cast<HPDF_MemStreamAttr>(stream->attr);
    HPDF_MemStream_FreeData(stream);
    HPDF_List_Free(memory->buf);
    HPDF_FreeMem(stream->mmgr, memory);
    stream->type = HPDF_STREAM_CALLBACK;
    stream->attr = &ranges_.back();
    stream->size = static_cast<HPDF_UINT32>(size);
    // No write function: HPDF_Stream_Size then asks size(), and a write to
    // a finished page fails instead of mixing with the compressed bytes.
    stream->write_fn = nullptr;
    stream->read_fn = &PageSpill::read;
    stream->seek_fn = &PageSpill::seek;
    stream->tell_fn = &PageSpill::tell;
    stream->size_fn = &PageSpill::size;
    stream->free_fn = nullptr;
}

// As libharu's memory and file readers: fill `*size` bytes, or fewer with
// HPDF_STREAM_EOF at the end.
HPDF_STATUS PageSpill::read(HPDF_Stream stream, HPDF_BYTE* buffer, HPDF_UINT* size) {
    auto* range = static_cast<Range*>(stream->attr);
    const std::size_t wanted = *size;
    const std::size_t count = std::min(wanted, range->size - std::min(range->position, range->size));
    std::size_t done = 0;
    while (done < count) {
        const ssize_t n = ::pread(range->fd, buffer + done, count - done,
                                  static_cast<off_t>(range->offset + static_cast<long long>(range->position + done)));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            *size = 0;
            return HPDF_SetError(stream->error, HPDF_FILE_IO_ERROR, n < 0 ? errno : EIO);
        }
        done += static_cast<std::size_t>(n);
    }
    range->position += count;
    *size = static_cast<HPDF_UINT>(count);
    return count < wanted ? HPDF_STREAM_EOF : HPDF_OK;
}

HPDF_STATUS PageSpill::seek(HPDF_Stream stream, HPDF_INT position, HPDF_WhenceMode mode) {
    auto* range = static_cast<Range*>(stream->attr);
    long long target = position;
    if (mode == HPDF_SEEK_CUR) target += static_cast<long long>(range->position);
    if (mode == HPDF_SEEK_END) target = static_cast<long long>(range->size) - position;  // as libharu's memory stream
    if (target < 0 || target > static_cast<long long>(range->size))
        return HPDF_SetError(stream->error, HPDF_STREAM_EOF, 0);
    range->position = static_cast<std::size_t>(target);
    return HPDF_OK;
}

HPDF_INT32 PageSpill::tell(HPDF_Stream stream) {
    return static_cast<HPDF_INT32>(static_cast<Range*>(stream->attr)->position);
}

HPDF_UINT32 PageSpill::size(HPDF_Stream stream) {
    return static_cast<HPDF_UINT32>(static_cast<Range*>(stream->attr)->size);
}

}  // namespace pdf
