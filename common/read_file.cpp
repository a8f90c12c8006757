// readRegularFile: stat first, open without blocking, check again on the open descriptor.
#include "common/read_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>

#include "common/file_error.hpp"

namespace ganscope {
namespace {

void checkStat(const std::string& path, const struct stat& info, size_t max_bytes) {
  if (S_ISDIR(info.st_mode)) throw FileError(path, "is a folder, not a file");
  if (!S_ISREG(info.st_mode)) {
    throw FileError(path, std::string("is ") + fileKindName(info.st_mode) + ", not a regular file");
  }
  if (static_cast<uint64_t>(info.st_size) > max_bytes) {
    throw FileError(path, "is " + std::to_string(info.st_size) + " bytes; the limit is " +
                              std::to_string(max_bytes));
  }
}

/// Closes the descriptor on every path out of readRegularFile.
struct Descriptor {
  int fd;
  ~Descriptor() { ::close(fd); }
};

}  // namespace

std::string readRegularFile(const std::string& path, size_t max_bytes) {
  if (path.empty()) throw FileError("\"\"", "an empty file name");
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) throw FileError(path, std::strerror(errno));
  checkStat(path, info, max_bytes);
  // O_NONBLOCK: should the path have become a FIFO since stat(), open() must not wait.
  const Descriptor file{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)};
  if (file.fd < 0) throw FileError(path, std::strerror(errno));
  if (::fstat(file.fd, &info) != 0) throw FileError(path, std::strerror(errno));
  checkStat(path, info, max_bytes);
  std::string text(static_cast<size_t>(info.st_size), '\0');
  size_t filled = 0;
  while (true) {  // the file may grow while we read: never beyond max_bytes
    if (filled == text.size()) {
      if (text.size() >= max_bytes + 1) break;
      text.resize(std::min(max_bytes + 1, std::max<size_t>(text.size() * 2, 4096)));
    }
    const ssize_t got = ::read(file.fd, text.data() + filled, text.size() - filled);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) throw FileError(path, std::strerror(errno));
    if (got == 0) break;
    filled += static_cast<size_t>(got);
  }
  if (filled > max_bytes) {
    throw FileError(path, "is larger than the limit of " + std::to_string(max_bytes) + " bytes");
  }
  text.resize(filled);
  return text;
}

}  // namespace ganscope
