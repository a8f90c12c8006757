// Plain telemetry that crosses from the training thread to the UI: no torch, no imgui, no GL.
#pragma once
#include <cstdint>
#include <type_traits>

namespace ganscope {

/// One training step, pushed for every step through a lock-free queue.
struct StepStats {
  int64_t step = 0;         ///< steps done in this run: full steps (k D + 1 G updates) and
                            ///< single D or G updates from StepOnce alike
  uint32_t generation = 0;  ///< bumps on every reset, so the UI knows to clear its history
  float seconds = 0;        ///< wall time since the run started
  float d_loss = 0;         ///< -E[log D(x)] - E[log(1 - D(G(z)))]; 2 log 2 at equilibrium
  float g_loss = 0;         ///< the generator's loss as configured (minimax or non-saturating)
  float d_real_mean = 0;    ///< mean D(x) over the real batch
  float d_fake_mean = 0;    ///< mean D(G(z)) over the fake batch
  float value = 0;          ///< V(D,G) on the batch = -d_loss; -log 4 at the optimum
};
static_assert(std::is_trivially_copyable_v<StepStats>);

/// Sizes of the fixed arrays in a Snapshot.
inline constexpr int kCurvePoints = 256;  ///< samples of each density/D curve over [x_min, x_max]
inline constexpr int kMapLines = 33;      ///< z-line to x-line mapping lines (Figure 1, bottom)
inline constexpr int kHistBins = 40;      ///< bins of the D(x) and D(G(z)) histograms over [0, 1]
inline constexpr int kFieldSize = 64;     ///< 2-D: D is sampled on kFieldSize x kFieldSize points
inline constexpr int kShownPoints = 512;  ///< 2-D: real and fake samples drawn
inline constexpr int kMaxModes = 100;     ///< 2-D: modes a mixture can have (a 10 x 10 grid)
inline constexpr int kManifoldSide = 17;  ///< 2-D: G is drawn over kManifoldSide^2 latent points

/// The heavier picture of the game, published at ~30 Hz from a recycled buffer pool. `dims`
/// says which part is filled: the 1-D curves (Figure 1) or the 2-D field and mode coverage.
struct Snapshot {
  int64_t step = 0;
  uint32_t generation = 0;
  int dims = 1;     ///< dimensions of the data
  float js = 0;     ///< JSD(p_data || p_g) in nats, [0, log 2] (2-D: binned)
  float value = 0;  ///< -(D's loss) on the snapshot's fresh samples: V(D,G) for
                    ///< minimax/non-saturating, the Wasserstein estimate for WGAN
  /// How D's pictures (curve, field, histograms) map its raw output to [0, 1]: false, D as a
  /// probability (LSGAN's output clamped); true, a critic rescaled so d_lo..d_hi spans 0..1.
  bool d_normalised = false;
  float d_lo = 0, d_hi = 1;
  float hist_real[kHistBins] = {};  ///< fraction of real samples per D(x) bin
  float hist_fake[kHistBins] = {};  ///< fraction of fake samples per D(G(z)) bin

  // 1-D: Figure 1.
  float x_min = 0, x_max = 1;       ///< range of the curves
  float p_data[kCurvePoints] = {};  ///< data density p_data(x)
  float p_g[kCurvePoints] = {};     ///< generator density p_g(x), a kernel estimate
  float d[kCurvePoints] = {};       ///< discriminator output D(x)
  float d_star[kCurvePoints] = {};  ///< optimal discriminator p_data / (p_data + p_g)
  float z[kMapLines] = {};          ///< evenly spaced latent values in [0, 1]
  float g_of_z[kMapLines] = {};     ///< G(z) for each of them

  // 2-D: the plane and mode coverage.
  float view[4] = {0, 0, 1, 1};               ///< x0, y0, x1, y1 of the field
  float field[kFieldSize * kFieldSize] = {};  ///< D over the view, rows from y1 (top) down
  float real_xy[2 * kShownPoints] = {};       ///< real samples, interleaved x, y
  float fake_xy[2 * kShownPoints] = {};       ///< G(z) for a fixed set of z, interleaved x, y
  float centres[2 * kMaxModes] = {};          ///< the mixture's mode centres
  float mode_share[kMaxModes] = {};           ///< per mode: its share of high-quality fakes
  int modes_total = 0;
  int modes_covered = 0;       ///< modes with at least one high-quality fake (of 2500)
  int modes_covered_1pct = 0;  ///< modes with at least 1% of the fakes
  float hq_fraction = 0;       ///< fakes within 3 std of their nearest mode
  float mode_kl = 0;           ///< KL(per-mode share || uniform), nats
  float kl = 0;                ///< KL(p_data || p_g) of binned densities on the view, nats
  int latent_dim = 1;
  float shown_z[2 * kShownPoints] = {};    ///< the first two coordinates of each shown fake's z
  float fake_d[kShownPoints] = {};         ///< D's output at each shown fake (raw for critics)
  float fake_push[2 * kShownPoints] = {};  ///< minus the gradient of G's loss at each shown fake
  float manifold_z[4] = {0, 0, 1, 1};      ///< z0, z1 (first two coordinates) of the grid corners
  float manifold_xy[2 * kManifoldSide * kManifoldSide] = {};  ///< G over a regular grid of z,
                                                              ///< row-major, interleaved x, y
};
static_assert(std::is_trivially_copyable_v<Snapshot>);

}  // namespace ganscope
