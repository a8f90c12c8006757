// Controls panel: play/pause/step/reset, presets and config files, every hyperparameter live,
// architecture/data/seed edits that apply on reset, the capture plan and the UI scale.
#include <cfloat>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "app/palette.hpp"
#include "app/panels/panels.hpp"
#include "common/atomic_file.hpp"
#include "core/presets.hpp"

namespace ganscope {
namespace {

template <class Enum, size_t N>
bool enumCombo(const char* label, Enum& value, const std::pair<const char*, Enum> (&items)[N]) {
  bool changed = false;
  const char* current = "?";
  for (const auto& [name, item] : items) {
    if (item == value) current = name;
  }
  if (ImGui::BeginCombo(label, current)) {
    for (const auto& [name, item] : items) {
      if (ImGui::Selectable(name, item == value)) {
        changed = item != value;
        value = item;
      }
    }
    ImGui::EndCombo();
  }
  return changed;
}

constexpr std::pair<const char*, LossKind> kLosses[] = {
    {"non-saturating  -log D(G(z))", LossKind::NonSaturating},
    {"minimax  log(1 - D(G(z)))", LossKind::Minimax},
    {"WGAN, weight clipping", LossKind::WganClip},
    {"WGAN-GP, gradient penalty", LossKind::WganGp},
    {"LSGAN, least squares", LossKind::LeastSquares},
    {"hinge", LossKind::Hinge}};
constexpr std::pair<const char*, OptimizerKind> kOptimizers[] = {
    {"Adam", OptimizerKind::Adam},
    {"SGD + momentum", OptimizerKind::Sgd},
    {"RMSprop", OptimizerKind::RmsProp}};
constexpr std::pair<const char*, Activation> kActivations[] = {
    {"ReLU", Activation::Relu},
    {"LeakyReLU 0.2", Activation::LeakyRelu},
    {"tanh", Activation::Tanh}};
constexpr std::pair<const char*, DataKind> kDataKinds[] = {
    {"1-D Gaussian", DataKind::Gaussian},   {"1-D bimodal", DataKind::Bimodal},
    {"2-D ring", DataKind::Ring},           {"2-D grid", DataKind::Grid},
    {"2-D Gaussian", DataKind::Gaussian2d}, {"2-D line", DataKind::Line},
    {"2-D two moons", DataKind::Moons},     {"2-D spiral", DataKind::Spiral},
    {"2-D drawn points", DataKind::Points}};
constexpr std::pair<const char*, LatentKind> kLatentKinds[] = {
    {"uniform U(0,1)", LatentKind::Uniform}, {"normal N(0,1)", LatentKind::Normal}};

// Ctrl+click typing stays inside the slider's range, which lies inside the config's limits.
constexpr ImGuiSliderFlags kClamp = ImGuiSliderFlags_AlwaysClamp;

/// A count of steps typed in; negative numbers are refused (the field keeps its value).
bool stepsInput(const char* label, int64_t& steps) {
  long long typed = steps;
  if (!ImGui::InputScalar(label, ImGuiDataType_S64, &typed) || typed < 0) return false;
  steps = typed;
  return true;
}

/// Learning rate on a log slider: rates span seven decades, up to the config's limit of 100.
bool learningRate(const char* label, float& lr) {
  return ImGui::SliderFloat(label, &lr, 1e-5f, 100.0f, "%.5f",
                            ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp);
}

bool optimizerEditor(const char* title, OptimizerConfig& opt) {
  ImGui::PushID(title);
  ImGui::TextUnformatted(title);
  bool changed = enumCombo("optimizer", opt.kind, kOptimizers);
  changed |= learningRate("learning rate", opt.lr);
  if (opt.kind == OptimizerKind::Sgd) {
    changed |= ImGui::SliderFloat("momentum", &opt.momentum, 0.0f, 0.99f, "%.2f", kClamp);
  } else if (opt.kind == OptimizerKind::RmsProp) {
    changed |= ImGui::SliderFloat("alpha", &opt.alpha, 0.5f, 0.999f, "%.3f", kClamp);
  } else {
    changed |= ImGui::SliderFloat("beta1", &opt.beta1, 0.0f, 0.99f, "%.2f", kClamp);
    changed |= ImGui::SliderFloat("beta2", &opt.beta2, 0.9f, 0.9999f, "%.4f", kClamp);
  }
  ImGui::PopID();
  return changed;
}

bool mlpEditor(const char* title, MlpConfig& mlp) {
  ImGui::PushID(title);
  ImGui::TextUnformatted(title);
  bool changed = ImGui::SliderInt("hidden layers", &mlp.hidden_layers, 1, 8, "%d", kClamp);
  changed |= ImGui::SliderInt("width", &mlp.width, 1, 256, "%d", kClamp);
  changed |= enumCombo("activation", mlp.activation, kActivations);
  ImGui::PopID();
  return changed;
}

bool discriminatorEditor(DiscriminatorConfig& d) {
  bool changed = mlpEditor("Discriminator network", d);
  ImGui::PushID("discriminator input");
  changed |= ImGui::SliderInt("PacGAN pack", &d.pack, 1, 8, "%d", kClamp);
  hint("D judges this many samples at once, side by side: a collapsed G is easy to spot in a pack");
  changed |= ImGui::Checkbox("minibatch stddev feature", &d.minibatch_stddev);
  hint("D also sees how spread out the batch is: a collapsed batch has no spread");
  ImGui::PopID();
  return changed;
}

/// The loss's own parameter, and the remedies that act on the G or D update.
bool remedyEditor(Hyperparams& hyper) {
  bool changed = false;
  if (hyper.loss == LossKind::WganClip) {
    changed |= ImGui::SliderFloat("weight clip", &hyper.clip, 0.001f, 1.0f, "%.3f",
                                  kClamp | ImGuiSliderFlags_Logarithmic);
    hint("D's weights are kept within [-clip, clip]");
  }
  if (hyper.loss == LossKind::WganGp) {
    changed |= ImGui::SliderFloat("GP lambda", &hyper.gp_lambda, 0.0f, 100.0f, "%.3f",
                                  kClamp | ImGuiSliderFlags_Logarithmic);
    hint("weight of E[(|grad D(x^)| - 1)^2] between real and fake samples");
  }
  changed |= ImGui::SliderFloat("R1 gamma", &hyper.r1_gamma, 0.0f, 100.0f, "%.3f",
                                kClamp | ImGuiSliderFlags_Logarithmic);
  hint("adds gamma/2 E[|grad D(x)|^2] on real samples to D's loss (0: off)");
  changed |= ImGui::SliderInt("unrolled D steps", &hyper.unrolled_steps, 0, 20, "%d", kClamp);
  hint("G updates against D as it will be after this many more D updates (first order; 0: off)");
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

}  // namespace

void drawControlsPanel(PanelContext& ctx) {
  UiState& ui = ctx.ui;
  const float font = ImGui::GetFontSize();
  ImGui::PushItemWidth(ImGui::GetContentRegionAvail().x * 0.58f);  // room for the labels
  // Transport: the most used buttons first, big enough to hit on a touchpad in front of a class.
  const ImVec2 big(font * 5.2f, font * 1.8f);
  const bool running = ctx.status.state == RunState::Running;
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
  ImGui::TextDisabled("Space: play/pause   S: one step   Ctrl +/-: size");
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
  Hyperparams& hyper = ui.edit.hyper;
  bool changed = enumCombo("loss", hyper.loss, kLosses);
  changed |= ImGui::SliderInt("batch size", &hyper.batch_size, 1, 1024, "%d", kClamp);
  changed |= ImGui::SliderInt("k: D steps", &hyper.d_steps, 1, 20, "%d", kClamp);
  hint("discriminator updates per generator update");
  changed |= remedyEditor(hyper);
  ImGui::BeginDisabled(isCritic(hyper.loss));  // a critic has no labels
  changed |= ImGui::SliderFloat("real label", &hyper.real_label, 0.5f, 1.0f, "%.2f", kClamp);
  ImGui::EndDisabled();
  hint("D's target for real samples: below 1 is one-sided label smoothing");
  changed |=
      ImGui::SliderFloat("instance noise", &hyper.instance_noise, 0.0f, 2.0f, "%.3f", kClamp);
  hint("std of Gaussian noise added to everything D sees");
  changed |= stepsInput("noise anneal steps", hyper.noise_anneal_steps);
  changed |= stepsInput("lr half-life (steps)", hyper.lr_half_life);
  hint("both learning rates halve every this many steps (0: constant)");
  changed |= optimizerEditor("Discriminator", hyper.d_opt);
  changed |= optimizerEditor("Generator", hyper.g_opt);
  // A refused change goes back to what the trainer runs with, so the controls never lie.
  if (changed && !sendCommand(ctx, SetHyperparams{hyper})) hyper = ctx.session.config().hyper;
  ImGui::Separator();

  // Rebuild-time settings.
  ImGui::TextUnformatted("Model and data (apply on Reset)");
  bool rebuild = false;
  rebuild |= enumCombo("data", ui.edit.data.kind, kDataKinds);
  DataConfig& data = ui.edit.data;
  if (dataDimension(data.kind) == 1 || data.kind == DataKind::Gaussian2d) {
    rebuild |= ImGui::SliderFloat("mean", &data.mean, -10.0f, 10.0f, "%.2f", kClamp);
  }
  rebuild |= ImGui::SliderFloat("std", &data.std, 0.01f, 3.0f, "%.2f",
                                kClamp | ImGuiSliderFlags_Logarithmic);
  switch (data.kind) {
    case DataKind::Gaussian:
    case DataKind::Gaussian2d:
      break;
    case DataKind::Bimodal:
      rebuild |= ImGui::SliderFloat("separation", &data.separation, 0.0f, 10.0f, "%.2f", kClamp);
      break;
    case DataKind::Ring:
      rebuild |= ImGui::SliderInt("modes", &data.modes, 2, 64, "%d", kClamp);
      rebuild |= ImGui::SliderFloat("radius", &data.radius, 0.1f, 10.0f, "%.2f", kClamp);
      break;
    case DataKind::Grid:
      rebuild |= ImGui::SliderInt("modes per side", &data.grid_size, 2, 10, "%d", kClamp);
      rebuild |= ImGui::SliderFloat("spacing", &data.spacing, 0.1f, 10.0f, "%.2f", kClamp);
      break;
    case DataKind::Line:
    case DataKind::Moons:
    case DataKind::Spiral:
      rebuild |= ImGui::SliderFloat("radius", &data.radius, 0.1f, 10.0f, "%.2f", kClamp);
      break;
    case DataKind::Points:
      ImGui::TextWrapped("%zu points. Paint them with Draw in the plane panel.",
                         data.points.size() / 2);
      break;
  }
  rebuild |= enumCombo("z", ui.edit.latent.kind, kLatentKinds);
  rebuild |= ImGui::SliderInt("z dimensions", &ui.edit.latent.dim, 1, 256, "%d", kClamp);
  rebuild |= mlpEditor("Generator network", ui.edit.generator);
  rebuild |= discriminatorEditor(ui.edit.discriminator);
  long long seed = static_cast<long long>(ui.edit.seed);
  if (ImGui::InputScalar("seed", ImGuiDataType_S64, &seed) && seed >= 0) {
    ui.edit.seed = static_cast<uint64_t>(seed);
    rebuild = true;
  }
  ui.needs_reset |= rebuild;
  if (ui.needs_reset) {
    ImGui::TextColored(palette::kNote, "Edited: press Reset to rebuild with these settings.");
  }
  ImGui::Separator();
  fileSection(ctx);
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

}  // namespace ganscope
