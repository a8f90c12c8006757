// Figure 1 panel: the live 1-D picture plus V(D,G) against -log 4 and the JSD estimate.
#include <cmath>
#include <cstdio>
#include <numbers>
#include <optional>
#include <string>
#include <vector>

#include "app/i18n/divergence_text.hpp"
#include "app/i18n/strings.hpp"
#include "app/panels/flow_text.hpp"
#include "app/panels/panels.hpp"
#include "app/scenes/figure1_scene.hpp"
#include "app/scenes/palette.hpp"

namespace ganscope {

namespace {

class Figure1Panel final : public Panel {
 protected:
  const char* title() const override { return i18n::tr("figure1.title"); }
  void drawContent(PanelContext& ctx) override;
};

void Figure1Panel::drawContent(PanelContext& ctx) {
  const Figure1Frame* s = ctx.run.store.frame<Figure1Frame>();
  if (!s) {
    ImGui::TextUnformatted(i18n::tr("panel.waiting"));
    return;
  }
  const std::string reset = std::string(i18n::tr("figure1.reset")) + "###reset";
  if (ctx.run.status.state == RunState::Diverged) {
    const std::string why =
        i18n::divergenceText(ctx.run.status.diverged_why, ctx.run.status.diverged_at);
    ImGui::TextColored(palette::kError, "%s", i18n::trf("figure1.diverged", why.c_str()).c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton(reset.c_str())) resetWith(ctx, ctx.ui.edit);
  } else if (ctx.run.status.state == RunState::Failed) {
    ImGui::TextColored(palette::kError, "%s",
                       i18n::trf("figure1.failed", ctx.run.session().failure().c_str()).c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton(reset.c_str())) resetWith(ctx, ctx.ui.edit);
  }
  // C(G) = -log 4 + 2 JSD: the value at the optimal D (Theorem 1 of the paper), which only
  // the paper's losses have. The frame's own loss: a frame made before a loss change keeps its
  // labels.
  const LossKind loss = s->header.loss;
  const double log4 = std::log(4.0);
  // Flowed, so a narrow column (compare mode, small windows) breaks between the numbers, not
  // inside one.
  std::vector<std::string> items;
  items.push_back(i18n::trf("figure1.step", static_cast<long long>(s->header.step)));
  GameValueText value = gameValueParts(s->value, loss);
  items.push_back(std::move(value.value));
  if (!value.optimum.empty()) items.push_back(std::move(value.optimum));
  items.push_back(i18n::trf("figure1.jsd", s->js));
  if (outputIsProbability(loss)) items.push_back(i18n::trf("figure1.c_of_g", -log4 + 2 * s->js));
  flowTexts(items);
  const Figure1Layers& l = ctx.view.layers;
  const bool converged =
      s->js < 0.02 && (!outputIsProbability(loss) || std::abs(s->value + log4) < 0.02);
  if (converged) {
    const char* note = i18n::tr("figure1.converged");
    flow(ImGui::CalcTextSize(note).x, false);
    ImGui::TextColored(ImVec4(0, 0.55f, 0.2f, 1), "%s", note);
  }
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  // The latent explorer's z(t) and G(z(t)) while its tab is shown.
  const ExplorerPicture* latent = ctx.ui.explorer.open ? ctx.run.explorer.picture() : nullptr;
  std::optional<LatentMarker> marker;
  if (latent && latent->dims == 1 && latent->z.size() == 1) {
    marker = LatentMarker{latent->z[0], latent->sample[0]};
  }
  drawFigure1("##figure1", avail, *s, l, ctx.views.figure1, false, ctx.run.d_strip.get(),
              marker ? &*marker : nullptr);
}

}  // namespace

std::unique_ptr<Panel> makeFigure1Panel() {
  return std::make_unique<Figure1Panel>();
}

}  // namespace ganscope
