// Capture panel: panels (a)-(d) of Figure 1 side by side, captured by click or at chosen steps.
#include <cstdint>
#include <cstdio>
#include <string>

#include "app/i18n/strings.hpp"
#include "app/panels/panels.hpp"
#include "app/scenes/figure1_scene.hpp"
#include "app/scenes/plane_scene.hpp"
#include "app/widgets/number_field.hpp"

namespace ganscope {
namespace {

void drawCapture(const char* id, ImVec2 size, const Figure1Frame& frame, PanelContext& ctx,
                 plot::PlotView& view) {
  drawFigure1(id, size, frame, ctx.view.layers, view, true);
}

void drawCapture(const char* id, ImVec2 size, const PlaneFrame& frame, PanelContext& ctx,
                 plot::PlotView& view) {
  drawPlaneCapture(id, size, frame, ctx.view.plane_layers, view);
}

// Image runs have no capture strip in their layout (the panel registry's): their history is the
// Frechet plot of the class coverage panel. The overload exists because a capture holds any frame.
void drawCapture(const char*, ImVec2, const ImageFrame&, PanelContext&, plot::PlotView&) {}

/// "(a)  step 300" (or "(a)  empty" when `step` < 0), shortened to fit `width`: "(a) 300", "(a)".
void captureLabel(char slot, int64_t step, float width) {
  const std::string name = std::string("(") + slot + ")";
  const std::string full = step < 0 ? i18n::trf("capture.empty", slot)
                                    : i18n::trf("capture.slot", slot, static_cast<long long>(step));
  const std::string brief = step < 0 ? name : name + " " + std::to_string(step);
  const std::string& text = ImGui::CalcTextSize(full.c_str()).x <= width    ? full
                            : ImGui::CalcTextSize(brief.c_str()).x <= width ? brief
                                                                            : name;
  if (step < 0) {
    ImGui::TextDisabled("%s", text.c_str());
  } else {
    ImGui::TextUnformatted(text.c_str());
  }
}

class CapturePanel final : public Panel {
 protected:
  const char* title() const override { return i18n::tr("capture.title"); }
  void drawContent(PanelContext& ctx) override;
};

void CapturePanel::drawContent(PanelContext& ctx) {
  const auto& captures = ctx.run.captures.captures();
  if (ImGui::Button((std::string(i18n::tr("capture.now")) + "###now").c_str())) {
    ctx.run.store.visitNewest([&](const auto& frame) { ctx.run.captures.capture(frame); });
  }
  ImGui::SameLine();
  if (ImGui::Button((std::string(i18n::tr("capture.clear")) + "###clear").c_str()))
    ctx.run.captures.clear();
  ImGui::SameLine();
  const char* auto_label = i18n::tr("capture.auto");
  if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(auto_label).x) ImGui::NewLine();
  ImGui::TextUnformatted(auto_label);
  hint(i18n::tr("capture.auto_hint"));
  // The four step fields beside the buttons when each gets room for a 5-digit step and its
  // handle, else on a line of their own, else two to a line (narrow compare columns).
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float min_field =
      ImGui::GetFontSize() * 3.6f + ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x;
  const auto fields_width = [&](float field, size_t per_row) {
    return field * static_cast<float>(per_row) + spacing * static_cast<float>(per_row - 1);
  };
  ImGui::SameLine();
  if (ImGui::GetContentRegionAvail().x < fields_width(min_field, CaptureStrip::kSlots)) {
    ImGui::NewLine();
  }
  const size_t per_row =
      ImGui::GetContentRegionAvail().x < fields_width(min_field, CaptureStrip::kSlots)
          ? CaptureStrip::kSlots / 2
          : CaptureStrip::kSlots;
  const float field_width =
      std::min(ImGui::GetFontSize() * 4.5f + ImGui::GetFrameHeight(),
               (ImGui::GetContentRegionAvail().x - spacing * static_cast<float>(per_row - 1)) /
                   static_cast<float>(per_row));
  // Typed like every number of the window (Enter commits, Escape cancels, -1 turns a slot's
  // automatic capture off); the handle drags over the run's length.
  NumberSpec spec;
  spec.lo = -1;
  spec.hi = 1e12;
  spec.integer = true;
  spec.handle_lo = 0;
  spec.handle_hi = static_cast<double>(std::max<int64_t>(ctx.run.store.last().step, 3000));
  for (size_t i = 0; i < CaptureStrip::kSlots; ++i) {
    if (i % per_row != 0) ImGui::SameLine();
    ImGui::PushID(static_cast<int>(i));
    ImGui::PushItemWidth(field_width);
    const std::string id = "capture." + std::to_string(i);
    numberField(ctx.ui.fields, "##step", id, spec, ctx.view.capture_steps[i]);
    ImGui::PopItemWidth();
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
      captureLabel(static_cast<char>('a' + i), headerOf(captures[i]).step, width);
      char id[16];
      std::snprintf(id, sizeof(id), "##cap%zu", i);
      const ImVec2 size(width, avail.y - label_height);
      std::visit(
          [&](const auto& frame) { drawCapture(id, size, frame, ctx, ctx.views.captures[i]); },
          captures[i]);
    } else {
      captureLabel(static_cast<char>('a' + i), -1, width);
      ImGui::Dummy(ImVec2(width, avail.y - label_height));
    }
    ImGui::EndGroup();
  }
}

}  // namespace

std::unique_ptr<Panel> makeCapturePanel() {
  return std::make_unique<CapturePanel>();
}

}  // namespace ganscope
