// TrainConfig: every hyperparameter of a run with its default, JSON I/O and validation.
// Torch-free: app/ reads and edits these types directly. The allowed values, help and JSON
// names of every field are in one table: core/config/schema.cpp (see --help-config).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "common/config_error.hpp"

namespace ganscope {

enum class LossKind : uint8_t {
  Minimax,        ///< saturating: G minimises log(1 - D(G(z))), as in the paper's equation 1
  NonSaturating,  ///< G maximises log D(G(z)), the paper's practical variant
  WganClip,       ///< Wasserstein GAN: a critic with its weights clipped to [-clip, clip]
  WganGp,         ///< Wasserstein GAN with a gradient penalty (gp_lambda) on the critic
  LeastSquares,   ///< LSGAN: squared distance of D's raw output to the labels 1 (real), 0 (fake)
  Hinge,          ///< hinge loss on the critic: max(0, 1 - D(x)) + max(0, 1 + D(G(z)))
};

/// True when D's output is a logit whose sigmoid is a probability (minimax, non-saturating);
/// false when it is a raw score (LSGAN's regression output, WGAN's and hinge's critic).
bool outputIsProbability(LossKind kind);
/// True for the losses whose D is an unbounded critic (WGAN, hinge): pictures normalise it.
bool isCritic(LossKind kind);
enum class OptimizerKind : uint8_t { Sgd, Adam, RmsProp };
enum class Activation : uint8_t { Relu, LeakyRelu, Tanh };
enum class DataKind : uint8_t {
  Gaussian,    ///< N(mean, std)
  Bimodal,     ///< equal mixture of N(mean - separation/2, std) and N(mean + separation/2, std)
  Ring,        ///< 2-D: `modes` Gaussians at angles 2 pi i / modes on a circle of `radius`
  Grid,        ///< 2-D: grid_size x grid_size Gaussians `spacing` apart, centred on the origin
  Gaussian2d,  ///< 2-D: one Gaussian N((mean, mean), std^2 I)
  Line,        ///< 2-D: the segment from (-radius, -radius) to (radius, radius), blurred by std
  Moons,       ///< 2-D: two interleaved half circles of `radius` (scikit-learn's moons), blurred
  Spiral,      ///< 2-D: two turns of a spiral out to `radius`, blurred by std
  Points,      ///< 2-D: the user's own points (drawn in the window), each blurred by std
  Images,      ///< 28 x 28 images from a folder of MNIST-format (IDX) files, pixels in [-1, 1]
};

/// Where data.kind "images" looks by default: Debian's dataset-fashion-mnist.
inline constexpr const char* kDefaultImageFolder = "/usr/share/datasets/fashion-mnist";

/// Which networks G and D are. Changes apply on reset.
enum class ModelKind : uint8_t {
  Mlp,     ///< the configurable MLPs of generator.* and discriminator.*
  MlpGan,  ///< the source material's image MLPs (G 128-256-512-1024 with BatchNorm, D 512-256)
  Dcgan,   ///< a DCGAN for 28 x 28 images; generator.width and discriminator.width set channels
};

/// Where the pictures' samples of G come from (never the training pass itself).
enum class PreviewKind : uint8_t {
  Eval,  ///< G in eval mode: BatchNorm on its running statistics
  Ema,   ///< an exponential moving average of G's weights (StyleGAN's G_ema), in eval mode
};

/// True for the data kinds made of separate modes (ring, grid), where mode coverage is counted.
bool hasModes(DataKind kind);

enum class LatentKind : uint8_t {
  Uniform,  ///< z ~ U(0, 1) in each dimension, as in the paper
  Normal,   ///< z ~ N(0, 1) in each dimension
};

/// One network's optimiser. Every field may change while training.
struct OptimizerConfig {
  OptimizerKind kind = OptimizerKind::Adam;  ///< "sgd" (with momentum), "adam" or "rmsprop"
  float lr = 1e-3f;                          ///< learning rate
  float momentum = 0.9f;                     ///< SGD momentum
  float beta1 = 0.5f;                        ///< Adam beta1
  float beta2 = 0.999f;                      ///< Adam beta2
  float alpha = 0.99f;                       ///< RMSprop smoothing of squared gradients
};

/// Everything that can change between two steps without rebuilding the networks.
struct Hyperparams {
  LossKind loss = LossKind::NonSaturating;  ///< generator loss
  int batch_size = 128;                     ///< samples per batch
  int d_steps = 1;                          ///< k: discriminator steps per generator step
  OptimizerConfig g_opt;                    ///< generator optimiser
  OptimizerConfig d_opt;                    ///< discriminator optimiser
  float real_label = 1.0f;      ///< D's target for real samples; < 1 is one-sided label smoothing
  float instance_noise = 0.0f;  ///< std of Gaussian noise added to D's inputs at step 0
  int64_t noise_anneal_steps = 0;  ///< the noise falls linearly to 0 over these steps (0: constant)
  float clip = 0.01f;              ///< wgan_clip: the critic's weights are clipped to [-clip, clip]
  float gp_lambda = 0.1f;          ///< wgan_gp: weight of the penalty E[(|grad D(x^)| - 1)^2]
  float r1_gamma = 0.0f;           ///< R1: adds gamma/2 E[|grad D(x)|^2] on real x to D's loss
  int unrolled_steps = 0;          ///< G's update looks ahead this many D updates (0: off)
  int64_t lr_half_life = 0;  ///< both learning rates halve every this many steps (0: constant)
  PreviewKind preview = PreviewKind::Eval;  ///< images: where the sample grid's G comes from
  float ema_decay = 0.999f;  ///< the moving average's weight on its old value per G update
};

/// The instance-noise std at `step` under `hyper`'s schedule.
double instanceNoiseStd(const Hyperparams& hyper, int64_t step);
/// The factor on both learning rates at `step`: 0.5^(step / lr_half_life), or 1.
double learningRateScale(const Hyperparams& hyper, int64_t step);

/// A multilayer perceptron. Changes apply on reset.
struct MlpConfig {
  int hidden_layers = 2;                     ///< hidden layers
  int width = 32;                            ///< units per hidden layer
  Activation activation = Activation::Relu;  ///< "relu", "leaky_relu" (slope 0.2) or "tanh"
};

/// The discriminator: an MLP, and what it sees of the samples. Changes apply on reset.
struct DiscriminatorConfig : MlpConfig {
  int pack = 1;                   ///< PacGAN: D judges this many samples at once, concatenated
  bool minibatch_stddev = false;  ///< adds the batch's mean std as an input feature of D
};

/// Drawn points (data kind "points"): at most this many, each coordinate within +-the limit.
inline constexpr size_t kMaxDrawnPoints = 10000;
inline constexpr double kDrawnPointLimit = 1000;

/// The data distribution p_data. Changes apply on reset.
struct DataConfig {
  DataKind kind = DataKind::Gaussian;  ///< 1-D: "gaussian", "bimodal"; 2-D: "ring", "grid",
                                       ///< "gaussian_2d", "line", "moons", "spiral", "points"
  float mean = 4.0f;                   ///< 1-D centre
  float std = 0.5f;                    ///< standard deviation of each mode
  float separation = 4.0f;             ///< distance between the two bimodal modes
  int modes = 8;                       ///< ring: modes on the circle
  float radius = 2.0f;                 ///< ring: circle radius
  int grid_size = 5;                   ///< grid: modes per side
  float spacing = 2.0f;                ///< grid: distance between neighbouring modes
  std::vector<float> points;  ///< points: the drawn points, interleaved x, y (1 to 10000 points)
  std::string path = kDefaultImageFolder;  ///< images: the folder of IDX files
  std::string classes;  ///< images: the classes to train on, e.g. "0,2,5" ("": all of them)
};

/// Images are 28 x 28 (MNIST's format), a sample row of 784 pixels.
inline constexpr int kImageSide = 28;
inline constexpr int kImagePixels = kImageSide * kImageSide;
/// Classes an image dataset may have (labels 0-9, as in MNIST and Fashion-MNIST).
inline constexpr int kMaxImageClasses = 10;
/// The class indices `data.classes` names, ascending ("" gives 0 .. kMaxImageClasses - 1).
/// Throws ConfigError("data.classes", ...) for anything else than distinct digits 0-9
/// separated by commas.
std::vector<int> imageClasses(const DataConfig& data);

/// The generator's input z. Changes apply on reset.
struct LatentConfig {
  LatentKind kind = LatentKind::Uniform;  ///< "uniform" (U(0,1)) or "normal" (N(0,1))
  int dim = 1;                            ///< dimensions of z
};

/// Which step engine trains a run.
enum class EngineKind : uint8_t {
  Auto,      ///< the model decides: Fast for the MLP and the MLP GAN, Autograd for the DCGAN
  Fast,      ///< hand-written forward/backward passes (MLP, MLP GAN) and flat optimisers
  Autograd,  ///< torch::nn modules and autograd: any architecture
};

/// A complete run: data, networks, hyperparameters, seed, default length.
struct TrainConfig {
  std::string name = "custom";  ///< preset name, shown in the UI
  std::string description;      ///< one line shown in the UI
  DataConfig data;
  LatentConfig latent;
  MlpConfig generator;
  DiscriminatorConfig discriminator;
  ModelKind model = ModelKind::Mlp;  ///< which networks G and D are
  Hyperparams hyper;
  EngineKind engine = EngineKind::Auto;  ///< which step engine trains
  uint64_t seed = 1;                     ///< random seed for weights and sampling
  int64_t steps = 5000;                  ///< default step count of a headless run
};

/// Reads a config from JSON; missing fields keep their defaults. Throws ConfigError naming the
/// field and the allowed values for unknown fields, wrong types and out-of-range numbers.
TrainConfig configFromJson(const nlohmann::json& json);
/// Every field; floats as their shortest decimal. data.points only with data.kind "points".
nlohmann::json configToJson(const TrainConfig& config);

/// Parses JSON text (`source` names it in errors) or a file (a regular file of at most
/// kMaxConfigBytes); throws ConfigError.
TrainConfig parseConfig(std::string_view text, const std::string& source);
TrainConfig loadConfigFile(const std::string& path);

/// Validates values set in code (the UI's editors) by the same rules as JSON; throws ConfigError.
void validate(const Hyperparams& hyper);
void validate(const TrainConfig& config);

const char* toString(LossKind kind);
const char* toString(OptimizerKind kind);
const char* toString(Activation kind);
const char* toString(DataKind kind);
const char* toString(LatentKind kind);
const char* toString(EngineKind kind);
const char* toString(ModelKind kind);
const char* toString(PreviewKind kind);

/// The step engine `config` trains with: its `engine`, or for "auto" the one its model
/// decides: the hand-written fast path for the plain MLP and the MLP GAN, autograd for the DCGAN.
EngineKind engineFor(const TrainConfig& config);

/// Dimensions of a data sample: 1 for gaussian/bimodal, 784 for images, 2 for the others.
int dataDimension(DataKind kind);

}  // namespace ganscope
