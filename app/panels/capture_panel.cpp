// Capture panel: panels (a)-(d) of Figure 1 side by side, captured by click or at chosen steps.
#include <cstdio>

#include "app/field2d_view.hpp"
#include "app/figure1_view.hpp"
#include "app/panels/panels.hpp"

namespace ganscope {

void drawCapturePanel(PanelContext& ctx) {
  const auto& captures = ctx.ui.captures.captures();
  if (ImGui::Button("Capture now") && ctx.store.snapshot()) {
    ctx.ui.captures.capture(*ctx.store.snapshot());
  }
  ImGui::SameLine();
  if (ImGui::Button("Clear")) ctx.ui.captures.clear();
  ImGui::SameLine();
  ImGui::TextUnformatted("auto at steps");
  hint("-1 turns a slot off");
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  ImGui::SameLine();
  const float field_width =
      std::min(ImGui::GetFontSize() * 4.5f,
               (ImGui::GetContentRegionAvail().x - spacing * (CaptureStrip::kSlots - 1)) /
                   CaptureStrip::kSlots);
  for (size_t i = 0; i < CaptureStrip::kSlots; ++i) {
    if (i > 0) ImGui::SameLine();
    ImGui::PushID(static_cast<int>(i));
    ImGui::SetNextItemWidth(field_width);
    long long step = ctx.view.capture_steps[i];
    if (ImGui::InputScalar("##step", ImGuiDataType_S64, &step)) {
      ctx.view.capture_steps[i] = std::max<long long>(-1, step);
    }
    ImGui::PopID();
  }

  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float width = (avail.x - spacing * (CaptureStrip::kSlots - 1)) / CaptureStrip::kSlots;
  const float label_height =
      ImGui::GetTextLineHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
  for (size_t i = 0; i < CaptureStrip::kSlots; ++i) {
    if (i > 0) ImGui::SameLine();
    ImGui::BeginGroup();
    if (i < captures.size()) {
      ImGui::Text("(%c)  step %lld", static_cast<char>('a' + i),
                  static_cast<long long>(captures[i].step));
      char id[16];
      std::snprintf(id, sizeof(id), "##cap%zu", i);
      const ImVec2 size(width, avail.y - label_height);
      if (captures[i].dims == 2) {
        drawField2d(id, size, captures[i], ctx.view.plane_layers, ctx.ui.capture_views[i]);
      } else {
        drawFigure1(id, size, captures[i], ctx.view.layers, ctx.ui.capture_views[i], true);
      }
    } else {
      ImGui::TextDisabled("(%c)  empty", static_cast<char>('a' + i));
      ImGui::Dummy(ImVec2(width, avail.y - label_height));
    }
    ImGui::EndGroup();
  }
}

}  // namespace ganscope
