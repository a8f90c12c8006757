// The one table per config enum: its JSON names (reader, writer, toString, --help-config) and
// its labels in the UI's combo boxes.
#pragma once
#include "common/json_reader.hpp"
#include "core/api/config.hpp"

namespace ganscope {

template <class Enum>
constexpr EnumName enumName(const char* name, Enum value, const char* label) {
  static_assert(sizeof(Enum) == 1, "config enums are uint8_t: the schema stores them as such");
  return {name, static_cast<uint8_t>(value), label};
}

inline constexpr EnumName kLossNames[] = {
    enumName("minimax", LossKind::Minimax, "minimax  log(1 - D(G(z)))"),
    enumName("non_saturating", LossKind::NonSaturating, "non-saturating  -log D(G(z))"),
    enumName("wgan_clip", LossKind::WganClip, "WGAN, weight clipping"),
    enumName("wgan_gp", LossKind::WganGp, "WGAN-GP, gradient penalty"),
    enumName("lsgan", LossKind::LeastSquares, "LSGAN, least squares"),
    enumName("hinge", LossKind::Hinge, "hinge")};
inline constexpr EnumName kOptimizerNames[] = {
    enumName("sgd", OptimizerKind::Sgd, "SGD + momentum"),
    enumName("adam", OptimizerKind::Adam, "Adam"),
    enumName("rmsprop", OptimizerKind::RmsProp, "RMSprop")};
inline constexpr EnumName kActivationNames[] = {
    enumName("relu", Activation::Relu, "ReLU"),
    enumName("leaky_relu", Activation::LeakyRelu, "LeakyReLU 0.2"),
    enumName("tanh", Activation::Tanh, "tanh")};
inline constexpr EnumName kDataNames[] = {
    enumName("gaussian", DataKind::Gaussian, "1-D Gaussian"),
    enumName("bimodal", DataKind::Bimodal, "1-D bimodal"),
    enumName("ring", DataKind::Ring, "2-D ring"),
    enumName("grid", DataKind::Grid, "2-D grid"),
    enumName("gaussian_2d", DataKind::Gaussian2d, "2-D Gaussian"),
    enumName("line", DataKind::Line, "2-D line"),
    enumName("moons", DataKind::Moons, "2-D two moons"),
    enumName("spiral", DataKind::Spiral, "2-D spiral"),
    enumName("points", DataKind::Points, "2-D drawn points"),
    enumName("images", DataKind::Images, "images (IDX files)")};
inline constexpr EnumName kModelNames[] = {
    enumName("mlp", ModelKind::Mlp, "MLP"),
    enumName("mlp_gan", ModelKind::MlpGan, "MLP GAN (source material)"),
    enumName("dcgan", ModelKind::Dcgan, "DCGAN")};
inline constexpr EnumName kPreviewNames[] = {
    enumName("eval", PreviewKind::Eval, "G in eval mode"),
    enumName("ema", PreviewKind::Ema, "moving average of G")};
inline constexpr EnumName kLatentNames[] = {
    enumName("uniform", LatentKind::Uniform, "uniform U(0,1)"),
    enumName("normal", LatentKind::Normal, "normal N(0,1)")};
inline constexpr EnumName kEngineNames[] = {
    enumName("auto", EngineKind::Auto, "auto"),
    enumName("fast", EngineKind::Fast, "fast (hand-written MLP and MLP GAN passes)"),
    enumName("autograd", EngineKind::Autograd, "autograd (torch::nn)")};

}  // namespace ganscope
