// Flowed headline items: beside the previous item when they fit, else on the next line.
#include "app/panels/flow_text.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace ganscope {

float flowSpacing() {
  return ImGui::GetStyle().ItemSpacing.x * 2;
}

void flow(float width, bool first) {
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (!first && ImGui::GetItemRectMax().x + flowSpacing() + width <= right) {
    ImGui::SameLine(0, flowSpacing());
  }
}

int flowLines(std::span<const float> widths, float line_w) {
  int lines = 0;
  float x = 0;
  for (size_t i = 0; i < widths.size(); ++i) {
    if (i > 0 && x + flowSpacing() + widths[i] <= line_w) {
      x += flowSpacing() + widths[i];
      continue;
    }
    lines += std::max(1, static_cast<int>(std::ceil(widths[i] / std::max(1.0f, line_w))));
    x = std::min(widths[i], line_w);
  }
  return lines;
}

void flowTexts(std::span<const std::string> items) {
  bool first = true;
  for (const std::string& item : items) {
    flow(ImGui::CalcTextSize(item.c_str()).x, first);
    first = false;
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(item.c_str());
    ImGui::PopTextWrapPos();
  }
}

}  // namespace ganscope
