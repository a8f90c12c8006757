// The GUI: a Window, a Session, the MetricStore and the panels, in a frame loop that redraws
// while something changes and otherwise sleeps until input arrives.
#pragma once
#include <cstdint>
#include <string>

#include "core/config.hpp"

namespace ganscope {

struct GuiOptions {
  int threads = 1;                  ///< LibTorch intra-op threads of the trainer
  int width = 1600, height = 900;   ///< window size
  bool start_paused = false;        ///< open paused
  std::string screenshot_path;      ///< non-empty: scripted run that saves a PNG and exits
  int screenshot_frames = 60;       ///< frames to render before the screenshot
  int64_t screenshot_steps = 0;     ///< steps to train before the screenshot (0: the preset's)
};

/// Runs the window until it is closed (or the screenshot is written). Returns an exit code.
int runGui(const TrainConfig& config, const GuiOptions& options);

}  // namespace ganscope
