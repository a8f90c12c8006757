// The GUI's panels, one per file in app/panels/, all drawn by GuiApp from this list. A panel
// reads the MetricStore and the settings; it talks to the trainer only through Session.
#pragma once
#include <imgui.h>

#include <string>

#include "app/gl/scalar_field_view.hpp"
#include "app/metric_store.hpp"
#include "app/ui_state.hpp"
#include "app/view_settings.hpp"
#include "core/session.hpp"

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

/// The game's value for the headlines: V(D,G) against -log 4 for the losses of the paper, the
/// Wasserstein estimate for WGAN, -(D's loss) otherwise.
std::string gameValueText(const Snapshot& s, LossKind loss);

/// A tooltip for the item just drawn (also when it is disabled).
inline void hint(const char* text) {
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", text);
}

/// Sends `command`, turning a refusal into the error dialog; true when queued.
bool sendCommand(PanelContext& ctx, Command command);
/// Rebuilds the run from `config` and makes it what the controls show.
void resetWith(PanelContext& ctx, const TrainConfig& config);

void drawControlsPanel(PanelContext& ctx);
void drawFigure1Panel(PanelContext& ctx);
void drawPlanePanel(PanelContext& ctx);
void drawModesPanel(PanelContext& ctx);
void drawLossesPanel(PanelContext& ctx);
void drawDMeansPanel(PanelContext& ctx);
void drawDHistogramPanel(PanelContext& ctx);
void drawCapturePanel(PanelContext& ctx);
void drawStatusBar(PanelContext& ctx);
/// Save session... / Open session... with a path field (in the controls panel).
void drawSessionControls(PanelContext& ctx);
/// A modal dialog while ctx.ui.error is set; OK clears it.
void drawErrorDialog(PanelContext& ctx);

}  // namespace ganscope
