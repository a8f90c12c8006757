// Error dialog: a bad config file, a refused value or a full queue, shown until dismissed;
// the current run continues underneath.
#include "app/panels/panels.hpp"
#include "app/scenes/palette.hpp"

namespace ganscope {

void drawErrorDialog(PanelContext& ctx) {
  if (ctx.ui.error.empty()) return;
  const char* title = "Not applied";
  if (!ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.4f), ImGuiCond_Always,
                          ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(display.x * 0.6f, ImGui::GetFontSize() * 36), 0));
  if (ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette::kError);
    ImGui::TextWrapped("%s", ctx.ui.error.c_str());
    ImGui::PopStyleColor();
    ImGui::TextWrapped("The current run continues unchanged.");
    if (ImGui::Button("OK", ImVec2(ImGui::GetFontSize() * 5, 0)) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
      ctx.ui.error.clear();
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
}

}  // namespace ganscope
