// Panel::draw: a fixed, computed window around the panel's content; in a column of one run
// (while comparing) the title names the run.
#include "app/panels/panel.hpp"

#include <cstdio>

#include "app/panels/panels.hpp"

namespace ganscope {

PanelEvents Panel::draw(PanelContext& ctx, const char* slot_id, ImVec2 pos, ImVec2 size) {
  constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                      ImGuiWindowFlags_NoCollapse |
                                      ImGuiWindowFlags_NoSavedSettings;
  char name[160];
  if (ctx.run_title == RunTitle::None) {
    std::snprintf(name, sizeof(name), "%s###%s", title(), slot_id);
  } else {
    std::snprintf(name, sizeof(name), "%s: %s###%s", ctx.run.name().c_str(), title(), slot_id);
  }
  // The layout is computed, so it is the same on every machine and projector.
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize(size);
  PanelEvents events;
  const bool open = ImGui::Begin(name, nullptr, kFixed | flags());
  events.hovered = ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows);
  if (!(flags() & ImGuiWindowFlags_NoTitleBar)) {
    // The title bar is the window's top frame height (ImGui 1.86 has no query for it).
    const float title_bottom = ImGui::GetWindowPos().y + ImGui::GetFrameHeight();
    events.title_double_clicked = events.hovered && ImGui::GetIO().MousePos.y < title_bottom &&
                                  ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left);
  }
  if (open) {
    if (ctx.run_title == RunTitle::Full) drawRunTitle(ctx);
    drawContent(ctx);
  }
  ImGui::End();
  return events;
}

}  // namespace ganscope
