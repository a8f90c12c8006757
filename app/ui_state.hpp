// UiState: the GUI's state that is not a display setting: the edits in the controls, the
// error banner, plot views, captures. One struct, owned by GuiApp.
#pragma once
#include <string>

#include "app/capture_strip.hpp"
#include "app/plot/draw.hpp"
#include "core/config.hpp"

namespace ganscope {

struct UiState {
  TrainConfig edit;          ///< what the controls show; hyperparameters go live at once
  bool needs_reset = false;  ///< architecture, data or seed edited: applies on Reset
  std::string error;         ///< shown in a modal dialog until dismissed
  std::string config_path = "ganscope-config.json";  ///< the Load/Save file field
  CaptureStrip captures;
  plot::PlotView figure1_view, losses_view, d_means_view, histogram_view, plane_view, modes_view;
  plot::PlotView capture_views[CaptureStrip::kSlots];
};

}  // namespace ganscope
