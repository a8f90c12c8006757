// The GUI's panels, one per file in app/panels/, each made by its factory below; the
// PanelRegistry says which panels each scenario shows. A panel reads the MetricStore and the
// settings, interprets frames and stats by their own headers (never by session.config()), and
// talks to the trainer only through Session.
#pragma once
#include <imgui.h>

#include <array>
#include <memory>
#include <string>
#include <vector>

#include <span>

#include "app/panels/panel.hpp"
#include "app/state/run_view.hpp"
#include "app/state/ui_state.hpp"
#include "app/state/view_settings.hpp"
#include "core/api/session.hpp"

namespace ganscope {

/// How a panel names its run while comparing: not at all (it shows every run), by the run's
/// name in its title bar, or also by a title row with the differing settings.
enum class RunTitle : uint8_t { None, Name, Full };

/// What a panel draws with: the run it shows, every run (for the overlaid plots and the
/// commands that act on all), and the global state.
struct PanelContext {
  RunView& run;                    ///< the run this panel shows
  std::span<RunView* const> runs;  ///< every run open, the first run first
  /// The plot views the panel uses: the first run's for every run, so side-by-side axes agree.
  PlotViews& views;
  ViewSettings& view;
  UiState& ui;
  double ui_fps = 0;  ///< frames per second of the render loop
  const std::string& blas;
  RunTitle run_title = RunTitle::None;  ///< set where a slot shows one column per run
  /// Two or more runs are open.
  bool comparing() const { return runs.size() > 1; }
  /// The index of `run` in `runs` (0: the first run).
  size_t index() const {
    for (size_t i = 0; i < runs.size(); ++i) {
      if (runs[i] == &run) return i;
    }
    return 0;
  }
};

/// The game's value `value` (a frame's -(D's loss)) for the headlines: V(D,G) against -log 4
/// for the losses of the paper, the Wasserstein estimate for WGAN, -(D's loss) otherwise.
std::string gameValueText(float value, LossKind loss);
/// gameValueText in two parts, so a narrow headline can break between them: the value, and
/// its optimum in parentheses ("" for the losses without one).
struct GameValueText {
  std::string value, optimum;
};
GameValueText gameValueParts(float value, LossKind loss);

/// A tooltip for the item just drawn (also when it is disabled).
inline void hint(const char* text) {
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", text);
}

/// SameLine when an item showing `text` (a button or a checkbox, `extra` pixels more) fits after
/// the last one, else the next line: narrow columns (1024 x 768, Korean, a large text size) wrap
/// instead of cutting rows off.
inline void sameLineIfFits(const char* text, float extra = 0) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float width = ImGui::CalcTextSize(text).x + style.FramePadding.x * 2 + extra;
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + style.ItemSpacing.x + width <= right) ImGui::SameLine();
}

/// One series of a plot that overlays every run: its colour for the first run and for the
/// second, its full name (one run) and its short name (suffixed by the run's while comparing).
struct RunSeries {
  ImU32 color, second_color;
  const char* name;
  const char* short_name;
};
/// The legend of a plot of two series per run (PlotOptions::legend): the full names with one
/// run; "short A" and "short B (lighter)" while comparing. `names` keeps the texts alive.
std::vector<plot::LegendEntry> runsLegend(const PanelContext& ctx, const RunSeries& first,
                                          const RunSeries& second,
                                          std::array<std::string, 4>& names);
/// Draws series `a` (in `first`'s colours) and `b` (in `second`'s) of every run on `canvas`,
/// decimated; the second run first and lighter, so the first run's lines stay on top.
void drawRunsLines(plot::PlotCanvas& canvas, const PanelContext& ctx, Series a,
                   const RunSeries& first, Series b, const RunSeries& second);

/// Sends `command` to every run (each variant gets it with its own differences applied, see
/// RunView::adapt), turning a refusal into the error dialog; true when every run queued it.
bool sendCommand(PanelContext& ctx, const Command& command);
/// Rebuilds every run from `config` (variants with their differences) and makes it what the
/// controls show: all runs restart from step 0 together.
void resetWith(PanelContext& ctx, const TrainConfig& config);

std::unique_ptr<Panel> makeControlsPanel();
std::unique_ptr<Panel> makeFigure1Panel();
std::unique_ptr<Panel> makePlanePanel();
std::unique_ptr<Panel> makeModesPanel();
std::unique_ptr<Panel> makeLossesPanel();
std::unique_ptr<Panel> makeDMeansPanel();
std::unique_ptr<Panel> makeGradientsPanel();
std::unique_ptr<Panel> makeDHistogramPanel();
std::unique_ptr<Panel> makeCapturePanel();
std::unique_ptr<Panel> makeSampleGridPanel();
std::unique_ptr<Panel> makeClassCoveragePanel();
std::unique_ptr<Panel> makeStatusBar();
std::unique_ptr<Panel> makeLatentExplorerPanel();
/// A slot shared by `other` (its usual panel) and the latent `explorer`, a tab for each
/// (UiState::explorer.open says which shows); both stay owned by the registry.
std::unique_ptr<Panel> makeExplorerTabs(Panel* other, Panel* explorer);
/// Save session... / Open session... with a path field (in the controls panel).
void drawSessionControls(PanelContext& ctx);
/// The pace: a slider over the speed stops (1 step/s to max), for every run at once (in the
/// controls panel's toolbar).
void drawSpeedControl(PanelContext& ctx);
/// Makes stop `stop` of kSpeedStops every run's speed limit (sent to all runs; the [ and ] keys
/// and the slider use it). False when a trainer's queue was full (try again).
bool setSpeedStop(PanelContext& ctx, int stop);
/// Compare...: a button opening the popup that starts a second run with FIELD=VALUE changes
/// (in the controls panel).
void drawCompareControls(PanelContext& ctx);
/// The run's name and differing settings over its column, with a close button on a variant.
void drawRunTitle(PanelContext& ctx);
/// The image data's folder and class filter fields (Enter commits into `data`, a folder without
/// the IDX files shows in red); true when `data` changed (applies on Reset).
bool drawImageDataFields(ImageDataFields& fields, DataConfig& data);
/// A combo box over the enum config field at `path`, labelled by the schema's UI labels (its
/// box recorded in `fields.rects` under `path`, for scripted clicks); true when it changed.
bool fieldCombo(NumberFieldState& fields, const char* label, const std::string& path,
                TrainConfig& config);
/// The networks' fields that apply on Reset: for image data the `model` combo, then the chosen
/// model's own fields (the plain MLP's layers, widths and activations; the DCGAN's channels;
/// the MLP GAN's fixed sizes as text) and D's input (pack, minibatch stddev). A model of images
/// goes back to the plain MLP when the data is not images. True when `config` changed.
bool drawModelFields(NumberFieldState& fields, TrainConfig& config);
/// A modal dialog while ctx.ui.error is set; OK clears it (drawn over the panels, in no slot).
void drawErrorDialog(PanelContext& ctx);

}  // namespace ganscope
