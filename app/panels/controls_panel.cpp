// Controls panel: play/pause/step/reset, presets and config files, every hyperparameter live,
// architecture/data/seed edits that apply on reset (the model's own fields: the plain MLP's
// layers, the DCGAN's channels), the capture plan and the UI scale.
// Config fields get their ranges, tooltips and combo labels from the schema table; every number
// is a typed number field (app/widgets).
#include <algorithm>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "app/i18n/config_text.hpp"
#include "app/i18n/divergence_text.hpp"
#include "app/i18n/strings.hpp"
#include "app/panels/language_switch.hpp"
#include "app/panels/panels.hpp"
#include "app/scenes/palette.hpp"
#include "app/widgets/config_number.hpp"
#include "common/atomic_file.hpp"
#include "core/config/presets.hpp"
#include "core/config/schema.hpp"

namespace ganscope {
namespace {

/// `key`'s text with the ImGui id `id`, the same in every language.
std::string label(const char* key, const char* id) {
  return std::string(i18n::tr(key)) + "###" + id;
}

}  // namespace

bool fieldCombo(NumberFieldState& fields, const char* label, const std::string& path,
                TrainConfig& config) {
  const ConfigField& field = configField(path);
  uint8_t& value = field.get<uint8_t>(config);
  bool changed = false;
  const char* current = "?";
  for (const EnumName& name : field.names) {
    if (name.value == value) current = i18n::enumLabel(field, name);
  }
  const std::string id = std::string(label) + "###" + path;
  // Where the combo's box is, for scripted clicks (as number fields record theirs).
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const ImVec2 size(ImGui::CalcItemWidth(), ImGui::GetFrameHeight());
  if (ImGui::IsRectVisible(size)) {
    fields.rects[path] = {
        at.x, at.y, at.x + size.x, at.y + size.y, at.x + size.x * 0.5f, at.y + size.y * 0.5f};
  } else {
    fields.rects.erase(path);  // scrolled away: not clickable
  }
  if (ImGui::BeginCombo(id.c_str(), current)) {
    for (const EnumName& name : field.names) {
      ImGui::PushID(name.name);
      const bool picked = ImGui::Selectable(i18n::enumLabel(field, name), name.value == value);
      ImGui::PopID();
      if (picked) {
        changed = name.value != value;
        value = name.value;
      }
    }
    ImGui::EndCombo();
  }
  hint(i18n::fieldHelp(field));
  return changed;
}

namespace {

bool optimizerEditor(NumberFieldState& fields, const char* title, const std::string& path,
                     TrainConfig& config) {
  ImGui::PushID(path.c_str());
  ImGui::TextUnformatted(title);
  bool changed = fieldCombo(fields, i18n::tr("controls.optimizer"), path + ".kind", config);
  changed |= configNumberField(fields, i18n::tr("controls.learning_rate"), path + ".lr", config);
  const OptimizerKind kind = configField(path + ".kind").get<OptimizerKind>(config);
  if (kind == OptimizerKind::Sgd) {
    changed |= configNumberField(fields, i18n::tr("controls.momentum"), path + ".momentum", config);
  } else if (kind == OptimizerKind::RmsProp) {
    changed |= configNumberField(fields, i18n::tr("controls.alpha"), path + ".alpha", config);
  } else {
    changed |= configNumberField(fields, i18n::tr("controls.beta1"), path + ".beta1", config);
    changed |= configNumberField(fields, i18n::tr("controls.beta2"), path + ".beta2", config);
  }
  ImGui::PopID();
  return changed;
}

bool mlpEditor(NumberFieldState& fields, const char* title, const std::string& path,
               TrainConfig& config) {
  ImGui::PushID(path.c_str());
  ImGui::TextUnformatted(title);
  bool changed = configNumberField(fields, i18n::tr("controls.hidden_layers"),
                                   path + ".hidden_layers", config);
  changed |= configNumberField(fields, i18n::tr("controls.width"), path + ".width", config);
  changed |= fieldCombo(fields, i18n::tr("controls.activation"), path + ".activation", config);
  ImGui::PopID();
  return changed;
}

/// What D sees besides one sample: PacGAN packing and the minibatch-stddev feature.
bool discriminatorInputEditor(NumberFieldState& fields, TrainConfig& config) {
  bool changed = false;
  ImGui::PushID("discriminator input");
  changed |= configNumberField(fields, i18n::tr("controls.pack"), "discriminator.pack", config);
  const ConfigField& stddev = configField("discriminator.minibatch_stddev");
  const std::string stddev_label = std::string(i18n::tr("controls.minibatch_stddev")) + "###stddev";
  changed |= ImGui::Checkbox(stddev_label.c_str(), &stddev.get<bool>(config));
  hint(i18n::fieldHelp(stddev));
  ImGui::PopID();
  return changed;
}

/// The loss's own parameter, and the remedies that act on the G or D update.
bool remedyEditor(NumberFieldState& fields, TrainConfig& config) {
  bool changed = false;
  if (config.hyper.loss == LossKind::WganClip) {
    changed |= configNumberField(fields, i18n::tr("controls.weight_clip"), "hyper.clip", config);
  }
  if (config.hyper.loss == LossKind::WganGp) {
    changed |= configNumberField(fields, i18n::tr("controls.gp_lambda"), "hyper.gp_lambda", config);
  }
  changed |= configNumberField(fields, i18n::tr("controls.r1_gamma"), "hyper.r1_gamma", config);
  changed |= configNumberField(fields, i18n::tr("controls.unrolled_steps"), "hyper.unrolled_steps",
                               config);
  return changed;
}

/// A network's channel count (the DCGAN's width), under the network's title.
bool channelsEditor(NumberFieldState& fields, const char* title, const std::string& path,
                    TrainConfig& config) {
  ImGui::PushID(path.c_str());
  ImGui::TextUnformatted(title);
  const bool changed =
      configNumberField(fields, i18n::tr("controls.channels"), path + ".width", config);
  ImGui::PopID();
  return changed;
}

}  // namespace

bool drawModelFields(NumberFieldState& fields, TrainConfig& config) {
  bool changed = false;
  if (config.data.kind != DataKind::Images && config.model != ModelKind::Mlp) {
    config.model = ModelKind::Mlp;  // the image models need images, and their combo is gone
    changed = true;
  }
  if (config.data.kind == DataKind::Images) {
    changed |= fieldCombo(fields, i18n::tr("controls.model"), "model", config);
  }
  switch (config.model) {
    case ModelKind::Mlp:
      changed |= mlpEditor(fields, i18n::tr("controls.generator_network"), "generator", config);
      changed |=
          mlpEditor(fields, i18n::tr("controls.discriminator_network"), "discriminator", config);
      break;
    case ModelKind::MlpGan:
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
      ImGui::TextWrapped("%s", i18n::trf("controls.mlp_gan_sizes", config.latent.dim).c_str());
      ImGui::PopStyleColor();
      break;
    case ModelKind::Dcgan:
      changed |=
          channelsEditor(fields, i18n::tr("controls.generator_network"), "generator", config);
      changed |= channelsEditor(fields, i18n::tr("controls.discriminator_network"), "discriminator",
                                config);
      break;
  }
  changed |= discriminatorInputEditor(fields, config);
  return changed;
}

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
  const std::string file_label = std::string(i18n::tr("controls.file")) + "###config_file";
  if (ImGui::InputText(file_label.c_str(), path, sizeof(path))) ctx.ui.config_path = path;
  if (ImGui::Button(label("controls.load_config", "load_config").c_str())) {
    try {
      resetWith(ctx, loadConfigFile(ctx.ui.config_path));
    } catch (const ConfigError& error) {
      ctx.ui.error = i18n::trf("controls.config_not_loaded", error.what());
    }
  }
  ImGui::SameLine();
  if (ImGui::Button(label("controls.save_config", "save_config").c_str())) {
    try {
      writeFileAtomically(ctx.ui.config_path, configToJson(ctx.ui.edit).dump(2) + "\n");
    } catch (const std::exception& error) {
      ctx.ui.error = i18n::trf("controls.config_not_saved", error.what());
    }
  }
}

/// The labels beside the controls' fields, the widest of which sets the fields' width.
constexpr const char* kFieldLabels[] = {"controls.preset",
                                        "controls.loss",
                                        "controls.batch_size",
                                        "controls.d_steps",
                                        "controls.real_label",
                                        "controls.instance_noise",
                                        "controls.noise_anneal_steps",
                                        "controls.lr_half_life",
                                        "controls.optimizer",
                                        "controls.learning_rate",
                                        "controls.weight_clip",
                                        "controls.gp_lambda",
                                        "controls.r1_gamma",
                                        "controls.unrolled_steps",
                                        "controls.data",
                                        "controls.separation",
                                        "controls.grid_size",
                                        "controls.z_dim",
                                        "controls.hidden_layers",
                                        "controls.width",
                                        "controls.channels",
                                        "controls.model",
                                        "controls.activation",
                                        "controls.pack",
                                        "controls.engine",
                                        "controls.ui_scale",
                                        "controls.file",
                                        "session.field",
                                        "speed.label",
                                        "language.label"};

/// The fields' width: what the widest label leaves (in the UI's language), between 45% and 62%
/// of the panel, so a label is cut only when the panel is too narrow for any layout.
float fieldWidth() {
  float widest = 0;
  for (const char* key : kFieldLabels)
    widest = std::max(widest, ImGui::CalcTextSize(i18n::tr(key)).x);
  // The spacing before a label (its field's arrows are inside the item width), and a little.
  const float beside = widest + ImGui::GetStyle().ItemInnerSpacing.x * 2;
  const float avail = ImGui::GetContentRegionAvail().x;
  return std::clamp(avail - beside, avail * 0.45f, avail * 0.62f);
}

class ControlsPanel final : public Panel {
 protected:
  const char* title() const override { return i18n::tr("controls.title"); }
  ImGuiWindowFlags flags() const override { return 0; }
  void drawContent(PanelContext& ctx) override;
};

void ControlsPanel::drawContent(PanelContext& ctx) {
  UiState& ui = ctx.ui;
  const float font = ImGui::GetFontSize();
  ImGui::PushItemWidth(fieldWidth());
  // Transport: the most used buttons first, big enough to hit on a touchpad in front of a class.
  const ImVec2 big(font * 5.2f, font * 1.8f);
  const bool running = ctx.run.status.state == RunState::Running;
  const SessionStatus& status = ctx.run.status;
  ImGui::BeginDisabled(status.state == RunState::Diverged);
  if (ImGui::Button(label(running ? "controls.pause" : "controls.play", "play").c_str(), big)) {
    sendCommand(ctx, running ? Command{Pause{}} : Command{Resume{}});
  }
  ImGui::EndDisabled();
  if (status.state == RunState::Diverged) {
    const std::string why = i18n::trf(
        "controls.diverged", i18n::divergenceText(status.diverged_why, status.diverged_at).c_str());
    hint(why.c_str());
  }
  ImGui::SameLine();
  if (ImGui::Button(label("controls.reset", "reset").c_str(), big)) resetWith(ctx, ui.edit);
  if (ImGui::Button(label("controls.step_d", "step_d").c_str()))
    sendCommand(ctx, StepOnce{StepTarget::Discriminator});
  ImGui::SameLine();
  if (ImGui::Button(label("controls.step_g", "step_g").c_str()))
    sendCommand(ctx, StepOnce{StepTarget::Generator});
  ImGui::SameLine();
  if (ImGui::Button(label("controls.step_both", "step_both").c_str()))
    sendCommand(ctx, StepOnce{StepTarget::Both});
  drawSpeedControl(ctx);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", i18n::tr("controls.keys"));  // wraps in a narrow controls panel
  ImGui::PopStyleColor();
  drawCompareControls(ctx);
  ImGui::SameLine();
  drawLanguageSwitch(ctx);
  ImGui::Separator();

  // Presets.
  const std::vector<std::string> presets = presetNames();
  if (ImGui::BeginCombo(label("controls.preset", "preset").c_str(), ui.edit.name.c_str())) {
    for (const std::string& name : presets) {
      if (ImGui::Selectable(name.c_str(), name == ui.edit.name)) resetWith(ctx, presetConfig(name));
    }
    ImGui::EndCombo();
  }
  if (!ui.edit.description.empty()) {
    ImGui::TextWrapped("%s", i18n::configDescription(ui.edit.name, ui.edit.description).c_str());
  }
  ImGui::Separator();

  // Live hyperparameters: sent as one struct, applied before the next step.
  ImGui::TextUnformatted(i18n::tr("controls.training"));
  TrainConfig& edit = ui.edit;
  Hyperparams& hyper = edit.hyper;
  NumberFieldState& fields = ui.fields;
  bool changed = fieldCombo(fields, i18n::tr("controls.loss"), "hyper.loss", edit);
  changed |= configNumberField(fields, i18n::tr("controls.batch_size"), "hyper.batch_size", edit);
  changed |= configNumberField(fields, i18n::tr("controls.d_steps"), "hyper.d_steps", edit);
  changed |= remedyEditor(fields, edit);
  ImGui::BeginDisabled(isCritic(hyper.loss));  // a critic has no labels
  changed |= configNumberField(fields, i18n::tr("controls.real_label"), "hyper.real_label", edit);
  ImGui::EndDisabled();
  changed |=
      configNumberField(fields, i18n::tr("controls.instance_noise"), "hyper.instance_noise", edit);
  changed |= configNumberField(fields, i18n::tr("controls.noise_anneal_steps"),
                               "hyper.noise_anneal_steps", edit);
  changed |=
      configNumberField(fields, i18n::tr("controls.lr_half_life"), "hyper.lr_half_life", edit);
  changed |= optimizerEditor(fields, i18n::tr("controls.discriminator"), "hyper.d_opt", edit);
  changed |= optimizerEditor(fields, i18n::tr("controls.generator"), "hyper.g_opt", edit);
  // A refused change goes back to what the trainer runs with, so the controls never lie.
  if (changed && !sendCommand(ctx, SetHyperparams{hyper})) hyper = ctx.run.session().config().hyper;
  ImGui::Separator();

  // Rebuild-time settings.
  ImGui::TextUnformatted(i18n::tr("controls.model_and_data"));
  bool rebuild = false;
  rebuild |= fieldCombo(fields, i18n::tr("controls.data"), "data.kind", edit);
  DataConfig& data = edit.data;
  if (dataDimension(data.kind) == 1 || data.kind == DataKind::Gaussian2d) {
    rebuild |= configNumberField(fields, i18n::tr("controls.mean"), "data.mean", edit);
  }
  if (data.kind != DataKind::Images) {
    rebuild |= configNumberField(fields, i18n::tr("controls.std"), "data.std", edit);
  }
  switch (data.kind) {
    case DataKind::Gaussian:
    case DataKind::Gaussian2d:
      break;
    case DataKind::Bimodal:
      rebuild |=
          configNumberField(fields, i18n::tr("controls.separation"), "data.separation", edit);
      break;
    case DataKind::Ring:
      rebuild |= configNumberField(fields, i18n::tr("controls.modes"), "data.modes", edit);
      rebuild |= configNumberField(fields, i18n::tr("controls.radius"), "data.radius", edit);
      break;
    case DataKind::Grid:
      rebuild |= configNumberField(fields, i18n::tr("controls.grid_size"), "data.grid_size", edit);
      rebuild |= configNumberField(fields, i18n::tr("controls.spacing"), "data.spacing", edit);
      break;
    case DataKind::Line:
    case DataKind::Moons:
    case DataKind::Spiral:
      rebuild |= configNumberField(fields, i18n::tr("controls.radius"), "data.radius", edit);
      break;
    case DataKind::Points:
      ImGui::TextWrapped("%s", i18n::trf("controls.points", data.points.size() / 2).c_str());
      break;
    case DataKind::Images:
      rebuild |= drawImageDataFields(ui.image_data, data);
      break;
  }
  rebuild |= fieldCombo(fields, i18n::tr("controls.z"), "latent.kind", edit);
  rebuild |= configNumberField(fields, i18n::tr("controls.z_dim"), "latent.dim", edit);
  rebuild |= drawModelFields(fields, edit);
  rebuild |= fieldCombo(fields, i18n::tr("controls.engine"), "engine", edit);
  rebuild |= configNumberField(fields, i18n::tr("controls.seed"), "seed", edit);
  ui.needs_reset |= rebuild;
  if (ui.needs_reset) {
    ImGui::TextColored(palette::kNote, "%s", i18n::tr("controls.edited"));
  }
  ImGui::Separator();
  fileSection(ctx);
  drawSessionControls(ctx);
  ImGui::Separator();
  ImGui::TextUnformatted(i18n::tr("controls.figure1_layers"));
  Figure1Layers& layers = ctx.view.layers;
  ImGui::Checkbox(label("controls.layer_p_data", "p_data").c_str(), &layers.p_data);
  ImGui::SameLine();
  ImGui::Checkbox(label("controls.layer_p_g", "p_g").c_str(), &layers.p_g);
  ImGui::SameLine();
  ImGui::Checkbox(label("controls.layer_d", "d").c_str(), &layers.d);
  ImGui::Checkbox(label("controls.layer_d_star", "d_star").c_str(), &layers.d_star);
  ImGui::SameLine();
  ImGui::Checkbox(label("controls.layer_d_strip", "d_strip").c_str(), &layers.d_strip);
  ImGui::Checkbox(label("controls.layer_mapping", "mapping").c_str(), &layers.mapping);
  NumberSpec scale{.lo = 0.5, .hi = 3.0};
  numberField(fields, i18n::tr("controls.ui_scale"), "ui_scale", scale, ctx.view.ui_scale);
  ImGui::PopItemWidth();
}

}  // namespace

std::unique_ptr<Panel> makeControlsPanel() {
  return std::make_unique<ControlsPanel>();
}

}  // namespace ganscope
