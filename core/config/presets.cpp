// Built-in presets, parsed from the JSON files embedded at build time.
#include "core/config/presets.hpp"

#include <algorithm>

#include "common/embedded.hpp"
#include "common/json_reader.hpp"

namespace ganscope {
std::span<const EmbeddedFile> embedded_presets();

namespace {
std::string presetName(std::string_view file_name) {
  return std::string(file_name.substr(0, file_name.rfind(".json")));
}
}  // namespace

std::vector<std::string> presetNames() {
  std::vector<std::string> names;
  for (const EmbeddedFile& file : embedded_presets()) names.push_back(presetName(file.name));
  std::sort(names.begin(), names.end());
  return names;
}

TrainConfig presetConfig(const std::string& name) {
  for (const EmbeddedFile& file : embedded_presets()) {
    if (presetName(file.name) == name) return parseConfig(file.text, "preset " + name);
  }
  std::string known;
  for (const std::string& preset : presetNames()) known += (known.empty() ? "" : ", ") + preset;
  throw ConfigError("preset", "unknown preset " + quoteJson(name) + "; known presets: " + known);
}

}  // namespace ganscope
