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

/// The heavier picture of the 1-D game, published at ~30 Hz from a recycled buffer pool.
struct Snapshot {
  int64_t step = 0;
  uint32_t generation = 0;
  float x_min = 0, x_max = 1;       ///< range of the curves
  float p_data[kCurvePoints] = {};  ///< data density p_data(x)
  float p_g[kCurvePoints] = {};     ///< generator density p_g(x), a kernel estimate
  float d[kCurvePoints] = {};       ///< discriminator output D(x)
  float d_star[kCurvePoints] = {};  ///< optimal discriminator p_data / (p_data + p_g)
  float z[kMapLines] = {};          ///< evenly spaced latent values in [0, 1]
  float g_of_z[kMapLines] = {};     ///< G(z) for each of them
  float hist_real[kHistBins] = {};  ///< fraction of real samples per D(x) bin
  float hist_fake[kHistBins] = {};  ///< fraction of fake samples per D(G(z)) bin
  float js = 0;                     ///< JSD(p_data || p_g) in nats on the curve grid, [0, log 2]
  float value = 0;                  ///< V(D,G) on the snapshot's fresh samples
};
static_assert(std::is_trivially_copyable_v<Snapshot>);

}  // namespace ganscope
