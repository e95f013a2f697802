#include "pdf/stream_compression.hpp"

#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <libdeflate.h>

#include <algorithm>
#include <atomic>
#include <memory>
#include <thread>
#include <vector>

#include "core/parallel.hpp"
#include "pdf/writer.hpp"
#include "core/messages.hpp"

namespace pdf {

namespace {

// libdeflate's level 6 gives zlib's level-6 size (about 15 % of the
// content) at about twice its speed; higher levels gain a few per cent of
// size for much more time.
constexpr int kLevel = 6;

struct Pending {
    HPDF_Dict dict = nullptr;
    std::vector<unsigned char> data;  // the stream's bytes, then compressed
};

bool deflated_at_save(HPDF_Dict dict) {
    // A hook of the stream's own could write data or entries while saving.
    return dict != nullptr && dict->stream != nullptr && dict->filter == HPDF_STREAM_FILTER_FLATE_DECODE &&
           dict->stream->type == HPDF_STREAM_MEMORY && HPDF_Stream_Size(dict->stream) > 0 &&
           dict->before_write_fn == nullptr && dict->write_fn == nullptr && dict->after_write_fn == nullptr;
}

std::vector<unsigned char> stream_bytes(HPDF_Stream stream) {
    std::vector<unsigned char> bytes;
    bytes.reserve(HPDF_Stream_Size(stream));
    const HPDF_UINT count = HPDF_MemStream_GetBufCount(stream);
    for (HPDF_UINT i = 0; i < count; ++i) {
        HPDF_UINT length = 0;
        const HPDF_BYTE* buffer = HPDF_MemStream_GetBufPtr(stream, i, &length);
        if (buffer == nullptr) throw Error(core::tr("libharu could not read back a stream's buffer"));
        bytes.insert(bytes.end(), buffer, buffer + length);
    }
    return bytes;
}

// Threads beyond the caller's, counted for the whole process: documents
// are written on several threads at once (the job's), and each may ask for
// helpers, so that the helpers of all of them together stay below the
// machine's cores instead of multiplying with the documents. A helper
// taken while the other cores are still busy only shares them; one taken
// when they are idle (the last, longest document) uses them.
class HelperThreads {
public:
    explicit HelperThreads(unsigned wanted) {
        const int limit = static_cast<int>(std::max(1u, std::thread::hardware_concurrency())) - 1;
        int in_use = in_use_.load();
        do {
            count_ = std::max(0, std::min(static_cast<int>(wanted), limit - in_use));
        } while (count_ > 0 && !in_use_.compare_exchange_weak(in_use, in_use + count_));
    }
    ~HelperThreads() { in_use_.fetch_sub(count_); }
    HelperThreads(const HelperThreads&) = delete;
    HelperThreads& operator=(const HelperThreads&) = delete;
    unsigned count() const { return static_cast<unsigned>(count_); }

private:
    static inline std::atomic<int> in_use_{0};
    int count_ = 0;
};

struct CompressorDeleter {
    void operator()(libdeflate_compressor* compressor) const { libdeflate_free_compressor(compressor); }
};

}  // namespace

void compress_streams(HaruDocument& doc, const std::vector<HPDF_Dict>& streams, unsigned threads, PageSpill* spill) {
    std::vector<Pending> pending;
    pending.reserve(streams.size());
    // Read on this thread: libharu's objects and memory manager are not
    // shared with the compressing threads, which see only plain buffers.
    for (HPDF_Dict dict : streams) {
        if (!deflated_at_save(dict)) continue;
        Pending item;
        item.dict = dict;
        item.data = stream_bytes(item.dict->stream);
        HPDF_MemStream_FreeData(item.dict->stream);  // the copy holds it now
        pending.push_back(std::move(item));
    }
    doc.check("read the streams to compress");

    // Each thread has one compressor (about a megabyte at level 6) and
    // takes the next stream until none is left.
    std::vector<char> failed(pending.size(), 0);
    std::atomic<std::size_t> next{0};
    const HelperThreads helpers(threads > 1 ? threads - 1 : 0);
    core::parallel_for(1 + helpers.count(), 1 + helpers.count(), [&](std::size_t) {
        std::unique_ptr<libdeflate_compressor, CompressorDeleter> compressor(libdeflate_alloc_compressor(kLevel));
        for (std::size_t i; (i = next.fetch_add(1)) < pending.size();) {
            std::vector<unsigned char>& data = pending[i].data;
            std::vector<unsigned char> out(compressor ? libdeflate_zlib_compress_bound(compressor.get(), data.size())
                                                      : 0);
            const std::size_t size = compressor ? libdeflate_zlib_compress(compressor.get(), data.data(), data.size(),
                                                                           out.data(), out.size())
                                                : 0;
            if (size == 0) {
                failed[i] = 1;
                continue;
            }
            out.resize(size);
            data = std::move(out);
        }
    });

    for (std::size_t i = 0; i < pending.size(); ++i) {
        if (failed[i])
            throw Error(core::tr("libdeflate could not compress a stream of {1} bytes",
                                 std::to_string(pending[i].data.size())));
        HPDF_Dict dict = pending[i].dict;
        if (spill != nullptr)
            spill->take(dict->stream, pending[i].data.data(), pending[i].data.size());
        else
            HPDF_Stream_Write(dict->stream, pending[i].data.data(), static_cast<HPDF_UINT>(pending[i].data.size()));
        std::vector<unsigned char>().swap(pending[i].data);
        // Written as they are; the filter entry comes from us, since
        // libharu removes /Filter from a stream it does not filter itself.
        dict->filter = HPDF_STREAM_FILTER_NONE;
        const std::size_t begin = doc.raw_entries().text().size();
        doc.raw_entries().text() += "/Filter /FlateDecode\n";
        doc.raw_entries().attach(dict, begin, doc.raw_entries().text().size());
    }
    doc.check("write the compressed streams");
}

}  // namespace pdf
