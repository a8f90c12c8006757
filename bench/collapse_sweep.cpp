// Mode coverage of a 2-D preset at chosen steps, on the trainer itself (no session): the tool
// behind the collapse presets' numbers. Usage: collapse_sweep PRESET SEED STEP,STEP,...
// [FIELD=VALUE ...]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "core/config/overrides.hpp"
#include "core/config/presets.hpp"
#include "core/engine/trainer.hpp"

int main(int argc, char** argv) {
  using namespace ganscope;
  if (argc < 4) {
    std::fprintf(stderr, "usage: %s PRESET SEED STEP,STEP,... [FIELD=VALUE ...]\n", argv[0]);
    return 2;
  }
  at::set_num_threads(1);
  TrainConfig config = presetConfig(argv[1]);
  config.seed = std::strtoull(argv[2], nullptr, 10);
  for (int i = 4; i < argc; ++i) config = withOverride(config, argv[i]);
  std::vector<int64_t> checkpoints;
  std::stringstream list(argv[3]);
  for (std::string item; std::getline(list, item, ',');) checkpoints.push_back(std::stoll(item));
  Trainer trainer(config);
  auto frame = std::make_unique<PlaneFrame>();
  const auto start = std::chrono::steady_clock::now();
  int64_t step = 0;
  for (const int64_t checkpoint : checkpoints) {
    for (; step < checkpoint; ++step) trainer.step(StepTarget::Both);
    trainer.fillFrame(*frame);
    const float* share = frame->mode_share;
    const int dominant =
        static_cast<int>(std::max_element(share, share + frame->modes_total) - share);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    // The samples' spread and how far their mean sits from its nearest mode centre.
    const std::vector<float> xy = trainer.sampleGenerator(2500);
    double mx = 0, my = 0, sxx = 0, syy = 0;
    for (size_t i = 0; i < xy.size(); i += 2) mx += xy[i], my += xy[i + 1];
    mx /= xy.size() / 2, my /= xy.size() / 2;
    for (size_t i = 0; i < xy.size(); i += 2)
      sxx += (xy[i] - mx) * (xy[i] - mx), syy += (xy[i + 1] - my) * (xy[i + 1] - my);
    double off = 1e9;
    for (int m = 0; m < frame->modes_total; ++m)
      off = std::min(off, std::hypot(mx - frame->centres[2 * m], my - frame->centres[2 * m + 1]));
    std::printf(
        "step %6lld  1pct %2d  reached %2d  hq %5.1f%%  dominant %2d (%5.1f%%)  spread %.3f  "
        "off %.3f  %.1f s\n",
        static_cast<long long>(step), frame->modes_covered_1pct, frame->modes_covered,
        100 * frame->hq_fraction, dominant, 100 * share[dominant],
        std::sqrt((sxx + syy) / (xy.size() / 2)), off, seconds);
    std::fflush(stdout);
  }
}
