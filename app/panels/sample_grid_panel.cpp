// Sample grid panel (images): G's samples for the fixed z batch beside real images, D's score
// under each, from two atlas textures: G's uploaded once per frame received, the real images'
// once per run. Pins survive frames and go with the run's generation.
#include <span>
#include <string>

#include "app/i18n/divergence_text.hpp"
#include "app/i18n/strings.hpp"
#include "app/panels/panels.hpp"
#include "app/scenes/palette.hpp"
#include "app/scenes/sample_grid_scene.hpp"
#include "app/state/image_folder.hpp"

namespace ganscope {

namespace {

class SampleGridPanel final : public Panel {
 protected:
  const char* title() const override { return i18n::tr("samples.title"); }
  void drawContent(PanelContext& ctx) override;
};

/// Shows `images` in `atlas`, tiled `side` x `side`, uploaded only when `key` (what the pixels
/// are a function of) changes.
void showGrid(gl::ImageAtlas& atlas, const uint8_t* images, const gl::GridKey& key, bool linear) {
  atlas.setLinear(linear);
  atlas.show(std::span<const uint8_t>(images, static_cast<size_t>(kGridImages) * kImagePixels), key,
             kAtlasGap);
}

void SampleGridPanel::drawContent(PanelContext& ctx) {
  SampleGridState& state = ctx.ui.samples;
  if (state.generation != ctx.run.store.generation()) {
    state.pinned.clear();  // a new run: its samples are not the ones pinned
    state.chosen_real = -1;
    state.generation = ctx.run.store.generation();
  }
  // A run that stopped says why first, also before any frame (images that fail to load).
  const std::string reset = std::string(i18n::tr("figure1.reset")) + "###reset";
  if (ctx.run.status.state == RunState::Diverged || ctx.run.status.state == RunState::Failed) {
    const std::string text =
        ctx.run.status.state == RunState::Diverged
            ? i18n::trf("figure1.diverged", i18n::divergenceText(ctx.run.status.diverged_why,
                                                                 ctx.run.status.diverged_at)
                                                .c_str())
            : i18n::trf("figure1.failed", ctx.run.session().failure().c_str());
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(palette::kError, "%s", text.c_str());
    ImGui::PopTextWrapPos();
    if (ImGui::SmallButton(reset.c_str())) resetWith(ctx, ctx.ui.edit);
  }
  const ImageFrame* frame = ctx.run.store.frame<ImageFrame>();
  drawSampleGridToolbar(state, frame && frame->ema_preview);
  if (!frame) {
    ImGui::TextUnformatted(i18n::tr("panel.waiting"));
    return;
  }
  GridTextures textures;
  if (ctx.run.fake_grid && ctx.run.real_grid) {
    // G's samples change with every frame received; the real images are fixed for a run (a
    // new Trainer, so a new generation, draws others): uploaded once per run and grid side.
    showGrid(*ctx.run.fake_grid, frame->fake,
             {frame->header.generation, frame->header.sequence, state.side}, state.linear);
    showGrid(*ctx.run.real_grid, frame->real, {frame->header.generation, 0, state.side},
             state.linear);
    textures = {ctx.run.fake_grid->texture(), ctx.run.real_grid->texture(),
                ImVec2(static_cast<float>(ctx.run.fake_grid->width()),
                       static_cast<float>(ctx.run.fake_grid->height()))};
  } else {
    ImGui::TextDisabled("%s", ctx.run.texture_error.c_str());
  }
  const SampleGridsLayout layout = drawSampleGrids(
      *frame, state, textures, isFashionMnistFolder(ctx.run.session().config().data.path));
  // The real grid's first row by name, for scripted clicks (`click samples.real_3`).
  for (int i = 0; i < state.side; ++i) {
    const ImVec2 local = layout.geometry.cellMin(i);
    const float x = layout.real_origin.x + local.x, y = layout.real_origin.y + local.y;
    const float cell = layout.geometry.cell;
    ctx.ui.fields.rects["samples.real_" + std::to_string(i)] = {
        x, y, x + cell, y + cell, x + cell / 2, y + cell / 2};
  }
}

}  // namespace

std::unique_ptr<Panel> makeSampleGridPanel() {
  return std::make_unique<SampleGridPanel>();
}

}  // namespace ganscope
