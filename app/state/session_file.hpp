// Session files: a run saved to disk (config, GanState bytes, metric history, view settings)
// so it can be opened again and continue exactly where it stopped, plots included.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "app/state/view_settings.hpp"
#include "core/api/config.hpp"

namespace ganscope {

class MetricStore;
class Session;

/// Format version of session files; reading refuses any other.
inline constexpr uint32_t kSessionFileVersion = 3;  // 2: gradient-norm series; 3: image metrics
/// Largest session file read (a history of 4M steps is ~100 MB).
inline constexpr uint64_t kMaxSessionFileBytes = uint64_t{1} << 30;

/// What a session file holds.
struct SessionFile {
  TrainConfig config;   ///< the run's config (the same as the state's own)
  std::string state;    ///< Session::saveState bytes
  std::string history;  ///< MetricStore::exportHistory bytes
  ViewSettings view;    ///< the window's display settings when saved
};

/// The run `session` is training, with `store`'s history and `view`: waits for the trainer
/// to answer between steps. Stats still in flight are not in the history yet.
SessionFile captureSession(Session& session, const MetricStore& store, const ViewSettings& view);

/// The file's bytes: magic "GANSCOPE-SESSION", version, payload size, crc32 of the payload,
/// then the config and view settings as JSON text, the state and the history.
std::string encodeSessionFile(const SessionFile& session);
/// Parses and checks bytes written by encodeSessionFile; throws FormatError naming `source`
/// and what is wrong (not a session, truncated, corrupted, wrong version, bad section).
SessionFile decodeSessionFile(std::string_view bytes, const std::string& source);

/// Writes the file atomically (temporary file, rename); throws std::runtime_error.
void saveSessionFile(const std::string& path, const SessionFile& session);
/// Reads a regular file of at most kMaxSessionFileBytes and decodes it; throws
/// std::runtime_error (FormatError for bad content) naming the path.
SessionFile loadSessionFile(const std::string& path);

}  // namespace ganscope
