// Saving and loading a GanState to and from bytes and files: the basis of sessions on disk.
// Torch-free header: app/ may call the config query; the state itself stays in core.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "core/api/config.hpp"

namespace ganscope {

struct GanState;

/// Format version of the bytes saveGanState writes; loading refuses any other.
inline constexpr uint32_t kGanStateVersion = 1;
/// Largest state file loadGanStateFile reads (networks of millions of weights fit).
inline constexpr uint64_t kMaxStateBytes = uint64_t{1} << 30;

/// The state as bytes: version, config (JSON), step and last figures, the training
/// generator, both networks' parameters and buffers by name, both optimisers' state.
std::string saveGanState(const GanState& state);
/// Builds the state `bytes` describe, checked against the architecture of their config.
/// Throws FormatError (common/byte_stream.hpp) naming `source` and what is wrong.
GanState loadGanState(std::string_view bytes, const std::string& source = "state");
/// Only the config of state bytes (header and config checked); throws like loadGanState.
TrainConfig ganStateConfig(std::string_view bytes, const std::string& source = "state");
/// Only the step counter of state bytes (header, config and step checked).
int64_t ganStateStep(std::string_view bytes, const std::string& source = "state");

/// Writes saveGanState's bytes to `path` atomically; throws std::runtime_error.
void saveGanStateFile(const GanState& state, const std::string& path);
/// Reads a regular file of at most kMaxStateBytes and loads it; throws std::runtime_error.
GanState loadGanStateFile(const std::string& path);

}  // namespace ganscope
