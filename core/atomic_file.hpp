// Writing files so that a crash or a full disk never leaves half a file: write a temporary
// beside the target, then rename it over the target.
#pragma once
#include <string>
#include <string_view>

namespace ganscope {

/// Writes `text` to `path` atomically; throws std::runtime_error naming the path and the cause.
void writeFileAtomically(const std::string& path, std::string_view text);

/// Throws std::runtime_error if `path` could not be written (its folder is missing or not
/// writable), without touching `path` itself. For checks before long work.
void checkWritable(const std::string& path);

}  // namespace ganscope
