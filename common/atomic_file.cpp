// Atomic file writes: a uniquely named temporary file + fsync + rename + fsync of the folder.
#include "common/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>

#include "common/file_error.hpp"

namespace ganscope {
namespace {

[[noreturn]] void fail(const std::string& path, int error) {
  throw FileError(path, std::string("cannot write: ") + std::strerror(error));
}

/// Refuses an empty name and an existing target that is not a regular file (lstat: a symbolic
/// link is refused rather than followed).
void checkTarget(const std::string& path) {
  if (path.empty()) throw FileError("\"\"", "an empty file name");
  struct stat info {};
  if (::lstat(path.c_str(), &info) != 0) {
    if (errno == ENOENT) return;
    fail(path, errno);
  }
  if (S_ISREG(info.st_mode)) return;
  std::string reason =
      std::string("is ") + fileKindName(info.st_mode) + "; only a regular file is ever replaced";
  if (S_ISLNK(info.st_mode)) reason += " (name the link's target instead)";
  throw FileError(path, reason);
}

/// Creates a temporary file beside `path` for writing, under a name no one else uses (this
/// process's id and a counter, created exclusively: two writers of one path never share one,
/// and a user's own "name.tmp" is never touched); never through a symbolic link, never waiting
/// on a FIFO. Returns its descriptor and sets `temp` to its name.
int openTemp(const std::string& path, std::string& temp) {
  static std::atomic<uint64_t> counter{0};
  for (int attempt = 0; attempt < 100; ++attempt) {
    temp = path + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(counter++);
    const int fd = ::open(temp.c_str(),
                          O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0666);
    if (fd >= 0) return fd;
    if (errno != EEXIST) fail(path, errno);
  }
  throw FileError(path, "cannot write: no free temporary name beside it");
}

bool writeAll(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t done = ::write(fd, text.data(), text.size());
    if (done < 0 && errno == EINTR) continue;
    if (done <= 0) return false;
    text.remove_prefix(static_cast<size_t>(done));
  }
  return true;
}

/// Makes the rename durable. Folders that cannot be opened or synced (some file systems) are
/// left as they are: the file itself is already on disk.
void syncFolder(const std::string& path) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  const std::filesystem::path folder = parent.empty() ? std::filesystem::path(".") : parent;
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

void writeFileAtomically(const std::string& path, std::string_view text) {
  checkTarget(path);
  std::string temp;
  const int fd = openTemp(path, temp);
  const bool written = writeAll(fd, text) && ::fsync(fd) == 0;
  const int write_error = errno;
  if (::close(fd) != 0 || !written) {
    const int error = written ? errno : write_error;
    ::unlink(temp.c_str());
    fail(path, error);
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    fail(path, error);
  }
  syncFolder(path);
}

void checkWritable(const std::string& path) {
  checkTarget(path);
  std::string temp;
  ::close(openTemp(path, temp));
  ::unlink(temp.c_str());
}

}  // namespace ganscope
