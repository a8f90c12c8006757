// The latent path on the plane: a polyline through the score plot's G(z(s)), dots at the
// strip's frames, a ring at G(z(t)), the anchors that are shown fakes ringed and lettered; in
// the pinned samples' orange so it stands out on D's map.
#include "app/scenes/latent_path_overlay.hpp"

#include <cmath>

#include "app/scenes/palette.hpp"

namespace ganscope {

void drawLatentPathOverlay(plot::PlotCanvas& canvas, const LatentExplorerRenders& renders) {
  const ExplorerPath* path = renders.path();
  const ExplorerPicture* picture = renders.picture();
  if (path && path->dims == 2) {
    std::vector<float> xs, ys;
    for (size_t i = 0; i + 1 < path->score_samples.size(); i += 2) {
      xs.push_back(path->score_samples[i]);
      ys.push_back(path->score_samples[i + 1]);
    }
    canvas.line(xs, ys, palette::kPinned, 2);
    xs.clear();
    ys.clear();
    for (size_t i = 0; i + 1 < path->strip.size(); i += 2) {
      xs.push_back(path->strip[i]);
      ys.push_back(path->strip[i + 1]);
    }
    canvas.dots(xs, ys, palette::kPinned, 3);
  }
  if (picture && picture->dims == 2) {
    const ImVec2 at = canvas.toScreen(picture->sample[0], picture->sample[1]);
    const float r = 7 * plot::pixelScale();
    canvas.drawList()->AddCircle(at, r, palette::kPinned, 0, 2.5f * plot::pixelScale());
    canvas.drawList()->AddCircleFilled(at, r * 0.45f, palette::kPinned);
  }
}

void drawPinnedFakes(plot::PlotCanvas& canvas, const PlaneFrame& frame,
                     const LatentExplorerState& state) {
  static const char* const kLetters[] = {"A", "B", "C", "D"};
  const int anchors = state.mode == ExplorerMode::Square ? 4 : 2;
  const float px = plot::pixelScale(), r = 6 * px;
  ImDrawList* draw = canvas.drawList();
  for (int i = 0; i < anchors; ++i) {
    if (state.anchors[i] >= static_cast<uint64_t>(kShownPoints)) continue;  // not a shown fake
    const float x = frame.fake_xy[2 * state.anchors[i]],
                y = frame.fake_xy[2 * state.anchors[i] + 1];
    if (!std::isfinite(x) || !std::isfinite(y)) continue;
    const ImVec2 at = canvas.toScreen(x, y);
    draw->AddCircle(at, r, palette::kPinned, 0, 2 * px);
    const ImVec2 text(at.x + r + px, at.y - r - ImGui::GetFontSize() * 0.6f);
    draw->AddText(ImVec2(text.x + px, text.y + px), palette::kData, kLetters[i]);
    draw->AddText(text, palette::kPinned, kLetters[i]);
  }
}

}  // namespace ganscope
