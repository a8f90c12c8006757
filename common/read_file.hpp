// Reading whole files safely: only regular files, and only up to a size limit, so that a
// device (/dev/zero), a FIFO nobody writes or a folder fails at once with a message.
#pragma once
#include <cstddef>
#include <string>

namespace ganscope {

/// The limit for config files: 10,000 drawn points take well under 1 MB.
inline constexpr size_t kMaxConfigBytes = size_t{16} << 20;

/// The whole content of `path`, which must be a regular file (a symlink to one is fine) of at
/// most `max_bytes`. Throws FileError naming the path and what is wrong, without blocking.
std::string readRegularFile(const std::string& path, size_t max_bytes);

}  // namespace ganscope
