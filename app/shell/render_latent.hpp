// --render-latent: G's pictures along the path between the z of two latent seeds, rendered
// through the Session as the window's explorer renders them, written as samples and a GIF.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/state/session_file.hpp"
#include "core/api/commands.hpp"
#include "core/api/config.hpp"

namespace ganscope {

class Session;

/// What --render-latent renders and where it goes.
struct LatentPathOptions {
  uint64_t from_seed = 0;          ///< --from: the latent seed of frame 0
  uint64_t to_seed = 0;            ///< --to: the latent seed of the last frame
  int frames = 2;                  ///< --frames: 2 to kMaxLatentBatch frames, both ends included
  bool spherical = true;           ///< slerp about the prior's centre; false: lerp (--lerp)
  std::string samples_path;        ///< --dump-samples: IDX3 (images) or CSV rows ("": none)
  std::string gif_path;            ///< --gif: images only, an animated GIF ("": none)
  int gif_scale = 4;               ///< GIF pixels per image pixel each way (nearest)
  int gif_delay_centiseconds = 8;  ///< each GIF frame's time on screen
  double timeout_seconds = 120;    ///< how long the trainer may take to answer
};

/// The path's latents, frames x latent.dim row-major: frame i is interpolate(z_A, z_B,
/// i / (frames - 1)), so frame 0 is exactly z_A and the last exactly z_B.
std::vector<float> latentPath(const LatentConfig& latent, const LatentPathOptions& options);

/// Why `options` cannot be rendered for `config`, or "": --gif on a run whose data is not
/// images, an output path that cannot be written. Checked before training.
std::string latentPathProblem(const TrainConfig& config, const LatentPathOptions& options);

/// G's pictures of the path from `session`'s current G: sends one RenderLatent and polls
/// pollLatent until it is answered. Throws std::runtime_error if the trainer fails, answers
/// with an error or takes longer than options.timeout_seconds.
LatentPicture renderLatentPath(Session& session, const TrainConfig& config,
                               const LatentPathOptions& options);

/// Writes the picture's frames to options.samples_path (writeSampleFile) and options.gif_path
/// (grey frames scaled options.gif_scale times, looping). Throws FileError naming the path.
void writeLatentPath(const TrainConfig& config, const LatentPathOptions& options,
                     const LatentPicture& picture);

/// What the metrics report of the path: seeds, frames, interpolation, the step of G and D's
/// score of each frame.
nlohmann::json latentPathJson(const LatentPathOptions& options, const LatentPicture& picture);

/// Renders and writes the path of the saved run `session` as it was saved (no training),
/// printing latentPathJson on stdout. Returns kExitOk, kExitBadInput (latentPathProblem, a
/// state that cannot be loaded) or kExitFailure.
int renderSavedLatentPath(const SessionFile& session, const LatentPathOptions& options);

}  // namespace ganscope
