// Controls panel: play/pause/step/reset, presets and config files, every hyperparameter live,
// architecture/data/seed edits that apply on reset, the capture plan and the UI scale.
// Config fields get their slider limits, tooltips and combo labels from the schema table.
#include <cstdio>

#include <nlohmann/json.hpp>

#include "app/panels/panels.hpp"
#include "app/scenes/palette.hpp"
#include "common/atomic_file.hpp"
#include "core/config/presets.hpp"
#include "core/config/schema.hpp"

namespace ganscope {
namespace {

// Ctrl+click typing stays inside the slider's range, which lies inside the config's limits.
constexpr ImGuiSliderFlags kClamp = ImGuiSliderFlags_AlwaysClamp;

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

/// A slider over the number field at `path`: its limits are the schema's slider range (else
/// the allowed range), its tooltip the field's help.
bool fieldSlider(const char* label, const std::string& path, TrainConfig& config) {
  const ConfigField& field = configField(path);
  const SliderRange& slider = field.slider;
  const bool own = slider.lo != slider.hi;
  const double lo = own ? slider.lo : field.range.lo, hi = own ? slider.hi : field.range.hi;
  const ImGuiSliderFlags flags = kClamp | (slider.logarithmic ? ImGuiSliderFlags_Logarithmic : 0);
  bool changed = false;
  if (field.type == FieldType::Float) {
    changed =
        ImGui::SliderFloat(label, &field.get<float>(config), static_cast<float>(lo),
                           static_cast<float>(hi), slider.format ? slider.format : "%.3f", flags);
  } else {
    changed = ImGui::SliderInt(label, &field.get<int>(config), static_cast<int>(lo),
                               static_cast<int>(hi), slider.format ? slider.format : "%d", flags);
  }
  hint(field.help);
  return changed;
}

/// A count of steps typed in for the int64 field at `path`; numbers outside its range are
/// refused (the field keeps its value).
bool stepsInput(const char* label, const std::string& path, TrainConfig& config) {
  const ConfigField& field = configField(path);
  int64_t& steps = field.get<int64_t>(config);
  long long typed = steps;
  const bool edited = ImGui::InputScalar(label, ImGuiDataType_S64, &typed);
  hint(field.help);
  if (!edited || typed < field.range.lo || typed > field.range.hi) return false;
  steps = typed;
  return true;
}

bool optimizerEditor(const char* title, const std::string& path, TrainConfig& config) {
  ImGui::PushID(title);
  ImGui::TextUnformatted(title);
  bool changed = fieldCombo("optimizer", path + ".kind", config);
  changed |= fieldSlider("learning rate", path + ".lr", config);
  const OptimizerKind kind = configField(path + ".kind").get<OptimizerKind>(config);
  if (kind == OptimizerKind::Sgd) {
    changed |= fieldSlider("momentum", path + ".momentum", config);
  } else if (kind == OptimizerKind::RmsProp) {
    changed |= fieldSlider("alpha", path + ".alpha", config);
  } else {
    changed |= fieldSlider("beta1", path + ".beta1", config);
    changed |= fieldSlider("beta2", path + ".beta2", config);
  }
  ImGui::PopID();
  return changed;
}

bool mlpEditor(const char* title, const std::string& path, TrainConfig& config) {
  ImGui::PushID(title);
  ImGui::TextUnformatted(title);
  bool changed = fieldSlider("hidden layers", path + ".hidden_layers", config);
  changed |= fieldSlider("width", path + ".width", config);
  changed |= fieldCombo("activation", path + ".activation", config);
  ImGui::PopID();
  return changed;
}

bool discriminatorEditor(TrainConfig& config) {
  bool changed = mlpEditor("Discriminator network", "discriminator", config);
  ImGui::PushID("discriminator input");
  changed |= fieldSlider("PacGAN pack", "discriminator.pack", config);
  const ConfigField& stddev = configField("discriminator.minibatch_stddev");
  changed |= ImGui::Checkbox("minibatch stddev feature", &stddev.get<bool>(config));
  hint(stddev.help);
  ImGui::PopID();
  return changed;
}

/// The loss's own parameter, and the remedies that act on the G or D update.
bool remedyEditor(TrainConfig& config) {
  bool changed = false;
  if (config.hyper.loss == LossKind::WganClip) {
    changed |= fieldSlider("weight clip", "hyper.clip", config);
  }
  if (config.hyper.loss == LossKind::WganGp) {
    changed |= fieldSlider("GP lambda", "hyper.gp_lambda", config);
  }
  changed |= fieldSlider("R1 gamma", "hyper.r1_gamma", config);
  changed |= fieldSlider("unrolled D steps", "hyper.unrolled_steps", config);
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
  if (ImGui::Button(running ? "Pause" : "Play", big)) {
    sendCommand(ctx, running ? Command{Pause{}} : Command{Resume{}});
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
  bool changed = fieldCombo("loss", "hyper.loss", edit);
  changed |= fieldSlider("batch size", "hyper.batch_size", edit);
  changed |= fieldSlider("k: D steps", "hyper.d_steps", edit);
  changed |= remedyEditor(edit);
  ImGui::BeginDisabled(isCritic(hyper.loss));  // a critic has no labels
  changed |= fieldSlider("real label", "hyper.real_label", edit);
  ImGui::EndDisabled();
  changed |= fieldSlider("instance noise", "hyper.instance_noise", edit);
  changed |= stepsInput("noise anneal steps", "hyper.noise_anneal_steps", edit);
  changed |= stepsInput("lr half-life (steps)", "hyper.lr_half_life", edit);
  changed |= optimizerEditor("Discriminator", "hyper.d_opt", edit);
  changed |= optimizerEditor("Generator", "hyper.g_opt", edit);
  // A refused change goes back to what the trainer runs with, so the controls never lie.
  if (changed && !sendCommand(ctx, SetHyperparams{hyper})) hyper = ctx.run.session().config().hyper;
  ImGui::Separator();

  // Rebuild-time settings.
  ImGui::TextUnformatted("Model and data (apply on Reset)");
  bool rebuild = false;
  rebuild |= fieldCombo("data", "data.kind", edit);
  DataConfig& data = edit.data;
  if (dataDimension(data.kind) == 1 || data.kind == DataKind::Gaussian2d) {
    rebuild |= fieldSlider("mean", "data.mean", edit);
  }
  rebuild |= fieldSlider("std", "data.std", edit);
  switch (data.kind) {
    case DataKind::Gaussian:
    case DataKind::Gaussian2d:
      break;
    case DataKind::Bimodal:
      rebuild |= fieldSlider("separation", "data.separation", edit);
      break;
    case DataKind::Ring:
      rebuild |= fieldSlider("modes", "data.modes", edit);
      rebuild |= fieldSlider("radius", "data.radius", edit);
      break;
    case DataKind::Grid:
      rebuild |= fieldSlider("modes per side", "data.grid_size", edit);
      rebuild |= fieldSlider("spacing", "data.spacing", edit);
      break;
    case DataKind::Line:
    case DataKind::Moons:
    case DataKind::Spiral:
      rebuild |= fieldSlider("radius", "data.radius", edit);
      break;
    case DataKind::Points:
      ImGui::TextWrapped("%zu points. Paint them with Draw in the plane panel.",
                         data.points.size() / 2);
      break;
  }
  rebuild |= fieldCombo("z", "latent.kind", edit);
  rebuild |= fieldSlider("z dimensions", "latent.dim", edit);
  rebuild |= mlpEditor("Generator network", "generator", edit);
  rebuild |= discriminatorEditor(edit);
  rebuild |= fieldCombo("step engine", "engine", edit);
  long long seed = static_cast<long long>(ui.edit.seed);
  if (ImGui::InputScalar("seed", ImGuiDataType_S64, &seed) && seed >= 0) {
    ui.edit.seed = static_cast<uint64_t>(seed);
    rebuild = true;
  }
  hint(configField("seed").help);
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
  ImGui::SliderFloat("UI scale", &ctx.view.ui_scale, 0.5f, 3.0f, "%.2f");
  ImGui::PopItemWidth();
}

}  // namespace

std::unique_ptr<Panel> makeControlsPanel() {
  return std::make_unique<ControlsPanel>();
}

}  // namespace ganscope
