// Atomic file writes: temporary file + rename.
#include "core/atomic_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace ganscope {
namespace {

[[noreturn]] void fail(const std::string& path, int error) {
  throw std::runtime_error("cannot write " + path + ": " + std::strerror(error));
}

std::string tempPath(const std::string& path) {
  return path + ".tmp";
}

}  // namespace

void writeFileAtomically(const std::string& path, std::string_view text) {
  const std::string temp = tempPath(path);
  std::FILE* file = std::fopen(temp.c_str(), "wb");
  if (!file) fail(path, errno);
  const bool written = std::fwrite(text.data(), 1, text.size(), file) == text.size();
  const int write_error = errno;
  if (std::fclose(file) != 0 || !written) {
    const int error = written ? errno : write_error;
    std::remove(temp.c_str());
    fail(path, error);
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    const int error = errno;
    std::remove(temp.c_str());
    fail(path, error);
  }
}

void checkWritable(const std::string& path) {
  if (std::filesystem::is_directory(path)) fail(path, EISDIR);
  const std::string temp = tempPath(path);
  std::FILE* file = std::fopen(temp.c_str(), "wb");
  if (!file) fail(path, errno);
  std::fclose(file);
  std::remove(temp.c_str());
}

}  // namespace ganscope
