// Panel::draw: a fixed, computed window around the panel's content.
#include "app/panels/panel.hpp"

#include <cstdio>

namespace ganscope {

void Panel::draw(PanelContext& ctx, const char* slot_id, ImVec2 pos, ImVec2 size) {
  constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                      ImGuiWindowFlags_NoCollapse |
                                      ImGuiWindowFlags_NoSavedSettings;
  char name[160];
  std::snprintf(name, sizeof(name), "%s###%s", title(), slot_id);
  // The layout is computed, so it is the same on every machine and projector.
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize(size);
  if (ImGui::Begin(name, nullptr, kFixed | flags())) drawContent(ctx);
  ImGui::End();
}

}  // namespace ganscope
