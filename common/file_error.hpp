// FileError: a file that cannot be read or written, naming the path and the cause.
#pragma once
#include <stdexcept>
#include <string>

namespace ganscope {

/// what() is "PATH: REASON"; reason() alone, e.g. "is a FIFO, not a regular file".
class FileError : public std::runtime_error {
 public:
  FileError(const std::string& path, std::string reason)
      : std::runtime_error(path + ": " + reason), path_(path), reason_(std::move(reason)) {}
  const std::string& path() const { return path_; }
  const std::string& reason() const { return reason_; }

 private:
  std::string path_;
  std::string reason_;
};

/// What kind of file a stat() mode describes ("a folder", "a FIFO", "a character device", ...).
const char* fileKindName(unsigned mode);

}  // namespace ganscope
