// The config field table and what is derived from it alone: JSON of one field, help text.
#include "core/config/schema.hpp"

#include <algorithm>
#include <cstdlib>
#include <stdexcept>
#include <type_traits>

#include <nlohmann/json.hpp>

#include "core/config/enum_names.hpp"

namespace ganscope {
namespace {

/// A row of the table. `Get` is a captureless lambda naming the member: the field's type is
/// the member's, so the table cannot claim a float is an int.
template <class Get>
ConfigField row(const char* path, Get, NumberRange range, std::span<const EnumName> names,
                const char* help, SliderRange slider) {
  using T = std::remove_reference_t<decltype(Get{}(std::declval<TrainConfig&>()))>;
  static_assert(!std::is_enum_v<T> || sizeof(T) == 1, "config enums are uint8_t");
  return {path, fieldTypeOf<T>(), range, names, help, slider, [](TrainConfig& config) -> void* {
            return &Get{}(config);
          }};
}
template <class Get>
ConfigField number(const char* path, Get get, NumberRange range, const char* help,
                   SliderRange slider = {}) {
  return row(path, get, range, {}, help, slider);
}
template <class Get>
ConfigField choice(const char* path, Get get, std::span<const EnumName> names, const char* help) {
  return row(path, get, {}, names, help, {});
}
template <class Get>
ConfigField plain(const char* path, Get get, const char* help) {
  return row(path, get, {}, {}, help, {});
}

constexpr NumberRange closed(double lo, double hi) {
  return {lo, hi, false, false};
}
constexpr NumberRange openLow(double lo, double hi) {
  return {lo, hi, true, false};
}

#define GANSCOPE_MEMBER(expr)    \
  [](TrainConfig & c) -> auto& { \
    return c.expr;               \
  }

/// One optimiser's rows: `net` is g_opt or d_opt, `who` "G" or "D".
#define GANSCOPE_OPTIMIZER(net, who)                                                           \
  choice("hyper." #net ".kind", GANSCOPE_MEMBER(hyper.net.kind), kOptimizerNames,              \
         who "'s optimiser: sgd (with momentum), adam or rmsprop"),                            \
      number("hyper." #net ".lr", GANSCOPE_MEMBER(hyper.net.lr), openLow(0, 100),              \
             who "'s learning rate", {1e-5, 100, true, "%.5f"}),                               \
      number("hyper." #net ".momentum", GANSCOPE_MEMBER(hyper.net.momentum), closed(0, 0.999), \
             who "'s SGD momentum", {0, 0.99, false, "%.2f"}),                                 \
      number("hyper." #net ".beta1", GANSCOPE_MEMBER(hyper.net.beta1), closed(0, 0.999),       \
             who "'s Adam beta1: decay of the mean gradient", {0, 0.99, false, "%.2f"}),       \
      number("hyper." #net ".beta2", GANSCOPE_MEMBER(hyper.net.beta2), closed(0, 0.99999),     \
             who "'s Adam beta2: decay of the mean squared gradient",                          \
             {0.9, 0.9999, false, "%.4f"}),                                                    \
      number("hyper." #net ".alpha", GANSCOPE_MEMBER(hyper.net.alpha), closed(0, 0.99999),     \
             who "'s RMSprop smoothing of squared gradients", {0.5, 0.999, false, "%.3f"})

const ConfigField kFields[] = {
    plain("name", GANSCOPE_MEMBER(name), "preset name, shown in the UI"),
    plain("description", GANSCOPE_MEMBER(description), "one line shown in the UI"),
    choice("engine", GANSCOPE_MEMBER(engine), kEngineNames,
           "which step engine trains: auto (the model decides: the hand-written passes for the "
           "MLP and the MLP GAN, autograd for the DCGAN), fast, or autograd (torch::nn "
           "autograd; any architecture)"),
    choice("data.kind", GANSCOPE_MEMBER(data.kind), kDataNames,
           "p_data: 1-D gaussian or bimodal; 2-D ring, grid, gaussian_2d, line, moons, spiral or "
           "points (drawn); images (28 x 28, from data.path)"),
    number("data.mean", GANSCOPE_MEMBER(data.mean), closed(-100, 100),
           "centre of the 1-D data (gaussian_2d: of both coordinates)", {-10, 10, false, "%.2f"}),
    number("data.std", GANSCOPE_MEMBER(data.std), closed(0.01, 100),
           "standard deviation of each mode", {0.01, 3, true, "%.2f"}),
    number("data.separation", GANSCOPE_MEMBER(data.separation), closed(0, 200),
           "bimodal: distance between the two modes", {0, 10, false, "%.2f"}),
    number("data.modes", GANSCOPE_MEMBER(data.modes), closed(2, 64), "ring: modes on the circle"),
    number("data.radius", GANSCOPE_MEMBER(data.radius), closed(0.1, 100),
           "ring: circle radius; line, moons, spiral: their extent", {0.1, 10, false, "%.2f"}),
    number("data.grid_size", GANSCOPE_MEMBER(data.grid_size), closed(2, 10),
           "grid: modes per side"),
    number("data.spacing", GANSCOPE_MEMBER(data.spacing), closed(0.1, 100),
           "grid: distance between neighbouring modes", {0.1, 10, false, "%.2f"}),
    plain("data.points", GANSCOPE_MEMBER(data.points),
          "points: the drawn points (only with kind \"points\", which needs at least one)"),
    plain("data.path", GANSCOPE_MEMBER(data.path),
          "images: a folder holding train-images-idx3-ubyte and train-labels-idx1-ubyte (and "
          "t10k-*), raw or .gz, e.g. Fashion-MNIST or MNIST"),
    plain("data.classes", GANSCOPE_MEMBER(data.classes),
          "images: the classes to train on, e.g. \"0,2,5\" (empty: all)"),
    choice("latent.kind", GANSCOPE_MEMBER(latent.kind), kLatentNames,
           "the generator's input z: uniform U(0, 1) or normal N(0, 1) in each dimension"),
    number("latent.dim", GANSCOPE_MEMBER(latent.dim), closed(1, 256), "dimensions of z"),
    choice("model", GANSCOPE_MEMBER(model), kModelNames,
           "G and D: mlp (generator.*, discriminator.*), mlp_gan (the source material's image "
           "MLPs; fixed sizes) or dcgan (28 x 28 images; widths are channels)"),
    number("generator.hidden_layers", GANSCOPE_MEMBER(generator.hidden_layers), closed(1, 8),
           "G's hidden layers"),
    number("generator.width", GANSCOPE_MEMBER(generator.width), closed(1, 1024),
           "G's units per hidden layer (dcgan: channels of its last hidden layer)", {1, 256}),
    choice("generator.activation", GANSCOPE_MEMBER(generator.activation), kActivationNames,
           "G's activation: relu, leaky_relu (slope 0.2) or tanh"),
    number("discriminator.hidden_layers", GANSCOPE_MEMBER(discriminator.hidden_layers),
           closed(1, 8), "D's hidden layers"),
    number("discriminator.width", GANSCOPE_MEMBER(discriminator.width), closed(1, 1024),
           "D's units per hidden layer (dcgan: channels of its first layer)", {1, 256}),
    choice("discriminator.activation", GANSCOPE_MEMBER(discriminator.activation), kActivationNames,
           "D's activation: relu, leaky_relu (slope 0.2) or tanh"),
    number("discriminator.pack", GANSCOPE_MEMBER(discriminator.pack), closed(1, 8),
           "PacGAN: D judges this many samples at once, side by side: a collapsed G is easy to "
           "spot in a pack"),
    plain("discriminator.minibatch_stddev", GANSCOPE_MEMBER(discriminator.minibatch_stddev),
          "D also sees the batch's mean standard deviation: a collapsed batch has no spread"),
    choice("hyper.loss", GANSCOPE_MEMBER(hyper.loss), kLossNames,
           "the GAN loss: minimax, non_saturating, wgan_clip, wgan_gp, lsgan or hinge"),
    number("hyper.batch_size", GANSCOPE_MEMBER(hyper.batch_size), closed(1, 8192),
           "samples per batch", {1, 1024}),
    number("hyper.d_steps", GANSCOPE_MEMBER(hyper.d_steps), closed(1, 100),
           "k: discriminator updates per generator update", {1, 20}),
    GANSCOPE_OPTIMIZER(g_opt, "G"),
    GANSCOPE_OPTIMIZER(d_opt, "D"),
    number("hyper.real_label", GANSCOPE_MEMBER(hyper.real_label), closed(0.5, 1),
           "D's target for real samples: below 1 is one-sided label smoothing",
           {0.5, 1, false, "%.2f"}),
    number("hyper.instance_noise", GANSCOPE_MEMBER(hyper.instance_noise), closed(0, 100),
           "std of Gaussian noise added to everything D sees, at step 0", {0, 2, false, "%.3f"}),
    number("hyper.noise_anneal_steps", GANSCOPE_MEMBER(hyper.noise_anneal_steps), closed(0, 1e9),
           "the instance noise falls linearly to 0 over these steps (0: constant)"),
    number("hyper.clip", GANSCOPE_MEMBER(hyper.clip), openLow(0, 10),
           "wgan_clip: the critic's weights are kept within [-clip, clip]",
           {0.001, 1, true, "%.3f"}),
    number("hyper.gp_lambda", GANSCOPE_MEMBER(hyper.gp_lambda), closed(0, 1000),
           "wgan_gp: weight of E[(|grad D(x^)| - 1)^2] between real and fake samples",
           {0, 100, true, "%.3f"}),
    number("hyper.r1_gamma", GANSCOPE_MEMBER(hyper.r1_gamma), closed(0, 1000),
           "R1: adds gamma/2 E[|grad D(x)|^2] on real samples to D's loss (0: off)",
           {0, 100, true, "%.3f"}),
    number("hyper.unrolled_steps", GANSCOPE_MEMBER(hyper.unrolled_steps), closed(0, 50),
           "G updates against D as it will be after this many more D updates (first order; "
           "0: off)",
           {0, 20}),
    number("hyper.lr_half_life", GANSCOPE_MEMBER(hyper.lr_half_life), closed(0, 1e9),
           "both learning rates halve every this many steps (0: constant)"),
    choice("hyper.preview", GANSCOPE_MEMBER(hyper.preview), kPreviewNames,
           "images: the sample grid shows G in eval mode or the moving average of its weights"),
    number("hyper.ema_decay", GANSCOPE_MEMBER(hyper.ema_decay), closed(0, 0.99999),
           "images: the moving average keeps this much of its old value per G update",
           {0.9, 0.9999, false, "%.4f"}),
    plain("seed", GANSCOPE_MEMBER(seed), "random seed for weights and sampling"),
    number("steps", GANSCOPE_MEMBER(steps), closed(1, 1e9), "step count of a headless run"),
};

#undef GANSCOPE_OPTIMIZER
#undef GANSCOPE_MEMBER

const char* enumNameOf(const ConfigField& field, uint8_t value) {
  for (const EnumName& name : field.names) {
    if (name.value == value) return name.name;
  }
  return "?";
}

}  // namespace

std::string_view ConfigField::key() const {
  const std::string_view all(path);
  const size_t dot = all.rfind('.');
  return dot == std::string_view::npos ? all : all.substr(dot + 1);
}

std::string_view ConfigField::group() const {
  const std::string_view all(path);
  const size_t dot = all.rfind('.');
  return dot == std::string_view::npos ? std::string_view() : all.substr(0, dot);
}

std::string ConfigField::pointer() const {
  std::string pointer(1, '/');
  pointer += path;
  std::replace(pointer.begin(), pointer.end(), '.', '/');
  return pointer;
}

std::span<const ConfigField> configFields() {
  return kFields;
}

std::vector<std::string_view> childGroups(std::string_view group) {
  std::vector<std::string_view> children;
  for (const ConfigField& field : kFields) {
    const std::string_view parent = field.group();
    const bool below = !parent.empty() && (group.empty() || (parent.size() > group.size() &&
                                                             parent.starts_with(group) &&
                                                             parent[group.size()] == '.'));
    if (!below) continue;
    const std::string_view rest = group.empty() ? parent : parent.substr(group.size() + 1);
    const std::string_view child = rest.substr(0, rest.find('.'));
    if (std::find(children.begin(), children.end(), child) == children.end()) {
      children.push_back(child);
    }
  }
  return children;
}

const ConfigField& configField(std::string_view path) {
  for (const ConfigField& field : kFields) {
    if (path == field.path) return field;
  }
  throw std::out_of_range("no config field \"" + std::string(path) + "\"");
}

double shortestDouble(float value) {
  const std::string text = shortestText(value);
  return std::strtod(text.c_str(), nullptr);
}

nlohmann::json fieldToJson(const ConfigField& field, const TrainConfig& config) {
  switch (field.type) {
    case FieldType::Float:
      return shortestDouble(field.get<float>(config));
    case FieldType::Int:
      return field.get<int>(config);
    case FieldType::Int64:
      return field.get<int64_t>(config);
    case FieldType::UInt64:
      return field.get<uint64_t>(config);
    case FieldType::Bool:
      return field.get<bool>(config);
    case FieldType::String:
      return field.get<std::string>(config);
    case FieldType::Enum:
      return enumNameOf(field, field.get<uint8_t>(config));
    case FieldType::Points: {
      const std::vector<float>& points = field.get<std::vector<float>>(config);
      nlohmann::json pairs = nlohmann::json::array();
      for (size_t i = 0; i + 1 < points.size(); i += 2) {
        pairs.push_back({shortestDouble(points[i]), shortestDouble(points[i + 1])});
      }
      return pairs;
    }
  }
  return nullptr;
}

const char* typeName(FieldType type) {
  switch (type) {
    case FieldType::Float:
      return "float";
    case FieldType::Int:
      return "int";
    case FieldType::Int64:
      return "int64";
    case FieldType::UInt64:
      return "uint64";
    case FieldType::Bool:
      return "bool";
    case FieldType::String:
      return "string";
    case FieldType::Enum:
      return "enum";
    case FieldType::Points:
      return "points";
  }
  return "?";
}

std::string allowedText(const ConfigField& field) {
  switch (field.type) {
    case FieldType::Float:
      return field.range.text();
    case FieldType::Int:
    case FieldType::Int64:
      return "integers in [" + std::to_string(static_cast<int64_t>(field.range.lo)) + ", " +
             std::to_string(static_cast<int64_t>(field.range.hi)) + "]";
    case FieldType::UInt64:
      return "integers in [0, 18446744073709551615]";
    case FieldType::Bool:
      return "true or false";
    case FieldType::String:
      return "any text";
    case FieldType::Enum: {
      std::string names = "one of ";
      for (const EnumName& name : field.names) {
        names += std::string(names.size() > 7 ? ", " : "") + "\"" + name.name + "\"";
      }
      return names;
    }
    case FieldType::Points:
      return "[[x, y], ...], 1 to " + std::to_string(kMaxDrawnPoints) + " pairs within +-" +
             shortestText(kDrawnPointLimit);
  }
  return "?";
}

std::string configHelpText() {
  const TrainConfig defaults;
  std::string text =
      "Config fields: JSON paths as in --config files (nested objects), each with its type,\n"
      "default, allowed values and meaning. Missing fields keep their defaults; unknown fields\n"
      "are refused. ganscope --dump-config prints a whole config.\n\n";
  for (const ConfigField& field : kFields) {
    text += std::string(field.path) + "  (" + typeName(field.type) + ")  default " +
            fieldToJson(field, defaults).dump() + "  allowed: " + allowedText(field) + "\n    " +
            field.help + "\n";
  }
  return text;
}

}  // namespace ganscope
