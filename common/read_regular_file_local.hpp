// A bounded read of a regular file (never a FIFO, device or folder), for configs and sessions.
// TODO(merge): use common readRegularFile (engineer A's common/ library) and delete this file.
#pragma once
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>

namespace ganscope::local_io {

/// The bytes of `path`; throws std::runtime_error naming the path unless it is a regular file
/// of at most `max_bytes` that can be read. Opens without blocking, so a FIFO cannot hang it.
inline std::string readRegularFile(const std::string& path, uint64_t max_bytes) {
  auto fail = [&](const std::string& why) { throw std::runtime_error(path + ": " + why); };
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) fail(std::string("cannot open: ") + std::strerror(errno));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat info {};
  if (::fstat(fd, &info) != 0) fail(std::string("cannot stat: ") + std::strerror(errno));
  if (S_ISDIR(info.st_mode)) fail("is a folder, not a file");
  if (!S_ISREG(info.st_mode)) fail("is not a regular file (a device, FIFO or socket)");
  if (static_cast<uint64_t>(info.st_size) > max_bytes) {
    fail("is " + std::to_string(info.st_size) + " bytes, more than the limit of " +
         std::to_string(max_bytes));
  }
  std::string bytes(static_cast<size_t>(info.st_size), '\0');
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail(std::string("cannot read: ") + std::strerror(errno));
    if (n == 0) break;  // shrank while reading
    done += static_cast<size_t>(n);
  }
  bytes.resize(done);
  return bytes;
}

}  // namespace ganscope::local_io
