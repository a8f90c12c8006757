// Class coverage panel (images): the class coverage scene over the run's newest ImageFrame and
// its history of Fréchet distances.
#include "app/i18n/strings.hpp"
#include "app/panels/panels.hpp"
#include "app/scenes/class_coverage_scene.hpp"
#include "app/state/image_folder.hpp"

namespace ganscope {

namespace {

class ClassCoveragePanel final : public Panel {
 protected:
  const char* title() const override { return i18n::tr("coverage.title"); }
  void drawContent(PanelContext& ctx) override;
};

void ClassCoveragePanel::drawContent(PanelContext& ctx) {
  const ImageFrame* frame = ctx.run.store.frame<ImageFrame>();
  if (!frame) {
    ImGui::TextUnformatted(i18n::tr("panel.waiting"));
    return;
  }
  drawClassCoverage(*frame, ctx.run.store.imageMetrics(), ctx.views.frechet,
                    isFashionMnistFolder(ctx.run.session().config().data.path),
                    ctx.run.status.classifier);
}

}  // namespace

std::unique_ptr<Panel> makeClassCoveragePanel() {
  return std::make_unique<ClassCoveragePanel>();
}

}  // namespace ganscope
