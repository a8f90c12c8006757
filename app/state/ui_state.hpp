// UiState: the GUI's state that is not a display setting: the edits in the controls, the
// error banner, plot views, captures, the plane's trails and drawn data. One struct, owned by
// GuiApp.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "app/state/capture_strip.hpp"
#include "app/state/drawn_points.hpp"
#include "app/state/fake_trails.hpp"
#include "app/plot/draw.hpp"
#include "core/api/config.hpp"

namespace ganscope {

/// The plane panel's "Draw data" mode: paint 2-D points, then train on them.
struct DrawDataState {
  bool on = false;             ///< a left drag on the plane paints instead of panning
  float brush_radius = 0.15f;  ///< radius of the brush, data units
  float std = 0.05f;           ///< data.std of the run trained on the points: each point's blur
  std::string path = "ganscope-points.json";  ///< the Save/Load file field
  DrawnPoints points;
};

/// A session file's metric history, opened as telemetry of `generation` (the loaded run's).
struct OpenedHistory {
  std::string bytes;  ///< MetricStore::exportHistory bytes
  uint32_t generation = 0;
};

struct UiState {
  TrainConfig edit;          ///< what the controls show; hyperparameters go live at once
  bool needs_reset = false;  ///< architecture, data or seed edited: applies on Reset
  std::string error;         ///< shown in a modal dialog until dismissed
  std::string config_path = "ganscope-config.json";  ///< the Load/Save file field
  /// The Save/Open session file field.
  std::string session_path = "ganscope-session.gss";
  /// Set by Open session: GuiApp moves it into the MetricStore before the next telemetry.
  std::optional<OpenedHistory> opened_history;
  CaptureStrip captures;
  plot::PlotView figure1_view, losses_view, d_means_view, histogram_view, plane_view, modes_view;
  plot::PlotView capture_views[CaptureStrip::kSlots];
  FakeTrails trails;  ///< the plane's fixed-z fakes over the last snapshots
  DrawDataState draw_data;
};

}  // namespace ganscope
