// The plane panel (2-D data): D's heatmap with real and generated samples, and the headline
// numbers of the game.
#include <cmath>

#include "app/field2d_view.hpp"
#include "app/palette.hpp"
#include "app/panels/panels.hpp"

namespace ganscope {

void drawPlanePanel(PanelContext& ctx) {
  const Snapshot* s = ctx.store.snapshot();
  if (!s || s->dims != 2) {
    ImGui::TextUnformatted("Waiting for the first snapshot...");
    return;
  }
  ImGui::Text(
      "step %lld      V(D,G) = %.3f   (at the optimum: -log 4 = %.3f)      "
      "JSD (binned) = %.3f nats",
      static_cast<long long>(s->step), s->value, -std::log(4.0), s->js);
  drawField2d("##plane", ImGui::GetContentRegionAvail(), *s, ctx.ui.plane_view, false, ctx.d_field);
}

}  // namespace ganscope
