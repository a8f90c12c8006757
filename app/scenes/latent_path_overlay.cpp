// The latent path on the plane: a polyline through the score plot's G(z(s)), dots at the
// strip's frames, a ring at G(z(t)); in the pinned samples' orange so it stands out on D's map.
#include "app/scenes/latent_path_overlay.hpp"

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

}  // namespace ganscope
