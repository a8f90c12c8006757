// Text files compiled into the binary by cmake/embed.cmake (presets, shaders).
#pragma once
#include <span>
#include <string_view>

namespace ganscope {

/// One embedded file: its base name and its full text.
struct EmbeddedFile {
  std::string_view name;
  std::string_view text;
};

}  // namespace ganscope
