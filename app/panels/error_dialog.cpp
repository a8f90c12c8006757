// Error dialog: a bad config file, a refused value or a full queue, shown until dismissed;
// the current run continues underneath.
#include "app/i18n/strings.hpp"
#include "app/panels/panels.hpp"
#include "app/scenes/palette.hpp"

namespace ganscope {

void drawErrorDialog(PanelContext& ctx) {
  if (ctx.ui.error.empty()) return;
  // The popup's id stays the same in every language (the part after ###).
  const std::string title = std::string(i18n::tr("error.title")) + "###error-dialog";
  if (!ImGui::IsPopupOpen(title.c_str())) ImGui::OpenPopup(title.c_str());
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.4f), ImGuiCond_Always,
                          ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(display.x * 0.6f, ImGui::GetFontSize() * 36), 0));
  if (ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette::kError);
    ImGui::TextWrapped("%s", ctx.ui.error.c_str());
    ImGui::PopStyleColor();
    ImGui::TextWrapped("%s", i18n::tr("error.continues"));
    if (ImGui::Button(i18n::tr("error.ok"), ImVec2(ImGui::GetFontSize() * 5, 0)) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
      ctx.ui.error.clear();
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
}

}  // namespace ganscope
