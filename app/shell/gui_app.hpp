// The GUI: a Window, a Session, the MetricStore and the panels, in a frame loop that redraws
// while something changes and otherwise sleeps until input arrives.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "app/state/session_file.hpp"
#include "core/api/config.hpp"

namespace ganscope {

struct GuiOptions {
  int threads = 1;                 ///< LibTorch intra-op threads of the trainer
  int width = 1600, height = 900;  ///< window size
  bool start_paused = true;        ///< open paused at step 0 (a screenshot run then stays so)
  double steps_per_second = 0;     ///< the speed limit to open with (0: unlimited)
  std::string language;            ///< --lang: the window's language code ("": the saved one)
  std::string focus;               ///< a slot name: open in focus mode on its panel ("": off)
  int64_t pause_at_step = -1;      ///< pause when this many steps are done (-1: never)
  std::string screenshot_path;     ///< non-empty: train to pause_at_step, save a PNG, exit
  int screenshot_frames = 60;      ///< frames to render before the screenshot
  /// Scripted input (--input-script FILE, see inputScriptHelp): the screenshot waits for its end.
  std::string input_script_path;

  /// Continue this saved run with its history and view settings (nullptr: start `config`).
  const SessionFile* session = nullptr;
  /// A second run shown beside the first from step 0 (--compare), or none.
  std::optional<TrainConfig> compare;
};

/// Runs the window until it is closed (or the screenshot is written). Returns an exit code.
int runGui(const TrainConfig& config, const GuiOptions& options);

}  // namespace ganscope
