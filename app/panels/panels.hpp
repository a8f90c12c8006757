// The GUI's panels, one per file in app/panels/, each made by its factory below; the
// PanelRegistry says which panels each scenario shows. A panel reads the MetricStore and the
// settings, interprets frames and stats by their own headers (never by session.config()), and
// talks to the trainer only through Session.
#pragma once
#include <imgui.h>

#include <memory>
#include <string>

#include "app/gl/scalar_field_view.hpp"
#include "app/state/metric_store.hpp"
#include "app/panels/panel.hpp"
#include "app/state/ui_state.hpp"
#include "app/state/view_settings.hpp"
#include "core/api/session.hpp"

namespace ganscope {

struct PanelContext {
  Session& session;
  const MetricStore& store;
  const SessionStatus& status;
  ViewSettings& view;
  UiState& ui;
  double ui_fps = 0;  ///< frames per second of the render loop
  const std::string& blas;
  gl::ScalarFieldView* d_strip = nullptr;  ///< D(x) colour strip of the Figure 1 panel
  gl::ScalarFieldView* d_field = nullptr;  ///< D heatmap of the plane panel
};

/// The game's value `value` (a frame's -(D's loss)) for the headlines: V(D,G) against -log 4
/// for the losses of the paper, the Wasserstein estimate for WGAN, -(D's loss) otherwise.
std::string gameValueText(float value, LossKind loss);

/// A tooltip for the item just drawn (also when it is disabled).
inline void hint(const char* text) {
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", text);
}

/// Sends `command`, turning a refusal into the error dialog; true when queued.
bool sendCommand(PanelContext& ctx, Command command);
/// Rebuilds the run from `config` and makes it what the controls show.
void resetWith(PanelContext& ctx, const TrainConfig& config);

std::unique_ptr<Panel> makeControlsPanel();
std::unique_ptr<Panel> makeFigure1Panel();
std::unique_ptr<Panel> makePlanePanel();
std::unique_ptr<Panel> makeModesPanel();
std::unique_ptr<Panel> makeLossesPanel();
std::unique_ptr<Panel> makeDMeansPanel();
std::unique_ptr<Panel> makeDHistogramPanel();
std::unique_ptr<Panel> makeCapturePanel();
std::unique_ptr<Panel> makeStatusBar();
/// Save session... / Open session... with a path field (in the controls panel).
void drawSessionControls(PanelContext& ctx);
/// A modal dialog while ctx.ui.error is set; OK clears it (drawn over the panels, in no slot).
void drawErrorDialog(PanelContext& ctx);

}  // namespace ganscope
