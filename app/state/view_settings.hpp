// ViewSettings: every user-visible display choice with its default, in one place; kept
// between runs as JSON in the user's config folder.
#pragma once
#include <array>
#include <cstdint>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace ganscope {

struct Figure1Layers {
  bool p_data = true;   ///< data density as black dots (default: on)
  bool p_g = true;      ///< generator density as a green line (default: on)
  bool d = true;        ///< discriminator D(x) as a blue dashed line (default: on)
  bool d_star = true;   ///< optimal D*(x) as a faint line (default: on)
  bool d_strip = true;  ///< D(x) as a colour strip on the x-line, white at D = 1/2 (default: on)
  bool mapping = true;  ///< z-line to x-line arrows x = G(z) (default: on)
};

/// What the plane panel (2-D data) draws. Trails, the manifold and the gradient field are off by
/// default: on a projector 512 fading paths are busy, and the mesh and the arrows smear the
/// early ring (G's samples start in a clump the mesh and arrows cover); they are for the moment
/// one wants to show how G maps z and where its loss pushes.
struct PlaneLayers {
  bool d_heatmap = true;        ///< D over the plane as a colour field (default: on)
  bool real_samples = true;     ///< samples of p_data as black dots (default: on)
  bool fake_samples = true;     ///< G(z) for a fixed set of z as green dots (default: on)
  bool trails = false;          ///< each fake's path over the last snapshots, fading (default: off)
  bool manifold = false;        ///< G's image of a regular z grid, a warped mesh (default: off)
  bool gradient_field = false;  ///< arrows: where G's loss pushes each fake (default: off)
  bool mode_centres = true;     ///< circles at the mixture's mode centres (default: on)
  bool key =
      true;  ///< the key and Draw data beside the live plane (off: the plane alone; default: on)
};

struct ViewSettings {
  float ui_scale = 1.0f;     ///< font and widget scale, Ctrl +/- (default: 1)
  Figure1Layers layers;      ///< what the Figure 1 panel draws
  PlaneLayers plane_layers;  ///< what the plane panel and its captures draw
  /// Steps at which the capture strip snaps panels (a)-(d) automatically (-1: off).
  std::array<int64_t, 4> capture_steps = {0, 300, 1000, 3000};
  /// The window's language by its code, "en" or "ko" (default: "en"). Kept as read, so an
  /// unknown code shows English with a notice in the language switch rather than failing the
  /// whole file.
  std::string language = "en";
};

/// The display settings of an opened session file, `opened`, in the language of the window that
/// opens it, `current`: the language is the reader's choice, not part of the saved run.
ViewSettings openedView(const ViewSettings& opened, const ViewSettings& current);

nlohmann::json viewSettingsToJson(const ViewSettings& settings);
/// Missing fields keep their defaults; bad ones throw ConfigError naming the field.
ViewSettings viewSettingsFromJson(const nlohmann::json& json);

/// $XDG_CONFIG_HOME/ganscope/view.json, else ~/.config/ganscope/view.json ("" if neither is set).
std::string viewSettingsPath();
/// Reads the file at `path`; defaults when it does not exist. Throws ConfigError when it is bad.
ViewSettings loadViewSettings(const std::string& path);
/// Writes the file atomically, creating its folder; throws std::runtime_error on failure.
void saveViewSettings(const std::string& path, const ViewSettings& settings);

}  // namespace ganscope
