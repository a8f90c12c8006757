// Class bars, drawn by hand on the window's draw list (names left, shares right).
#include "app/scenes/class_bars.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

#include "app/i18n/class_names.hpp"
#include "app/plot/draw.hpp"
#include "app/scenes/palette.hpp"

namespace ganscope {

void drawClassBars(const ImageMetrics& m, bool fashion, ImVec2 size) {
  const int classes = std::clamp(m.classes, 0, kMaxImageClasses);
  if (classes == 0 || size.x < 40 || size.y < 20) return;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::Dummy(size);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImFont* font = ImGui::GetFont();
  const float row = std::min(size.y / classes, ImGui::GetFontSize() * 1.5f);
  const float text_px = std::min(ImGui::GetFontSize(), row * 0.85f);
  std::string names[kMaxImageClasses];
  float name_width = 0;
  for (int c = 0; c < classes; ++c) {
    names[c] = i18n::className(m.class_ids[c], fashion);
    name_width = std::max(name_width, font->CalcTextSizeA(text_px, FLT_MAX, 0, names[c].c_str()).x);
  }
  const float share_width = font->CalcTextSizeA(text_px, FLT_MAX, 0, "100%").x;
  const float pad = text_px * 0.4f;
  const float x0 = origin.x + name_width + pad, x1 = origin.x + size.x - share_width - pad;
  if (x1 <= x0 + 10) return;
  float peak = 2.0f / classes;  // the axis shows twice the uniform share at least
  for (int c = 0; c < classes; ++c) peak = std::max(peak, m.class_hist[c]);
  for (int c = 0; c < classes; ++c) {
    const float y = origin.y + c * row;
    const float share = m.class_hist[c];
    const bool covered = share >= kCoveredShare;
    draw->AddText(
        font, text_px,
        ImVec2(origin.x + name_width - font->CalcTextSizeA(text_px, FLT_MAX, 0, names[c].c_str()).x,
               y + (row - text_px) / 2),
        ImGui::GetColorU32(ImGuiCol_Text), names[c].c_str());
    const float w = (x1 - x0) * share / peak;
    draw->AddRectFilled(ImVec2(x0, y + row * 0.15f), ImVec2(x0 + w, y + row * 0.85f),
                        covered ? palette::kGeneratorFill : palette::kUncoveredFill);
    char text[16];
    std::snprintf(text, sizeof(text), "%.0f%%", 100.0 * share);
    draw->AddText(font, text_px, ImVec2(x1 + pad, y + (row - text_px) / 2),
                  ImGui::GetColorU32(covered ? ImGuiCol_Text : ImGuiCol_TextDisabled), text);
  }
  const float uniform_x = x0 + (x1 - x0) * (1.0f / classes) / peak;
  plot::dashedSegment(draw, ImVec2(uniform_x, origin.y),
                      ImVec2(uniform_x, origin.y + classes * row), palette::kReference,
                      1.5f * plot::pixelScale(), 6, 4);
}

}  // namespace ganscope
