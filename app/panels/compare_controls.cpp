// Compare...: a popup choosing FIELD=VALUE changes (typed, or quick picks for the loss, a
// remedy, a learning rate, the seed); Start opens a second run with them beside the first.
// Each run's title: its name and differing settings, with a close button on the second.
#include <cstdio>

#include "app/panels/panels.hpp"
#include "app/scenes/palette.hpp"
#include "core/config/overrides.hpp"
#include "core/config/schema.hpp"

namespace ganscope {
namespace {

constexpr const char* kPopup = "Compare with...";

/// The controls' config with every chosen change applied; throws ConfigError for a bad one.
TrainConfig variantConfig(const UiState& ui) {
  TrainConfig variant = ui.edit;
  for (const std::string& assignment : ui.compare.assignments) {
    variant = withOverride(variant, assignment);
  }
  return variant;
}

/// Adds `assignment` to the changes if it is valid on top of them; else the popup says why.
void addChange(UiState& ui, std::string& message, const std::string& assignment) {
  try {
    message = sideBySideProblem(ui.edit, withOverride(variantConfig(ui), assignment));
    if (message.empty()) ui.compare.assignments.push_back(assignment);
  } catch (const ConfigError& error) {
    message = error.what();
  }
}

/// The quick picks: the loss, a remedy, half or double D's learning rate, the next seed.
void quickPicks(UiState& ui, std::string& message) {
  ImGui::TextUnformatted("Quick picks");
  const ConfigField& loss = configField("hyper.loss");
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
  if (ImGui::BeginCombo("##loss", "loss...")) {
    for (const EnumName& name : loss.names) {
      if (ImGui::Selectable(name.label)) {
        addChange(ui, message, std::string("hyper.loss=") + name.name);
      }
    }
    ImGui::EndCombo();
  }
  hint(loss.help);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
  if (ImGui::BeginCombo("##remedy", "remedy...")) {
    for (const char* assignment : {"discriminator.minibatch_stddev=true", "discriminator.pack=2",
                                   "hyper.unrolled_steps=5", "hyper.r1_gamma=1"}) {
      if (ImGui::Selectable(assignment)) addChange(ui, message, assignment);
    }
    ImGui::EndCombo();
  }
  char text[96];
  const float lr = ui.edit.hyper.d_opt.lr;
  std::snprintf(text, sizeof(text), "hyper.d_opt.lr=%g", lr / 2);
  if (ImGui::SmallButton("D lr / 2")) addChange(ui, message, text);
  ImGui::SameLine();
  std::snprintf(text, sizeof(text), "hyper.d_opt.lr=%g", lr * 2);
  if (ImGui::SmallButton("D lr x 2")) addChange(ui, message, text);
  ImGui::SameLine();
  std::snprintf(text, sizeof(text), "seed=%llu", static_cast<unsigned long long>(ui.edit.seed + 1));
  if (ImGui::SmallButton("next seed")) addChange(ui, message, text);
}

void comparePopup(PanelContext& ctx) {
  UiState& ui = ctx.ui;
  if (!ImGui::BeginPopupModal(kPopup, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  std::string& message = ui.compare.message;
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
  ImGui::TextUnformatted(
      "A second run beside this one with these changes. Both restart from step 0 together, "
      "with the same data and seed unless changed, so you compare the same steps.");
  ImGui::PopTextWrapPos();
  ImGui::Separator();
  quickPicks(ui, message);
  char field[256];
  std::snprintf(field, sizeof(field), "%s", ui.compare.field.c_str());
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20);
  const bool entered =
      ImGui::InputTextWithHint("##field", "FIELD=VALUE, e.g. hyper.loss=hinge", field,
                               sizeof(field), ImGuiInputTextFlags_EnterReturnsTrue);
  ui.compare.field = field;
  hint("a dotted config path and its value (see ganscope --help-config)");
  ImGui::SameLine();
  if ((ImGui::Button("Add") || entered) && !ui.compare.field.empty()) {
    addChange(ui, message, ui.compare.field);
    if (message.empty()) ui.compare.field.clear();
  }
  if (!message.empty()) {
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
    ImGui::TextColored(palette::kError, "%s", message.c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::Separator();
  ImGui::TextUnformatted("Changes");
  if (ui.compare.assignments.empty()) ImGui::TextDisabled("none yet");
  for (size_t i = 0; i < ui.compare.assignments.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::SmallButton("x")) {
      ui.compare.assignments.erase(ui.compare.assignments.begin() + static_cast<long>(i));
      ImGui::PopID();
      break;
    }
    ImGui::SameLine();
    ImGui::TextUnformatted(ui.compare.assignments[i].c_str());
    ImGui::PopID();
  }
  ImGui::BeginDisabled(ui.compare.assignments.empty());
  if (ImGui::Button("Start")) {
    ui.start_compare = ui.compare.assignments;
    ui.compare.assignments.clear();
    message.clear();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) {
    message.clear();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace

void drawCompareControls(PanelContext& ctx) {
  ImGui::BeginDisabled(ctx.comparing());
  if (ImGui::Button("Compare...")) ImGui::OpenPopup(kPopup);
  ImGui::EndDisabled();
  hint(ctx.comparing() ? "two runs are open: close the second to compare another"
                       : "train a second run beside this one with some settings changed");
  comparePopup(ctx);
}

void drawRunTitle(PanelContext& ctx) {
  const RunView& run = ctx.run;
  ImGui::TextColored(ctx.index() == 0 ? palette::kTitleFirst : palette::kTitleSecond, "%s",
                     run.name().c_str());
  ImGui::SameLine();
  if (run.settings().empty()) {
    ImGui::TextDisabled("(the settings in the controls)");
  } else {
    ImGui::TextUnformatted(run.settings().c_str());
  }
  if (ctx.index() > 0) {
    ImGui::SameLine();
    if (ImGui::SmallButton("close")) ctx.ui.close_run = ctx.index();
    hint("close this run; the first goes on alone");
  }
}

}  // namespace ganscope
