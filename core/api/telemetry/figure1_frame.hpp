// Figure1Frame: the picture of a 1-D run (Figure 1 of Goodfellow et al. 2014): densities, D,
// D*, the z-line to x-line mapping and D's histograms. Plain, trivially copyable data.
#pragma once
#include "core/api/scenario.hpp"
#include "core/api/telemetry/frame_header.hpp"

namespace ganscope {

inline constexpr int kCurvePoints = 256;  ///< samples of each density/D curve over [x_min, x_max]
inline constexpr int kMapLines = 33;      ///< z-line to x-line mapping lines (Figure 1, bottom)

struct Figure1Frame {
  static constexpr Scenario kScenario = Scenario::Figure1;
  FrameHeader header;
  float js = 0;     ///< JSD(p_data || p_g) in nats, [0, log 2]
  float value = 0;  ///< -(D's loss) on the frame's fresh samples: V(D,G) for minimax and
                    ///< non-saturating, the Wasserstein estimate for WGAN
  float hist_real[kHistBins] = {};  ///< fraction of real samples per D(x) bin
  float hist_fake[kHistBins] = {};  ///< fraction of fake samples per D(G(z)) bin
  float x_min = 0, x_max = 1;       ///< range of the curves
  float p_data[kCurvePoints] = {};  ///< data density p_data(x)
  float p_g[kCurvePoints] = {};     ///< generator density p_g(x), a kernel estimate
  float d[kCurvePoints] = {};       ///< discriminator output D(x), mapped as the header says
  float d_star[kCurvePoints] = {};  ///< optimal discriminator p_data / (p_data + p_g)
  float z[kMapLines] = {};          ///< evenly spaced latent values in [0, 1]
  float g_of_z[kMapLines] = {};     ///< G(z) for each of them
};
static_assert(std::is_trivially_copyable_v<Figure1Frame>);

}  // namespace ganscope
