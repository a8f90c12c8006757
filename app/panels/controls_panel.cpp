// Controls panel: play/pause/step/reset, presets and config files, every hyperparameter live,
// architecture/data/seed edits that apply on reset, the capture plan and the UI scale.
// Config fields get their ranges, tooltips and combo labels from the schema table; every number
// is a typed number field (app/widgets).
#include <cstdio>

#include <nlohmann/json.hpp>

#include "app/panels/language_switch.hpp"
#include "app/panels/panels.hpp"
#include "app/scenes/palette.hpp"
#include "app/widgets/config_number.hpp"
#include "common/atomic_file.hpp"
#include "core/config/presets.hpp"
#include "core/config/schema.hpp"

namespace ganscope {
namespace {

/// A combo box over the enum field at `path`, labelled by the schema's UI labels.
bool fieldCombo(const char* label, const std::string& path, TrainConfig& config) {
  const ConfigField& field = configField(path);
  uint8_t& value = field.get<uint8_t>(config);
  bool changed = false;
  const char* current = "?";
  for (const EnumName& name : field.names) {
    if (name.value == value) current = name.label;
  }
  if (ImGui::BeginCombo(label, current)) {
    for (const EnumName& name : field.names) {
      if (ImGui::Selectable(name.label, name.value == value)) {
        changed = name.value != value;
        value = name.value;
      }
    }
    ImGui::EndCombo();
  }
  hint(field.help);
  return changed;
}

bool optimizerEditor(NumberFieldState& fields, const char* title, const std::string& path,
                     TrainConfig& config) {
  ImGui::PushID(title);
  ImGui::TextUnformatted(title);
  bool changed = fieldCombo("optimizer", path + ".kind", config);
  changed |= configNumberField(fields, "learning rate", path + ".lr", config);
  const OptimizerKind kind = configField(path + ".kind").get<OptimizerKind>(config);
  if (kind == OptimizerKind::Sgd) {
    changed |= configNumberField(fields, "momentum", path + ".momentum", config);
  } else if (kind == OptimizerKind::RmsProp) {
    changed |= configNumberField(fields, "alpha", path + ".alpha", config);
  } else {
    changed |= configNumberField(fields, "beta1", path + ".beta1", config);
    changed |= configNumberField(fields, "beta2", path + ".beta2", config);
  }
  ImGui::PopID();
  return changed;
}

bool mlpEditor(NumberFieldState& fields, const char* title, const std::string& path,
               TrainConfig& config) {
  ImGui::PushID(title);
  ImGui::TextUnformatted(title);
  bool changed = configNumberField(fields, "hidden layers", path + ".hidden_layers", config);
  changed |= configNumberField(fields, "width", path + ".width", config);
  changed |= fieldCombo("activation", path + ".activation", config);
  ImGui::PopID();
  return changed;
}

bool discriminatorEditor(NumberFieldState& fields, TrainConfig& config) {
  bool changed = mlpEditor(fields, "Discriminator network", "discriminator", config);
  ImGui::PushID("discriminator input");
  changed |= configNumberField(fields, "PacGAN pack", "discriminator.pack", config);
  const ConfigField& stddev = configField("discriminator.minibatch_stddev");
  changed |= ImGui::Checkbox("minibatch stddev feature", &stddev.get<bool>(config));
  hint(stddev.help);
  ImGui::PopID();
  return changed;
}

/// The loss's own parameter, and the remedies that act on the G or D update.
bool remedyEditor(NumberFieldState& fields, TrainConfig& config) {
  bool changed = false;
  if (config.hyper.loss == LossKind::WganClip) {
    changed |= configNumberField(fields, "weight clip", "hyper.clip", config);
  }
  if (config.hyper.loss == LossKind::WganGp) {
    changed |= configNumberField(fields, "GP lambda", "hyper.gp_lambda", config);
  }
  changed |= configNumberField(fields, "R1 gamma", "hyper.r1_gamma", config);
  changed |= configNumberField(fields, "unrolled D steps", "hyper.unrolled_steps", config);
  return changed;
}

}  // namespace

void resetWith(PanelContext& ctx, const TrainConfig& config) {
  if (sendCommand(ctx, Reset{config})) {
    ctx.ui.edit = config;
    ctx.ui.needs_reset = false;
  }
}

namespace {

void fileSection(PanelContext& ctx) {
  char path[512];
  std::snprintf(path, sizeof(path), "%s", ctx.ui.config_path.c_str());
  if (ImGui::InputText("file", path, sizeof(path))) ctx.ui.config_path = path;
  if (ImGui::Button("Load config")) {
    try {
      resetWith(ctx, loadConfigFile(ctx.ui.config_path));
    } catch (const ConfigError& error) {
      ctx.ui.error = std::string("Config not loaded: ") + error.what();
    }
  }
  ImGui::SameLine();
  if (ImGui::Button("Save config")) {
    try {
      writeFileAtomically(ctx.ui.config_path, configToJson(ctx.ui.edit).dump(2) + "\n");
    } catch (const std::exception& error) {
      ctx.ui.error = std::string("Config not saved: ") + error.what();
    }
  }
}

class ControlsPanel final : public Panel {
 protected:
  const char* title() const override { return "Controls"; }
  ImGuiWindowFlags flags() const override { return 0; }
  void drawContent(PanelContext& ctx) override;
};

void ControlsPanel::drawContent(PanelContext& ctx) {
  UiState& ui = ctx.ui;
  const float font = ImGui::GetFontSize();
  ImGui::PushItemWidth(ImGui::GetContentRegionAvail().x * 0.58f);  // room for the labels
  // Transport: the most used buttons first, big enough to hit on a touchpad in front of a class.
  const ImVec2 big(font * 5.2f, font * 1.8f);
  const bool running = ctx.run.status.state == RunState::Running;
  const SessionStatus& status = ctx.run.status;
  ImGui::BeginDisabled(status.state == RunState::Diverged);
  if (ImGui::Button(running ? "Pause" : "Play", big)) {
    sendCommand(ctx, running ? Command{Pause{}} : Command{Resume{}});
  }
  ImGui::EndDisabled();
  if (status.state == RunState::Diverged) {
    const std::string why = "Training diverged (" +
                            describeDivergence(status.diverged_why, status.diverged_at) +
                            "): Reset, with a smaller learning rate, starts again";
    hint(why.c_str());
  }
  ImGui::SameLine();
  if (ImGui::Button("Reset", big)) resetWith(ctx, ui.edit);
  if (ImGui::Button("Step D")) sendCommand(ctx, StepOnce{StepTarget::Discriminator});
  ImGui::SameLine();
  if (ImGui::Button("Step G")) sendCommand(ctx, StepOnce{StepTarget::Generator});
  ImGui::SameLine();
  if (ImGui::Button("Step both")) sendCommand(ctx, StepOnce{StepTarget::Both});
  drawSpeedControl(ctx);
  ImGui::TextDisabled("Space: play/pause   S: one step   [ ]: slower/faster   Ctrl +/-: size");
  drawCompareControls(ctx);
  ImGui::SameLine();
  drawLanguageSwitch(ctx);
  ImGui::Separator();

  // Presets.
  const std::vector<std::string> presets = presetNames();
  if (ImGui::BeginCombo("preset", ui.edit.name.c_str())) {
    for (const std::string& name : presets) {
      if (ImGui::Selectable(name.c_str(), name == ui.edit.name)) resetWith(ctx, presetConfig(name));
    }
    ImGui::EndCombo();
  }
  if (!ui.edit.description.empty()) ImGui::TextWrapped("%s", ui.edit.description.c_str());
  ImGui::Separator();

  // Live hyperparameters: sent as one struct, applied before the next step.
  ImGui::TextUnformatted("Training (applies at the next step)");
  TrainConfig& edit = ui.edit;
  Hyperparams& hyper = edit.hyper;
  NumberFieldState& fields = ui.fields;
  bool changed = fieldCombo("loss", "hyper.loss", edit);
  changed |= configNumberField(fields, "batch size", "hyper.batch_size", edit);
  changed |= configNumberField(fields, "k: D steps", "hyper.d_steps", edit);
  changed |= remedyEditor(fields, edit);
  ImGui::BeginDisabled(isCritic(hyper.loss));  // a critic has no labels
  changed |= configNumberField(fields, "real label", "hyper.real_label", edit);
  ImGui::EndDisabled();
  changed |= configNumberField(fields, "instance noise", "hyper.instance_noise", edit);
  changed |= configNumberField(fields, "noise anneal steps", "hyper.noise_anneal_steps", edit);
  changed |= configNumberField(fields, "lr half-life (steps)", "hyper.lr_half_life", edit);
  changed |= optimizerEditor(fields, "Discriminator", "hyper.d_opt", edit);
  changed |= optimizerEditor(fields, "Generator", "hyper.g_opt", edit);
  // A refused change goes back to what the trainer runs with, so the controls never lie.
  if (changed && !sendCommand(ctx, SetHyperparams{hyper})) hyper = ctx.run.session().config().hyper;
  ImGui::Separator();

  // Rebuild-time settings.
  ImGui::TextUnformatted("Model and data (apply on Reset)");
  bool rebuild = false;
  rebuild |= fieldCombo("data", "data.kind", edit);
  DataConfig& data = edit.data;
  if (dataDimension(data.kind) == 1 || data.kind == DataKind::Gaussian2d) {
    rebuild |= configNumberField(fields, "mean", "data.mean", edit);
  }
  rebuild |= configNumberField(fields, "std", "data.std", edit);
  switch (data.kind) {
    case DataKind::Gaussian:
    case DataKind::Gaussian2d:
      break;
    case DataKind::Bimodal:
      rebuild |= configNumberField(fields, "separation", "data.separation", edit);
      break;
    case DataKind::Ring:
      rebuild |= configNumberField(fields, "modes", "data.modes", edit);
      rebuild |= configNumberField(fields, "radius", "data.radius", edit);
      break;
    case DataKind::Grid:
      rebuild |= configNumberField(fields, "modes per side", "data.grid_size", edit);
      rebuild |= configNumberField(fields, "spacing", "data.spacing", edit);
      break;
    case DataKind::Line:
    case DataKind::Moons:
    case DataKind::Spiral:
      rebuild |= configNumberField(fields, "radius", "data.radius", edit);
      break;
    case DataKind::Points:
      ImGui::TextWrapped("%zu points. Paint them with Draw in the plane panel.",
                         data.points.size() / 2);
      break;
  }
  rebuild |= fieldCombo("z", "latent.kind", edit);
  rebuild |= configNumberField(fields, "z dimensions", "latent.dim", edit);
  rebuild |= mlpEditor(fields, "Generator network", "generator", edit);
  rebuild |= discriminatorEditor(fields, edit);
  rebuild |= fieldCombo("step engine", "engine", edit);
  rebuild |= configNumberField(fields, "seed", "seed", edit);
  ui.needs_reset |= rebuild;
  if (ui.needs_reset) {
    ImGui::TextColored(palette::kNote, "Edited: press Reset to rebuild with these settings.");
  }
  ImGui::Separator();
  fileSection(ctx);
  drawSessionControls(ctx);
  ImGui::Separator();
  ImGui::TextUnformatted("Figure 1 layers");
  Figure1Layers& layers = ctx.view.layers;
  ImGui::Checkbox("p_data", &layers.p_data);
  ImGui::SameLine();
  ImGui::Checkbox("p_g", &layers.p_g);
  ImGui::SameLine();
  ImGui::Checkbox("D", &layers.d);
  ImGui::Checkbox("D*", &layers.d_star);
  ImGui::SameLine();
  ImGui::Checkbox("D strip", &layers.d_strip);
  ImGui::Checkbox("z -> x mapping", &layers.mapping);
  NumberSpec scale{.lo = 0.5, .hi = 3.0};
  numberField(fields, "UI scale", "ui_scale", scale, ctx.view.ui_scale);
  ImGui::PopItemWidth();
}

}  // namespace

std::unique_ptr<Panel> makeControlsPanel() {
  return std::make_unique<ControlsPanel>();
}

}  // namespace ganscope
