// PlaneFrame: the picture of a 2-D run: D's field over a fixed view, real and fixed-z fake
// samples with D's verdict and G's push, the generator manifold, mode coverage and D's
// histograms. Plain, trivially copyable data.
#pragma once
#include "core/api/scenario.hpp"
#include "core/api/telemetry/frame_header.hpp"

namespace ganscope {

inline constexpr int kFieldSize = 64;     ///< D is sampled on kFieldSize x kFieldSize points
inline constexpr int kShownPoints = 512;  ///< real and fake samples drawn
inline constexpr int kMaxModes = 100;     ///< modes a mixture can have (a 10 x 10 grid)
inline constexpr int kManifoldSide = 17;  ///< G is drawn over kManifoldSide^2 latent points

struct PlaneFrame {
  static constexpr Scenario kScenario = Scenario::Plane;
  FrameHeader header;
  float js = 0;     ///< JSD(p_data || p_g) of binned densities on the view, nats
  float kl = 0;     ///< KL(p_data || p_g) of binned densities on the view, nats
  float value = 0;  ///< -(D's loss) on the frame's shown samples (see Figure1Frame::value)
  float hist_real[kHistBins] = {};  ///< fraction of real samples per D(x) bin
  float hist_fake[kHistBins] = {};  ///< fraction of fake samples per D(G(z)) bin

  // The plane: D's field and the samples shown.
  float view[4] = {0, 0, 1, 1};               ///< x0, y0, x1, y1 of the field
  float field[kFieldSize * kFieldSize] = {};  ///< D over the view, rows from y1 (top) down
  float real_xy[2 * kShownPoints] = {};       ///< real samples, interleaved x, y
  float fake_xy[2 * kShownPoints] = {};       ///< G(z) for a fixed set of z, interleaved x, y
  int latent_dim = 1;
  float shown_z[2 * kShownPoints] = {};  ///< the first two coordinates of each shown fake's z
  float fake_d[kShownPoints] = {};       ///< D's output at each shown fake (raw for critics)

  // The push field: minus the gradient of G's loss at each shown fake.
  float fake_push[2 * kShownPoints] = {};

  // The generator manifold.
  float manifold_z[4] = {0, 0, 1, 1};  ///< z0, z1 (first two coordinates) of the grid corners
  float manifold_xy[2 * kManifoldSide * kManifoldSide] = {};  ///< G over a regular grid of z,
                                                              ///< row-major, interleaved x, y
  // Mode coverage (zeros for data without separate modes).
  float centres[2 * kMaxModes] = {};  ///< the mixture's mode centres
  float mode_share[kMaxModes] = {};   ///< per mode: its share of high-quality fakes
  int modes_total = 0;
  int modes_covered = 0;       ///< modes with at least one high-quality fake (of 2500)
  int modes_covered_1pct = 0;  ///< modes with at least 1% of the fakes
  float hq_fraction = 0;       ///< fakes within 3 std of their nearest mode
  float mode_kl = 0;           ///< KL(per-mode share || uniform), nats
};
static_assert(std::is_trivially_copyable_v<PlaneFrame>);

}  // namespace ganscope
