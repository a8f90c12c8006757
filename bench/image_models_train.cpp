// Trains an image model (mlp_gan or dcgan) on Fashion-MNIST for a wall-clock budget with the step
// of image_models_bench (plain autograd + Adam, non-saturating loss) and writes 8 x 8 grids of
// G's samples from a fixed z (eval mode) at chosen times: to choose DCGAN's size for a 1-minute
// demo.
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/idx_file.hpp"
#include "common/runtime_info.hpp"
#include "core/models/image_models.hpp"

namespace ganscope {
namespace {

struct Options {
  std::string model = "dcgan";  ///< mlp_gan or dcgan
  int g_width = 32;             ///< dcgan: generator.width
  int d_width = 32;             ///< dcgan: discriminator.width
  int latent = 100;             ///< latent.dim (z ~ N(0, 1))
  int batch = 64;               ///< hyper.batch_size
  double lr = 2e-4;             ///< both Adam learning rates (betas 0.5, 0.999)
  int threads = 1;              ///< at::set_num_threads and openblas_set_num_threads
  std::vector<double> snapshots = {15, 30, 60};  ///< seconds at which to write a grid
  bool by_steps = false;        ///< snapshots count steps, not seconds (for a machine under load)
  std::string prefix = "grid";  ///< grids go to PREFIX_<seconds>s.png or PREFIX_<steps>steps.png
  int scale = 3;                ///< grid pixels per image pixel
  std::string data = "/usr/share/datasets/fashion-mnist";  ///< folder of the IDX files
};

/// Training images as rows [n, 784] in [-1, 1].
torch::Tensor loadImages(const std::string& folder) {
  const LabelledImages set = readLabelledImages(folder + "/train-images-idx3-ubyte.gz",
                                                folder + "/train-labels-idx1-ubyte.gz");
  const auto n = static_cast<int64_t>(set.labels.size());
  auto bytes = torch::from_blob(const_cast<uint8_t*>(set.images.data.data()), {n, kImagePixels},
                                torch::kUInt8);
  return bytes.to(torch::kFloat) / 127.5 - 1;
}

/// Writes `samples` [64, 784] in [-1, 1] as an 8 x 8 grid PNG (28 px tiles, 1 px gaps), each
/// pixel a `scale` x `scale` block.
void writeGrid(const torch::Tensor& samples, const std::string& path, int scale) {
  constexpr int kSide = 8, kTile = kImageSide + 1, kSize = kSide * kTile;
  std::vector<uint8_t> pixels(kSize * kSize, 40);
  auto bytes = ((samples + 1) * 127.5).round().clamp(0, 255).to(torch::kUInt8).contiguous();
  const uint8_t* data = bytes.data_ptr<uint8_t>();
  for (int i = 0; i < kSide * kSide; ++i) {
    for (int y = 0; y < kImageSide; ++y) {
      for (int x = 0; x < kImageSide; ++x) {
        pixels[((i / kSide) * kTile + y) * kSize + (i % kSide) * kTile + x] =
            data[i * kImagePixels + y * kImageSide + x];
      }
    }
  }
  const int side = kSize * scale;
  std::vector<uint8_t> scaled(side * side);
  for (int y = 0; y < side; ++y) {
    for (int x = 0; x < side; ++x) scaled[y * side + x] = pixels[(y / scale) * kSize + x / scale];
  }
  if (!stbi_write_png(path.c_str(), side, side, 1, scaled.data(), side)) {
    throw std::runtime_error("cannot write " + path);
  }
}

int run(const Options& options) {
  at::set_num_threads(options.threads);
  setBlasThreads(options.threads);
  torch::manual_seed(1);
  TrainConfig config;
  config.data.kind = DataKind::Images;
  config.model = options.model == "mlp_gan" ? ModelKind::MlpGan : ModelKind::Dcgan;
  config.latent.dim = options.latent;
  config.generator.width = options.g_width;
  config.discriminator.width = options.d_width;
  const torch::Tensor images = loadImages(options.data);
  NetworkPtr g = makeImageGenerator(config);
  NetworkPtr d = makeImageDiscriminator(config, kImagePixels, 1, false);
  const auto adam = torch::optim::AdamOptions(options.lr).betas({0.5, 0.999});
  torch::optim::Adam g_opt(g->parameters(), adam);
  torch::optim::Adam d_opt(d->parameters(), adam);
  const torch::Tensor fixed_z = torch::randn({64, options.latent});
  const torch::Tensor ones = torch::ones({options.batch, 1});
  const torch::Tensor zeros = torch::zeros({options.batch, 1});
  namespace F = torch::nn::functional;
  using Clock = std::chrono::steady_clock;
  double training_seconds = 0;  // wall time spent in steps (grids excluded)
  int64_t steps = 0;
  for (const double snapshot : options.snapshots) {
    while ((options.by_steps ? static_cast<double>(steps) : training_seconds) < snapshot) {
      const Clock::time_point step_start = Clock::now();
      const torch::Tensor real =
          images.index_select(0, torch::randint(images.size(0), {options.batch}, torch::kLong));
      torch::Tensor fake;
      {
        torch::NoGradGuard no_grad;
        fake = g->forward(torch::randn({options.batch, options.latent}));
      }
      d_opt.zero_grad();
      const torch::Tensor d_loss = F::binary_cross_entropy_with_logits(d->forward(real), ones) +
                                   F::binary_cross_entropy_with_logits(d->forward(fake), zeros);
      d_loss.backward();
      d_opt.step();
      g_opt.zero_grad();
      const torch::Tensor g_loss = F::binary_cross_entropy_with_logits(
          d->forward(g->forward(torch::randn({options.batch, options.latent}))), ones);
      g_loss.backward();
      g_opt.step();
      ++steps;
      training_seconds += std::chrono::duration<double>(Clock::now() - step_start).count();
    }
    {
      torch::NoGradGuard no_grad;
      g->eval();
      const std::string path = options.prefix + "_" + std::to_string(int(snapshot)) +
                               (options.by_steps ? "steps.png" : "s.png");
      writeGrid(g->forward(fixed_z), path, options.scale);
      g->train();
      std::printf(
          "{\"model\": \"%s\", \"g_width\": %d, \"d_width\": %d, \"latent\": %d, \"batch\": %d, "
          "\"lr\": %g, \"threads\": %d, \"seconds\": %.1f, \"steps\": %lld, "
          "\"steps_per_second\": %.2f, \"grid\": \"%s\"}\n",
          options.model.c_str(), options.g_width, options.d_width, options.latent, options.batch,
          options.lr, options.threads, training_seconds, static_cast<long long>(steps),
          steps / training_seconds, path.c_str());
      std::fflush(stdout);
    }
  }
  return 0;
}

}  // namespace
}  // namespace ganscope

int main(int argc, char** argv) {
  ganscope::Options options;
  CLI::App app("Trains an image model on Fashion-MNIST for a time budget, writing sample grids");
  app.add_option("--model", options.model)->check(CLI::IsMember({"mlp_gan", "dcgan"}));
  app.add_option("--g-width", options.g_width)->check(CLI::Range(1, 1024));
  app.add_option("--d-width", options.d_width)->check(CLI::Range(1, 1024));
  app.add_option("--latent", options.latent)->check(CLI::Range(1, 256));
  app.add_option("--batch", options.batch)->check(CLI::Range(2, 8192));
  app.add_option("--lr", options.lr)->check(CLI::PositiveNumber);
  app.add_option("--threads", options.threads)->check(CLI::Range(1, 64));
  app.add_option("--snapshots", options.snapshots, "seconds of training at which to write grids");
  app.add_flag("--by-steps", options.by_steps, "--snapshots count steps instead of seconds");
  app.add_option("--prefix", options.prefix,
                 "grids go to PREFIX_<seconds>s.png or PREFIX_<steps>steps.png");
  app.add_option("--scale", options.scale, "grid pixels per image pixel")->check(CLI::Range(1, 8));
  app.add_option("--data", options.data, "folder of Fashion-MNIST-format IDX files");
  CLI11_PARSE(app, argc, argv);
  std::sort(options.snapshots.begin(), options.snapshots.end());
  try {
    return ganscope::run(options);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "image_models_train: %s\n", error.what());
    return 1;
  }
}
