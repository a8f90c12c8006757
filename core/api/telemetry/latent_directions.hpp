// LatentDirections: GANSpace-style directions in z (Härkönen et al. 2020) of the G that is
// training, recomputed at intervals and matched to the previous set so that slot i keeps its
// meaning from one computation to the next. Plain, trivially copyable; Session::pollDirections.
#pragma once
#include <cstdint>
#include <type_traits>

namespace ganscope {

inline constexpr int kMaxDirections = 16;        ///< directions a set holds (SetLatentDirections)
inline constexpr int kMaxDirectionDims = 256;    ///< latent dims a set holds (latent.dim's maximum)
inline constexpr int kDirectionSamples = 10000;  ///< z the PCA runs over (GANSpace: >= 10,000)
/// The most of the time the computations take (of a core the trainer may want): after a computation of c seconds the
/// next waits at least c / kDirectionsBudget (whatever SetLatentDirections::interval_steps says).
inline constexpr double kDirectionsBudget = 0.025;

/// Where the principal directions are taken.
enum class DirectionSource : uint8_t {
  FirstHidden,  ///< G's first hidden activation (its first Linear and nonlinearity), as GANSpace
  Output,       ///< G's output (images: the 784 pixels)
};

/// One set of directions. How to use it: a slider at value s (in standard deviations) for slot
/// i moves a latent z to z + s * slider_unit[i] * direction[i] (s = 0 is z itself; the prior's
/// spread along the direction is slider_unit[i], so s = +-2 stays within what G was trained on).
/// Slot i's direction is matched to slot i of the previous set (the optimal assignment by
/// |cosine|, sign fixed): read `similarity` to see how much it turned. A set whose `basis` is
/// new (the first after switching on, a changed count or source, a reset or a loaded run) has no
/// previous set: its slots are in PCA order.
struct LatentDirections {
  int64_t step = -1;         ///< the training step of the G they were computed from
  uint32_t generation = 0;   ///< the run generation (SessionStatus::generation) of that G
  uint32_t computation = 0;  ///< sets computed in this basis before this one (0: the first)
  /// Bumps whenever slots lose their meaning (see above); a new generation starts again at 0.
  uint32_t basis = 0;
  DirectionSource source = DirectionSource::FirstHidden;  ///< what the PCA analysed
  int count = 0;             ///< directions in this set: min(requested, latent dim, features)
  int latent_dim = 0;        ///< values of each direction (the run's latent.dim)
  int feature_dims = 0;      ///< width of the analysed features (e.g. 3136 for fashion-dcgan)
  int samples = 0;           ///< z the PCA ran over (kDirectionSamples)
  float milliseconds = 0;    ///< how long it took (on the LatentWorker thread, not the trainer)
  float total_variance = 0;  ///< the features' total variance (the covariance's trace)
  /// Unit vectors in z, `count` rows of `latent_dim` values (the rest 0).
  float direction[kMaxDirections][kMaxDirectionDims] = {};
  float slider_unit[kMaxDirections] = {};     ///< the prior's stddev along direction i (N(0,I): 1)
  float feature_stddev[kMaxDirections] = {};  ///< the stddev of PCA coordinate i of the features
  float variance_share[kMaxDirections] = {};  ///< feature_stddev^2 / total_variance
  int component[kMaxDirections] = {};         ///< the PCA rank (0: the largest) slot i holds now
  /// |cos| between slot i's direction and the previous set's (1 for a new basis): a low value
  /// says the direction the slider followed has changed under training.
  float similarity[kMaxDirections] = {};
};
static_assert(std::is_trivially_copyable_v<LatentDirections>);

}  // namespace ganscope
