// What the latent explorer draws: G(z(t)) large and the strip along the path (cells cut from
// one atlas texture, D's score under each), D's score along the path as a small plot with a
// marker at t, and the square of four anchors with its draggable point.
#pragma once
#include <imgui.h>

#include <cstdint>
#include <vector>

#include "app/plot/draw.hpp"
#include "app/state/latent_explorer_renders.hpp"

namespace ganscope {

/// Earlier G's the training-time view shows at most (the trainer keeps 8).
inline constexpr int kMaxHistoryRows = 8;
/// The explorer's atlas: kExplorerAtlasSide^2 cells, cell 0 the big picture, cells 1 to
/// frames the strip, then the training-time view's rows of `frames` cells each.
inline constexpr int kExplorerAtlasSide = 13;
static_assert(kExplorerAtlasSide * kExplorerAtlasSide >=
              1 + kMaxStripFrames * (1 + kMaxHistoryRows));
inline constexpr int kExplorerAtlasGap = 2;  ///< texture pixels between the atlas's cells

/// The atlas's images as bytes (28 x 28 each, kExplorerAtlasSide^2 of them): the picture in
/// cell 0 and the strip after it; cells without an image stay black. Images only (784 dims).
std::vector<uint8_t> explorerAtlasImages(const ExplorerPicture* picture, const ExplorerPath* path);

/// The atlas texture (nullptr: no GL, grey boxes instead).
struct ExplorerTexture {
  ImTextureID id = nullptr;
  ImVec2 size;  ///< in pixels
};

/// Atlas cell `cell` as a `side` x `side` image at the cursor (an item of that size).
void drawExplorerImage(const ExplorerTexture& texture, int cell, float side);

/// The strip at the cursor across `width`: its frames with D's score under each, the frame at
/// the big picture's place outlined. Returns the frame clicked (-1: none).
int drawExplorerStrip(const ExplorerTexture& texture, const ExplorerPath& path, double s,
                      float width);

/// The training-time view at the cursor across `width` and at most `height`: a row per earlier
/// G, oldest first, its step at the left and the strip it drew.
void drawExplorerHistory(const ExplorerTexture& texture, const ExplorerPath& path, float width,
                         float height);

/// D's score along the path (the score plot's points and the strip's frames as dots) with a
/// marker at `s`; `probability`: D's output is a probability (the 1/2 line, y in [0, 1]).
void drawPathScores(plot::PlotView& view, const ExplorerPath& path, double s, bool probability,
                    ImVec2 size);

/// The square of four anchors, `side` pixels, at the cursor: A bottom left (u = 0, v = 0), B
/// bottom right, C top left, D top right, and the point (u, v), which a drag moves. True when
/// (u, v) changed.
bool drawAnchorSquare(const char* id, double& u, double& v, float side);

}  // namespace ganscope
