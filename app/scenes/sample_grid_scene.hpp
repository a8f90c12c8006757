// The sample grid scene: G's samples for the fixed z batch and real images, each a grid of
// cells cut from one atlas texture, with D's score under every cell; hover shows a sample large,
// a click pins it, Ctrl+wheel zooms at the cursor.
#pragma once
#include <imgui.h>

#include <span>

#include "app/state/ui_state.hpp"
#include "core/api/telemetry/image_frame.hpp"

namespace ganscope {

inline constexpr int kMinGridSide = 4;    ///< the smallest grid the toolbar offers
inline constexpr float kMaxGridZoom = 8;  ///< the largest magnification over the fitted size
inline constexpr int kAtlasGap = 2;       ///< texture pixels between the atlas's cells

/// Where a grid's cells go on screen (pixels, relative to the grid's top-left corner).
struct GridGeometry {
  int side = 8;     ///< cells per row and column
  float cell = 28;  ///< a cell's width and height
  float gap = 2;    ///< between cells, and around the grid
  float label = 0;  ///< height of the score row under each cell (0: no scores)
  float pitchX() const { return cell + gap; }
  float pitchY() const { return cell + label + gap; }
  ImVec2 size() const { return {gap + side * pitchX(), gap + side * pitchY()}; }
  /// The top-left corner of cell `index` (row-major).
  ImVec2 cellMin(int index) const {
    return {gap + (index % side) * pitchX(), gap + (index / side) * pitchY()};
  }
  /// The cell under `local` (its image, not its score or the gaps), or -1.
  int cellAt(ImVec2 local) const;
};

/// The geometry of `side` x `side` cells with score rows `label` high, the largest whole-pixel
/// cells that fit `avail` (at least 8 px), times `zoom`.
GridGeometry fitGrid(int side, ImVec2 avail, float label, float zoom);

/// The grid side, zoom and filtering controls, and which G the samples come from (`ema`: the
/// moving average of G's weights; else G in eval mode).
void drawSampleGridToolbar(SampleGridState& state, bool ema);

/// The textures the grids are cut from, each tiled by tileImages at `state.side` with gap
/// kAtlasGap (nullptr: no GL, the cells stay grey boxes).
struct GridTextures {
  ImTextureID fake = nullptr, real = nullptr;
  ImVec2 size;  ///< both textures' size in pixels
};

/// Where drawSampleGrids put the grids (screen pixels): both share one geometry.
struct SampleGridsLayout {
  GridGeometry geometry;
  ImVec2 fake_origin, real_origin;  ///< the top-left corners of the two grids
};

/// Draws G's samples (left) and the real images (right) of `frame` filling the rest of the
/// window, with D's scores; hovering a cell shows it large, clicking a sample pins or unpins
/// it in `state.pinned`. `fashion`: the real images' classes have Fashion-MNIST's names.
SampleGridsLayout drawSampleGrids(const ImageFrame& frame, SampleGridState& state,
                                  const GridTextures& textures, bool fashion);

/// Toggles `index` in `pinned` (kept sorted).
void togglePin(std::vector<int>& pinned, int index);

}  // namespace ganscope
