// UiState: the GUI's global state that is not a display setting: the edits in the controls, the
// error dialog, file paths, the drawn data, the Compare... requests and the pace. Per-run state
// lives in RunView. One struct, owned by GuiApp.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/state/drawn_points.hpp"
#include "app/state/image_folder.hpp"
#include "app/state/latent_class_map.hpp"
#include "app/state/latent_explorer.hpp"
#include "app/widgets/number_field.hpp"
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

/// The Compare... popup: the FIELD=VALUE changes of the run it starts.
struct CompareState {
  std::string field;                     ///< the text field of the popup
  std::vector<std::string> assignments;  ///< the changes chosen so far
  std::string message;                   ///< why the last change was refused, or ""
};

/// The sample grid panel's choices and the samples pinned in it.
struct SampleGridState {
  int side = 8;         ///< cells per row and column (4 to kMaxGridSide)
  float zoom = 1;       ///< magnification of both grids over their fitted size (1 to 8)
  bool linear = false;  ///< smooth (linear) pixel filtering; off: crisp (nearest) pixels
  /// Indices into the fixed z batch the user clicked (the latent explorer uses them), kept
  /// across frames; cleared when the run's generation changes (a reset, a load).
  std::vector<int> pinned;
  int chosen_real = -1;     ///< the real image clicked for the explorer's "find z" (-1: none)
  uint32_t generation = 0;  ///< the run generation `pinned` and `chosen_real` belong to
};

/// The controls' image-data fields: the text typed, and the check of the folder committed.
struct ImageDataFields {
  std::string folder;          ///< the folder field (committed into edit.data.path on Enter)
  bool folder_typed = false;   ///< `folder` holds the user's typing (else it shows the edit's)
  std::string classes;         ///< the class filter field (committed into edit.data.classes)
  bool classes_typed = false;  ///< as folder_typed
  std::string classes_error;   ///< why the last class filter was refused, or ""
  std::optional<std::string> checked;  ///< the folder `check` is about (checked once per path)
  ImageFolderCheck check;
};

struct UiState {
  TrainConfig edit;          ///< what the controls show; hyperparameters go live at once
  bool needs_reset = false;  ///< architecture, data or seed edited: applies on Reset
  std::string error;         ///< shown in a modal dialog until dismissed
  std::string config_path = "ganscope-config.json";  ///< the Load/Save file field
  /// The Save/Open session file field.
  std::string session_path = "ganscope-session.gss";
  DrawDataState draw_data;
  CompareState compare;
  NumberFieldState fields;  ///< the number field being typed in, a refused entry, field places
  /// Set by the popup's Start: GuiApp starts a second run with these changes after the frame.
  std::optional<std::vector<std::string>> start_compare;
  /// Set by a run's close button: GuiApp closes that run (by index) after the frame.
  std::optional<size_t> close_run;
  /// Focus mode: the layout slot (a Slot) whose panel fills the window alone (-1: none).
  int focused_slot = -1;
  /// The slot the mouse was over in the last frame (-1: none): F focuses it.
  int hovered_slot = -1;
  /// The pace: steps per second every run keeps (0: unlimited). One for all runs, so runs
  /// compared side by side move in step. Not persisted: each window starts at --speed.
  double speed_limit = 0;
  SampleGridState samples;
  ImageDataFields image_data;
  LatentExplorerState explorer;  ///< the latent explorer's choices, the same for every run
  ClassMapSettings class_map;    ///< the explorer's class map: shown, its side
  /// Set during a frame by a panel that animates or waits for an answer: GuiApp draws the
  /// next frames too, also while paused and quiet. Cleared before each frame.
  bool animating = false;
};

}  // namespace ganscope
