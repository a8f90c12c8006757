// The latent explorer's choices (endpoints as latent seeds, t, spherical or linear, truncation,
// per-dimension sliders, the square of four anchors and its random walk) and the paths they
// make: the z of every picture the explorer asks G for. Torch-free, ImGui-free, unit-tested.
#pragma once
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/api/commands.hpp"
#include "core/api/latent.hpp"

namespace ganscope {

/// Line: the path from anchor A to B at t. Square: four anchors blended bilinearly at (u, v)
/// (StyleGAN3's seed plane); its strip runs along u at the current v.
enum class ExplorerMode : uint8_t { Line, Square };

/// A coordinate of z the user drives with a slider: the path's z with `index` set to `value`.
struct DimensionSlider {
  int index = 0;
  float value = 0;
  bool operator==(const DimensionSlider&) const = default;
};

inline constexpr int kMinStripFrames = 5;    ///< the strip's fewest frames
inline constexpr int kMaxStripFrames = 16;   ///< the strip's most frames
inline constexpr int kPathScorePoints = 48;  ///< points of D's score plot along the path
inline constexpr int kMaxDimensionSliders = 8;
inline constexpr int kAnchorA = 0, kAnchorB = 1, kAnchorC = 2, kAnchorD = 3;

/// A latent that is no seed's own (a z found for a real image), standing in for every anchor
/// whose seed is `seed`: a seed rolled for it, so the seed fields, swap and the path's key treat
/// it as any seed, and typing another seed leaves it.
struct FreeLatent {
  uint64_t seed = 0;
  Latent z;
  bool operator==(const FreeLatent&) const = default;
};
inline constexpr size_t kMaxFreeLatents = 8;  ///< free latents kept (the oldest unused go first)

/// What the explorer shows (UiState::explorer): the user's choices, the same for every run.
struct LatentExplorerState {
  /// The anchors' latent seeds: A and B are the line's ends and the square's bottom corners
  /// (u = 0, 1 at v = 0), C and D its top corners (v = 1). The image grid's sample i is seed i.
  std::array<uint64_t, 4> anchors{0, 1, 2, 3};
  ExplorerMode mode = ExplorerMode::Line;
  double t = 0.5;                        ///< where the big picture is on the line (0: A, 1: B)
  double u = 0.5, v = 0.5;               ///< where it is in the square
  bool spherical = true;                 ///< slerp about the prior's centre (White 2016); off: lerp
  double psi = 1;                        ///< truncation toward the prior's centre (1: the plain z)
  int frames = 8;                        ///< the strip's frames, kMinStripFrames to kMaxStripFrames
  std::vector<DimensionSlider> sliders;  ///< coordinates overridden, at most kMaxDimensionSliders
  bool walk = false;                     ///< the square's random walk animates (u, v)
  double walk_speed = 0.25;              ///< the walk's speed: square widths per second
  double walk_heading = 0.7;             ///< the walk's direction, radians
  uint64_t walk_seed = 1;                ///< the walk's turns come from this stream
  uint64_t next_random = 0;    ///< counter behind "random z": each roll takes a fresh seed
  bool linear_filter = false;  ///< smooth pixels in the big picture and strip (off: nearest)
  bool live = true;            ///< re-render as G trains
  /// The training-time view: the strip also drawn by the earlier G's the trainer keeps, a row
  /// each (in place of D's score plot).
  bool history = false;
  std::string file = "ganscope-latent";  ///< export/load base name (.png, -strip.png, .json)
  std::string message;                   ///< the last export's result or why it failed
  bool message_error = false;
  int add_dimension = 0;  ///< the "add a slider for coordinate" field
  /// GANSpace direction sliders: each run computes `direction_count` directions (matched from
  /// one recomputation to the next) while on; the sliders' values are per run
  /// (ExplorerDirections), since each run has directions of its own.
  bool directions = false;
  int direction_count = 6;  ///< 1 to kMaxDirections
  bool open = false;        ///< the explorer's tab is the one shown

  /// Found z's (LatentSearch) the anchors may name, newest last.
  std::vector<FreeLatent> free_latents;
  /// The direction offset a loaded path came with (what the saving run's direction sliders
  /// added): added to every z, on top of this run's direction sliders, until cleared. Empty:
  /// none.
  std::vector<float> loaded_offset;
};

/// What is added to every z of the explorer: the state's loaded offset plus `sliders` (the
/// run's direction sliders: ExplorerDirections::offset), each when it has `dim` values. Empty
/// when neither does: the plain path.
std::vector<float> explorerOffset(const LatentExplorerState& state, std::span<const float> sliders,
                                  int dim);

/// Everything the strip's and score plot's z depend on; equal keys are equal paths.
struct PathKey {
  std::array<uint64_t, 4> anchors{};
  ExplorerMode mode = ExplorerMode::Line;
  double v = 0;  ///< the square's row (Line: 0)
  bool spherical = true;
  double psi = 1;
  int frames = 0;
  bool history = false;
  std::vector<DimensionSlider> sliders;
  std::vector<float> offset;  ///< the direction sliders' offset (empty: none)
  LatentConfig latent;
  bool operator==(const PathKey& other) const {
    return anchors == other.anchors && mode == other.mode && v == other.v &&
           spherical == other.spherical && psi == other.psi && frames == other.frames &&
           history == other.history && sliders == other.sliders && offset == other.offset &&
           latent.kind == other.latent.kind && latent.dim == other.latent.dim;
  }
};
/// `offset`: what the direction sliders add to every z (ExplorerDirections::offset; empty: none).
PathKey pathKey(const LatentExplorerState& state, const LatentConfig& latent,
                std::span<const float> offset = {});

/// Anchor `i`'s z: its free latent's (when one has its seed and the latent's size), else its
/// seed's.
Latent anchorLatent(const LatentConfig& latent, const LatentExplorerState& state, int i);

/// Makes anchor `i` the free latent `z` (under a freshly rolled seed), keeping at most
/// kMaxFreeLatents (dropping the oldest no anchor uses). Returns the seed.
uint64_t useFreeLatent(LatentExplorerState& state, int i, Latent z);

/// The big picture's place along the path: t on the line, u in the square.
double pictureParameter(const LatentExplorerState& state);

/// What the explorer does to every z before G sees it: truncated by psi, moved by `offset` (the
/// direction sliders' sum of value * slider_unit * direction; empty or latent.dim values), then
/// with the sliders' coordinates set. Each step is affine, so it commutes with any blend whose
/// weights sum to 1 (the path's lerp, the square's bilinear blend, the class map's plane).
/// Throws std::invalid_argument for an offset of another size.
Latent shapeLatent(const LatentExplorerState& state, Latent z, const LatentConfig& latent,
                   std::span<const float> offset = {});

/// The z at `s` in [0, 1] along the explorer's path (Line: A to B; Square: along u at row v),
/// shaped by shapeLatent. At s = 0 and 1 with psi = 1, no offset and no sliders: exactly the
/// anchors' z (Line). Throws as shapeLatent.
Latent pathLatent(const LatentConfig& latent, const LatentExplorerState& state, double s,
                  std::span<const float> offset = {});

/// The strip's parameters: n values from exactly 0 to exactly 1, evenly spaced.
std::vector<double> stripParameters(int n);

/// How a request's z rows are laid out: the big picture first, then (with the path) the strip's
/// frames, then the score plot's points.
struct RequestLayout {
  bool path = false;
  int frames = 0;
  int score_points = 0;
  int count() const { return 1 + (path ? frames + score_points : 0); }
};

/// The request for the big picture at the state's t (u), and with `with_path` the strip's
/// `state.frames` frames and kPathScorePoints points along the path, every z moved by `offset`
/// (as pathLatent). Throws std::invalid_argument when the latent has no dimensions.
RenderLatent buildRequest(const LatentConfig& latent, const LatentExplorerState& state,
                          uint64_t request, bool with_path, RequestLayout* layout = nullptr,
                          std::span<const float> offset = {});

/// Checks the state against the run's latent: anchors kept, t/u/v/psi clamped into range, the
/// strip's frames into 5..16, sliders beyond the latent's dimensions and a loaded offset of
/// another size dropped. A new run keeps
/// its seeds: the same seed is the same z of the prior, so a path is comparable across runs.
void fitToLatent(LatentExplorerState& state, const LatentConfig& latent);

/// A fresh latent seed for "random z" (SplitMix64 of the state's counter): different each
/// roll, the same sequence in every window, never one of the grid's 256 seeds.
uint64_t rollSeed(LatentExplorerState& state);

/// Moves the square's (u, v) by `seconds` of the random walk at its speed: heading turns a
/// little at random (from walk_seed), and the walk bounces off the square's edges.
void stepWalk(LatentExplorerState& state, double seconds);

/// The range a per-dimension slider offers: mean +- 3 std for N(0, 1), [0, 1] for U(0, 1).
struct DimensionRange {
  float lo = 0, hi = 1;
};
DimensionRange dimensionRange(LatentKind kind);

}  // namespace ganscope
