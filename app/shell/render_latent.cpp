// The latent path of --render-latent: z from latentFromSeed, interpolate, one RenderLatent sent
// to the Session and its LatentPicture polled, then the sample file and the GIF.
#include "app/shell/render_latent.hpp"

#include <chrono>
#include <iostream>
#include <stdexcept>
#include <thread>

#include "app/shell/cli.hpp"
#include "app/shell/sample_file.hpp"
#include "common/atomic_file.hpp"
#include "common/gif_file.hpp"
#include "core/api/latent.hpp"
#include "core/api/scenario.hpp"
#include "core/api/session.hpp"

namespace ganscope {
namespace {

constexpr uint64_t kPathRequest = 1;  // the one request a --render-latent run sends

/// Each image's bytes scaled `scale` times each way by repeating pixels (nearest).
std::vector<uint8_t> scaledImages(const std::vector<uint8_t>& images, int count, int scale) {
  const int side = kImageSide * scale;
  std::vector<uint8_t> out(static_cast<size_t>(count) * side * side);
  for (int f = 0; f < count; ++f) {
    const uint8_t* image = images.data() + static_cast<size_t>(f) * kImagePixels;
    uint8_t* frame = out.data() + static_cast<size_t>(f) * side * side;
    for (int y = 0; y < side; ++y) {
      for (int x = 0; x < side; ++x) {
        frame[y * side + x] = image[(y / scale) * kImageSide + x / scale];
      }
    }
  }
  return out;
}

}  // namespace

std::vector<float> latentPath(const LatentConfig& latent, const LatentPathOptions& options) {
  const Latent a = latentFromSeed(latent, options.from_seed);
  const Latent b = latentFromSeed(latent, options.to_seed);
  std::vector<float> z;
  z.reserve(static_cast<size_t>(options.frames) * latent.dim);
  for (int i = 0; i < options.frames; ++i) {
    // i == frames - 1 gives t = 1 exactly: the last frame is z_B itself.
    const double t = static_cast<double>(i) / (options.frames - 1);
    const Latent point = interpolate(latent, a, b, t, options.spherical);
    z.insert(z.end(), point.begin(), point.end());
  }
  return z;
}

std::string latentPathProblem(const TrainConfig& config, const LatentPathOptions& options) {
  if (!options.gif_path.empty() && scenarioOf(config) != Scenario::Image) {
    return std::string("--gif: draws an image run's frames; this run's data is \"") +
           toString(config.data.kind) + "\", not images (--dump-samples writes its path as " +
           (dataDimension(config.data.kind) == 1 ? "x" : "x,y") + " rows)";
  }
  for (const auto& [option, path] :
       {std::pair{"--dump-samples", options.samples_path}, std::pair{"--gif", options.gif_path}}) {
    if (path.empty()) continue;
    try {
      checkWritable(path);
    } catch (const std::exception& error) {
      return std::string(option) + ": " + error.what();
    }
  }
  return "";
}

LatentPicture renderLatentPath(Session& session, const TrainConfig& config,
                               const LatentPathOptions& options) {
  session.send(RenderLatent{kPathRequest, options.frames, latentPath(config.latent, options)});
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::duration<double>(options.timeout_seconds);
  LatentPicture picture;
  while (!session.pollLatent(picture)) {
    if (session.status().state == RunState::Failed) {
      throw std::runtime_error("--render-latent: the trainer stopped: " + session.failure());
    }
    if (std::chrono::steady_clock::now() > deadline) {
      throw std::runtime_error("--render-latent: the trainer did not answer within " +
                               std::to_string(static_cast<int>(options.timeout_seconds)) + " s");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  if (!picture.error.empty()) throw std::runtime_error("--render-latent: " + picture.error);
  if (picture.request != kPathRequest || picture.count != options.frames) {
    throw std::runtime_error("--render-latent: the trainer answered another request");
  }
  return picture;
}

void writeLatentPath(const TrainConfig& config, const LatentPathOptions& options,
                     const LatentPicture& picture) {
  if (!options.samples_path.empty()) {
    writeSampleFile(options.samples_path, config, picture.samples, picture.count);
  }
  if (!options.gif_path.empty()) {
    const int side = kImageSide * options.gif_scale;
    writeGif(options.gif_path,
             scaledImages(imageBytes(picture.samples), picture.count, options.gif_scale),
             picture.count, side, side, options.gif_delay_centiseconds);
  }
}

nlohmann::json latentPathJson(const LatentPathOptions& options, const LatentPicture& picture) {
  return {{"from", options.from_seed}, {"to", options.to_seed},
          {"frames", picture.count},   {"interpolation", options.spherical ? "slerp" : "lerp"},
          {"step", picture.step},      {"d_score", picture.d_score}};
}

int renderSavedLatentPath(const SessionFile& saved, const LatentPathOptions& options) {
  if (const std::string problem = latentPathProblem(saved.config, options); !problem.empty()) {
    std::cerr << "ganscope: " << problem << "\n";
    return kExitBadInput;
  }
  SessionOptions session_options;
  session_options.start_paused = true;  // G as saved: no step is taken
  std::unique_ptr<Session> session;
  try {
    session = std::make_unique<Session>(saved.state, session_options);
  } catch (const std::runtime_error& error) {
    std::cerr << "ganscope: --session: " << error.what() << "\n";
    return kExitBadInput;
  }
  try {
    const LatentPicture picture = renderLatentPath(*session, saved.config, options);
    writeLatentPath(saved.config, options, picture);
    std::cout << nlohmann::json{{"latent_path", latentPathJson(options, picture)}}.dump(2) << "\n";
  } catch (const std::exception& error) {
    std::cerr << "ganscope: " << error.what() << "\n";
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace ganscope
