// Compare...: a popup choosing FIELD=VALUE changes (typed, or quick picks for the loss, a
// remedy, a learning rate, the seed); Start opens a second run with them beside the first.
// Each run's title: its name and differing settings, with a close button on the second.
#include <cstdio>

#include "app/i18n/config_text.hpp"
#include "app/i18n/strings.hpp"
#include "app/panels/panels.hpp"
#include "app/scenes/palette.hpp"
#include "core/config/overrides.hpp"
#include "core/config/schema.hpp"

namespace ganscope {
namespace {

/// The popup's title in the UI's language, its id the same in every language.
std::string popupId() {
  return std::string(i18n::tr("compare.popup")) + "###compare";
}

std::string label(const char* key, const char* id) {
  return std::string(i18n::tr(key)) + "###" + id;
}

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
    const char* problem =
        sideBySideProblemKey(ui.edit, withOverride(variantConfig(ui), assignment));
    message = problem ? i18n::tr(problem) : "";
    if (message.empty()) ui.compare.assignments.push_back(assignment);
  } catch (const ConfigError& error) {
    message = error.what();
  }
}

/// The quick picks: the loss, a remedy, half or double D's learning rate, the next seed.
void quickPicks(UiState& ui, std::string& message) {
  ImGui::TextUnformatted(i18n::tr("compare.quick_picks"));
  const ConfigField& loss = configField("hyper.loss");
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
  if (ImGui::BeginCombo("##loss", i18n::tr("compare.loss"))) {
    for (const EnumName& name : loss.names) {
      ImGui::PushID(name.name);
      const bool picked = ImGui::Selectable(i18n::enumLabel(loss, name));
      ImGui::PopID();
      if (picked) {
        addChange(ui, message, std::string("hyper.loss=") + name.name);
      }
    }
    ImGui::EndCombo();
  }
  hint(i18n::fieldHelp(loss));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
  if (ImGui::BeginCombo("##remedy", i18n::tr("compare.remedy"))) {
    for (const char* assignment : {"discriminator.minibatch_stddev=true", "discriminator.pack=2",
                                   "hyper.unrolled_steps=5", "hyper.r1_gamma=1"}) {
      if (ImGui::Selectable(assignment)) addChange(ui, message, assignment);
    }
    ImGui::EndCombo();
  }
  char text[96];
  const float lr = ui.edit.hyper.d_opt.lr;
  std::snprintf(text, sizeof(text), "hyper.d_opt.lr=%g", lr / 2);
  if (ImGui::SmallButton(label("compare.d_lr_half", "lr_half").c_str()))
    addChange(ui, message, text);
  ImGui::SameLine();
  std::snprintf(text, sizeof(text), "hyper.d_opt.lr=%g", lr * 2);
  if (ImGui::SmallButton(label("compare.d_lr_double", "lr_double").c_str()))
    addChange(ui, message, text);
  ImGui::SameLine();
  std::snprintf(text, sizeof(text), "seed=%llu", static_cast<unsigned long long>(ui.edit.seed + 1));
  if (ImGui::SmallButton(label("compare.next_seed", "next_seed").c_str()))
    addChange(ui, message, text);
}

void comparePopup(PanelContext& ctx) {
  UiState& ui = ctx.ui;
  if (!ImGui::BeginPopupModal(popupId().c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize))
    return;
  std::string& message = ui.compare.message;
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
  ImGui::TextUnformatted(i18n::tr("compare.explain"));
  ImGui::PopTextWrapPos();
  ImGui::Separator();
  quickPicks(ui, message);
  char field[256];
  std::snprintf(field, sizeof(field), "%s", ui.compare.field.c_str());
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20);
  const bool entered =
      ImGui::InputTextWithHint("##field", i18n::tr("compare.field_hint"), field, sizeof(field),
                               ImGuiInputTextFlags_EnterReturnsTrue);
  ui.compare.field = field;
  hint(i18n::tr("compare.field_tip"));
  ImGui::SameLine();
  if ((ImGui::Button(label("compare.add", "add").c_str()) || entered) &&
      !ui.compare.field.empty()) {
    addChange(ui, message, ui.compare.field);
    if (message.empty()) ui.compare.field.clear();
  }
  if (!message.empty()) {
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
    ImGui::TextColored(palette::kError, "%s", message.c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::Separator();
  ImGui::TextUnformatted(i18n::tr("compare.changes"));
  if (ui.compare.assignments.empty()) ImGui::TextDisabled("%s", i18n::tr("compare.none"));
  for (size_t i = 0; i < ui.compare.assignments.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::SmallButton(label("compare.remove", "remove").c_str())) {
      ui.compare.assignments.erase(ui.compare.assignments.begin() + static_cast<long>(i));
      ImGui::PopID();
      break;
    }
    ImGui::SameLine();
    ImGui::TextUnformatted(ui.compare.assignments[i].c_str());
    ImGui::PopID();
  }
  ImGui::BeginDisabled(ui.compare.assignments.empty());
  if (ImGui::Button(label("compare.start", "start").c_str())) {
    ui.start_compare = ui.compare.assignments;
    ui.compare.assignments.clear();
    message.clear();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button(label("compare.cancel", "cancel").c_str())) {
    message.clear();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace

void drawCompareControls(PanelContext& ctx) {
  ImGui::BeginDisabled(ctx.comparing());
  if (ImGui::Button(label("compare.button", "compare").c_str()))
    ImGui::OpenPopup(popupId().c_str());
  ImGui::EndDisabled();
  hint(i18n::tr(ctx.comparing() ? "compare.hint_busy" : "compare.hint_open"));
  comparePopup(ctx);
}

void drawRunTitle(PanelContext& ctx) {
  const RunView& run = ctx.run;
  ImGui::TextColored(ctx.index() == 0 ? palette::kTitleFirst : palette::kTitleSecond, "%s",
                     run.name().c_str());
  ImGui::SameLine();
  if (run.settings().empty()) {
    ImGui::TextDisabled("%s", i18n::tr("compare.settings_of_controls"));
  } else {
    ImGui::TextUnformatted(run.settings().c_str());
  }
  if (ctx.index() > 0) {
    ImGui::SameLine();
    if (ImGui::SmallButton(label("compare.close", "close").c_str())) ctx.ui.close_run = ctx.index();
    hint(i18n::tr("compare.close_hint"));
  }
}

}  // namespace ganscope
