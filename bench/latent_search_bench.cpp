// "Find z for this real image" on a trained run: the L1 per pixel the search reaches on real
// test images, its time and |z|, for a few settings (restarts, iterations, norm weight): the
// numbers behind LatentSearchSettings. One LibTorch and one BLAS thread, as the worker.
// Usage: latent_search_bench SESSION.gss [IMAGES] (a session file the window or --save-session
// wrote)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "app/state/session_file.hpp"
#include "common/runtime_info.hpp"
#include "core/data/image_data.hpp"
#include "core/engine/gan_state.hpp"
#include "core/engine/gan_state_io.hpp"
#include "core/latent/latent_search.hpp"

int main(int argc, char** argv) {
  using namespace ganscope;
  using Clock = std::chrono::steady_clock;
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s SESSION.gss [IMAGES]\n", argv[0]);
    return 2;
  }
  at::set_num_threads(1);
  setBlasThreads(1);
  const int images = argc > 2 ? std::atoi(argv[2]) : 8;
  GanState state = loadGanState(loadSessionFile(argv[1]).state, argv[1]);
  Network& generator = *state.generator;
  generator.eval();
  const auto& data = dynamic_cast<const ImageData&>(*state.data);
  // The first test images (never trained on), one of each of the first classes in order.
  const torch::Tensor targets = pixelsToRows(data.set().test_images.narrow(0, 0, images));
  std::printf("%s: step %lld, %d test images\n", argv[1], static_cast<long long>(state.stats.step),
              images);
  struct Setting {
    int restarts, iterations;
    double norm_weight;
  };
  const std::vector<Setting> settings = {{1, 300, 1.0}, {4, 300, 1.0},  {8, 300, 1.0},
                                         {1, 600, 1.0}, {2, 600, 1.0},  {1, 1000, 1.0},
                                         {4, 300, 0.0}, {4, 300, 0.05}, {4, 1000, 0.0}};
  for (const Setting& s : settings) {
    double l1 = 0, start_l1 = 0, norm = 0, seconds = 0, typical = 0;
    for (int i = 0; i < images; ++i) {
      LatentSearchOptions options;
      options.restarts = s.restarts;
      options.iterations = s.iterations;
      options.norm_weight = s.norm_weight;
      options.seed = 1 + i;
      const auto begin = Clock::now();
      const LatentSearchReport report =
          *searchLatent(generator, state.config.latent, targets[i], options);
      seconds += std::chrono::duration<double>(Clock::now() - begin).count();
      l1 += report.l1;
      start_l1 += report.l1_curve.front();
      norm += report.norm;
      typical = report.typical;
    }
    std::printf(
        "restarts %2d, iterations %4d, norm weight %.2f: L1 per pixel %.4f (start %.4f), |z| %.2f "
        "(typical %.2f), %.2f s per image\n",
        s.restarts, s.iterations, s.norm_weight, l1 / images, start_l1 / images, norm / images,
        typical, seconds / images);
  }
  return 0;
}
