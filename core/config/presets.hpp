// Built-in presets: assets/presets/*.json compiled into the binary.
#pragma once
#include <string>
#include <vector>

#include "core/api/config.hpp"

namespace ganscope {

/// The preset used when none is named.
inline constexpr const char* kDefaultPreset = "figure1";

/// Names of the built-in presets, sorted.
std::vector<std::string> presetNames();

/// The named preset; throws ConfigError listing the known names if there is none.
TrainConfig presetConfig(const std::string& name);

}  // namespace ganscope
