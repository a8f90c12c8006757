// The latent explorer scene: atlas cells by UV (as the sample grid's), the strip's scores in a
// small font, D's score plot through the plot kit, the anchor square on ImDrawList.
#include "app/scenes/latent_explorer_scene.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "app/i18n/strings.hpp"
#include "app/scenes/palette.hpp"
#include "app/state/latent_explorer_file.hpp"
#include "core/api/telemetry/image_frame.hpp"

namespace ganscope {
namespace {

constexpr float kScoreFontScale = 0.65f;  ///< D's scores in 65% of the font, as in the grid

void cellUv(int cell, ImVec2 texture, ImVec2& uv0, ImVec2& uv1) {
  const float x =
      kExplorerAtlasGap + (cell % kExplorerAtlasSide) * (kImageSide + kExplorerAtlasGap);
  const float y =
      kExplorerAtlasGap + (cell / kExplorerAtlasSide) * (kImageSide + kExplorerAtlasGap);
  uv0 = {x / texture.x, y / texture.y};
  uv1 = {(x + kImageSide) / texture.x, (y + kImageSide) / texture.y};
}

void drawCell(ImDrawList* draw, const ExplorerTexture& texture, int cell, ImVec2 a, ImVec2 b) {
  if (texture.id && texture.size.x > 0) {
    ImVec2 uv0, uv1;
    cellUv(cell, texture.size, uv0, uv1);
    draw->AddImage(texture.id, a, b, uv0, uv1);
  } else {
    draw->AddRectFilled(a, b, palette::kNoTexture);
  }
}

/// The index of the strip frame nearest path parameter `s`.
int nearestFrame(int frames, double s) {
  return std::clamp(static_cast<int>(std::lround(s * (frames - 1))), 0, frames - 1);
}

}  // namespace

std::vector<uint8_t> explorerAtlasImages(const ExplorerPicture* picture, const ExplorerPath* path) {
  constexpr int kCells = kExplorerAtlasSide * kExplorerAtlasSide;
  std::vector<uint8_t> bytes(static_cast<size_t>(kCells) * kImagePixels, 0);
  auto put = [&](int cell, const float* values) {
    for (int i = 0; i < kImagePixels; ++i) bytes[cell * kImagePixels + i] = pixelByte(values[i]);
  };
  if (picture && picture->dims == kImagePixels) put(0, picture->sample.data());
  if (path && path->dims == kImagePixels) {
    for (int k = 0; k < path->frames && k + 1 < kCells; ++k) {
      put(k + 1, &path->strip[static_cast<size_t>(k) * kImagePixels]);
    }
    const int rows = std::min<int>(kMaxHistoryRows, static_cast<int>(path->history_steps.size()));
    for (int r = 0; r < rows; ++r) {
      for (int k = 0; k < path->frames; ++k) {
        const int cell = 1 + path->frames * (1 + r) + k;
        if (cell < kCells) {
          put(cell,
              &path->history_strip[(static_cast<size_t>(r) * path->frames + k) * kImagePixels]);
        }
      }
    }
  }
  return bytes;
}

void drawExplorerImage(const ExplorerTexture& texture, int cell, float side) {
  const ImVec2 a = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(side, side));
  drawCell(ImGui::GetWindowDrawList(), texture, cell, a, ImVec2(a.x + side, a.y + side));
}

int drawExplorerStrip(const ExplorerTexture& texture, const ExplorerPath& path, double s,
                      float width) {
  const int n = path.frames;
  if (n < 1) return -1;
  const float gap = 3;
  const float cell = std::max(8.0f, std::floor((width - gap * (n - 1)) / n));
  const float score_px = ImGui::GetFontSize() * kScoreFontScale;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##strip", ImVec2(n * cell + (n - 1) * gap, cell + score_px + 2));
  const bool clicked = ImGui::IsItemClicked(ImGuiMouseButton_Left);
  const float mouse_x = ImGui::GetIO().MousePos.x - origin.x;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImFont* font = ImGui::GetFont();
  const int current = nearestFrame(n, s);
  for (int k = 0; k < n; ++k) {
    const ImVec2 a(origin.x + k * (cell + gap), origin.y), b(a.x + cell, a.y + cell);
    drawCell(draw, texture, k + 1, a, b);
    if (k == current)
      draw->AddRect(ImVec2(a.x - 1, a.y - 1), ImVec2(b.x + 1, b.y + 1), palette::kPinned, 0, 0, 2);
    char text[16];
    std::snprintf(text, sizeof(text), "%.2f", static_cast<double>(path.strip_d[k]));
    const ImVec2 size = font->CalcTextSizeA(score_px, FLT_MAX, 0, text);
    draw->AddText(font, score_px, ImVec2(a.x + (cell - size.x) / 2, b.y + 1),
                  ImGui::GetColorU32(ImGuiCol_Text), text);
  }
  if (!clicked) return -1;
  return std::clamp(static_cast<int>(mouse_x / (cell + gap)), 0, n - 1);
}

void drawExplorerHistory(const ExplorerTexture& texture, const ExplorerPath& path, float width,
                         float height) {
  const int n = path.frames;
  const int rows = std::min<int>(kMaxHistoryRows, static_cast<int>(path.history_steps.size()));
  if (n < 1 || rows < 1) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", i18n::tr("explorer.history_none"));
    ImGui::PopStyleColor();
    return;
  }
  const float gap = 2;
  char widest[32];
  std::snprintf(widest, sizeof(widest), "%lld", static_cast<long long>(path.history_steps.back()));
  const float label = ImGui::CalcTextSize(widest).x + ImGui::GetFontSize() * 0.5f;
  const float cell = std::max(6.0f, std::floor(std::min((width - label - gap * (n - 1)) / n,
                                                        (height - gap * rows) / rows)));
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(width, rows * (cell + gap)));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  for (int r = 0; r < rows; ++r) {
    const float y = origin.y + r * (cell + gap);
    char step[32];
    std::snprintf(step, sizeof(step), "%lld", static_cast<long long>(path.history_steps[r]));
    draw->AddText(ImVec2(origin.x, y + (cell - ImGui::GetFontSize()) / 2),
                  ImGui::GetColorU32(ImGuiCol_TextDisabled), step);
    for (int k = 0; k < n; ++k) {
      const ImVec2 a(origin.x + label + k * (cell + gap), y), b(a.x + cell, a.y + cell);
      drawCell(draw, texture, 1 + n * (1 + r) + k, a, b);
    }
  }
}

void drawPathScores(plot::PlotView& view, const ExplorerPath& path, double s, bool probability,
                    ImVec2 size) {
  double lo = probability ? 0 : 1e30, hi = probability ? 1 : -1e30;
  if (!probability) {
    for (const float d : path.score_d) {
      lo = std::min(lo, static_cast<double>(d));
      hi = std::max(hi, static_cast<double>(d));
    }
    if (!(hi > lo)) {
      lo -= 0.5;
      hi += 0.5;
    }
    const double pad = (hi - lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  const plot::PlotView bounds{0, 1, lo, hi};
  plot::PlotOptions options;
  options.x_label = i18n::tr("explorer.score_x");
  options.fixed_y = true;
  const plot::ReferenceLine half[] = {{0.5, palette::kHalfLine, nullptr}};
  if (probability) options.references = half;
  const plot::LegendEntry legend[] = {{palette::kDiscriminator, i18n::tr("explorer.score_legend")}};
  options.legend = legend;
  plot::PlotCanvas canvas("##path_scores", size, view, bounds, options);
  canvas.line(path.score_s, path.score_d, palette::kDiscriminator, 2);
  std::vector<float> xs;
  for (const double x : stripParameters(path.frames)) xs.push_back(static_cast<float>(x));
  canvas.dots(xs, path.strip_d, palette::kDiscriminator, 3);
  const ImVec2 top = canvas.toScreen(s, view.y1), bottom = canvas.toScreen(s, view.y0);
  canvas.drawList()->AddLine(top, bottom, palette::kPinned, 2 * plot::pixelScale());
}

bool drawAnchorSquare(const char* id, double& u, double& v, float side) {
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float label = ImGui::GetFontSize();
  const ImVec2 a(origin.x + label, origin.y + label * 0.5f);  // the square's top-left
  ImGui::InvisibleButton(id, ImVec2(side + 2 * label, side + label * 1.5f));
  bool changed = false;
  if (ImGui::IsItemActive() && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
    const ImVec2 m = ImGui::GetIO().MousePos;
    const double nu = std::clamp((m.x - a.x) / side, 0.0f, 1.0f);
    const double nv = std::clamp(1.0f - (m.y - a.y) / side, 0.0f, 1.0f);
    changed = nu != u || nv != v;
    u = nu;
    v = nv;
  }
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 b(a.x + side, a.y + side);
  draw->AddRectFilled(a, b, palette::kAnchorSquare);
  draw->AddRect(a, b, ImGui::GetColorU32(ImGuiCol_Border));
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  draw->AddText(ImVec2(a.x - label * 0.8f, b.y - label * 0.6f), text, "A");
  draw->AddText(ImVec2(b.x + label * 0.2f, b.y - label * 0.6f), text, "B");
  draw->AddText(ImVec2(a.x - label * 0.8f, a.y - label * 0.4f), text, "C");
  draw->AddText(ImVec2(b.x + label * 0.2f, a.y - label * 0.4f), text, "D");
  const ImVec2 p(a.x + static_cast<float>(u) * side, b.y - static_cast<float>(v) * side);
  draw->AddLine(ImVec2(a.x, p.y), ImVec2(b.x, p.y), palette::kAnchorRow);  // the strip's row
  draw->AddCircleFilled(p, label * 0.35f, palette::kPinned);
  return changed;
}

}  // namespace ganscope
