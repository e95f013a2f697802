#include "job/companions.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "casefields/case_fields.hpp"
#include "docx/writer.hpp"
#include "html/writer.hpp"
#include "xlsx/workbook.hpp"
#include "core/messages.hpp"

namespace job {

namespace fs = std::filesystem;

namespace {

// Unique among the threads and processes that may write next to `path`.
std::string temporary_name(const std::string& path) {
    static std::atomic<unsigned long> counter{0};
    return path + "." + std::to_string(::getpid()) + "." + std::to_string(counter++) + ".tmp";
}

// `message`: a tr() text with {1} for the path and {2} for the system's reason.
[[noreturn]] void fail(const char* message, const std::string& path) {
    throw std::runtime_error(core::tr(message, path, std::strerror(errno)));
}

// The data must be on disk before the rename makes it the file, or a power
// loss could leave an empty file under the final name: either here
// (Flush::Now) or by the publish step's flush of the whole staging folder
// before the folder becomes the dataset's (Flush::WithFolder).
void write_bytes(const std::string& path, const std::string* first, const std::string* last, Flush flush) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) fail(core::tr_noop("cannot create {1}: {2}"), path);
    for (const std::string* bytes = first; bytes != last; ++bytes) {
        std::size_t done = 0;
        while (done < bytes->size()) {
            const auto n = ::write(fd, bytes->data() + done, bytes->size() - done);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) {
                ::close(fd);
                fail(core::tr_noop("cannot write {1}: {2}"), path);
            }
            done += static_cast<std::size_t>(n);
        }
    }
    if ((flush == Flush::Now && ::fsync(fd) != 0) || ::close(fd) != 0)
        fail(core::tr_noop("cannot flush {1}: {2}"), path);
}

void write_range_atomically(const std::string& path, const std::string* first, const std::string* last, Flush flush) {
    const auto temporary = temporary_name(path);
    try {
        write_bytes(temporary, first, last, flush);
        if (std::rename(temporary.c_str(), path.c_str()) != 0) fail(core::tr_noop("cannot rename to {1}: {2}"), path);
    } catch (...) {
        std::remove(temporary.c_str());
        throw;
    }
}

}  // namespace

void write_file_atomically(const std::string& path, const std::string& bytes, Flush flush) {
    write_range_atomically(path, &bytes, &bytes + 1, flush);
}

void write_file_atomically(const std::string& path, const std::vector<std::string>& pieces, Flush flush) {
    write_range_atomically(path, pieces.data(), pieces.data() + pieces.size(), flush);
}

std::vector<std::string> write_companions(const doc::Document& document, const std::string& name,
                                          const std::string& folder, core::Diagnostics&) {
    std::vector<std::string> written;
    const auto html_name = name + ".html";
    // The folder is the staging folder, which publish() flushes as a whole.
    write_file_atomically((fs::path(folder) / html_name).string(), html::render_pieces(document), Flush::WithFolder);
    written.push_back(html_name);
    // The Word twin, for the case system, where a document is edited last.
    const auto docx_name = name + ".docx";
    write_file_atomically((fs::path(folder) / docx_name).string(), docx::render(document), Flush::WithFolder);
    written.push_back(docx_name);
    if (const auto fields = casefields::extract(document)) {
        for (const auto& [file, bytes] : {std::pair{name + ".txt", casefields::format_text(*fields)},
                                          std::pair{name + ".json", casefields::format_json(*fields)}}) {
            write_file_atomically((fs::path(folder) / file).string(), bytes, Flush::WithFolder);
            written.push_back(file);
        }
    }
    if (xlsx::has_tables(document)) {
        const auto file = name + ".xlsx";
        const auto path = (fs::path(folder) / file).string();
        const auto temporary = temporary_name(path);
        try {
            xlsx::write_workbook(document, temporary);
            if (std::rename(temporary.c_str(), path.c_str()) != 0)
                fail(core::tr_noop("cannot rename to {1}: {2}"), path);
        } catch (...) {
            std::remove(temporary.c_str());
            throw;
        }
        written.push_back(file);
    }
    return written;
}

}  // namespace job
