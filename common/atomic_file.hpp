// Writing files so that a crash or a full disk never leaves half a file: write a temporary
// beside the target, fsync it, rename it over the target, fsync the folder. Only regular files
// are ever replaced: a device, FIFO, folder or symbolic link at the target is refused.
#pragma once
#include <string>
#include <string_view>

namespace ganscope {

/// Writes `text` to `path` atomically. Throws FileError (a std::runtime_error) naming the path
/// and the cause, also when `path` exists and is not a regular file (symbolic links included:
/// name the link's target instead).
void writeFileAtomically(const std::string& path, std::string_view text);

/// Throws FileError if writeFileAtomically(path, ...) would fail for a reason known now: the
/// target is not a regular file, or its folder is missing or not writable. Does not touch
/// `path` itself. For checks before long work.
void checkWritable(const std::string& path);

}  // namespace ganscope
