// The explorer's "find z for this real image" for one run: the FindLatent sent for a real image
// of the sample grid and the newest answer to it (progress, then the final z). Torch-free,
// GL-free, unit-tested.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "app/gl/upload_once.hpp"
#include "core/api/commands.hpp"
#include "core/api/telemetry/image_frame.hpp"

namespace ganscope {

namespace gl {
class ImageAtlas;
}  // namespace gl

class LatentSearch {
 public:
  LatentSearch();
  ~LatentSearch();
  LatentSearch(const LatentSearch&) = delete;
  LatentSearch& operator=(const LatentSearch&) = delete;

  /// The FindLatent for real image `index` of `frame` (its bytes as the data scales them,
  /// byte / 127.5 - 1) with `settings`' iterations, restarts, weight and pace, under a new
  /// request number; what was found before is forgotten. Throws std::invalid_argument for an
  /// index outside the frame's kGridImages.
  FindLatent start(const ImageFrame& frame, int index, const FindLatent& settings = {});
  /// Takes an answer to the newest request (false for any other: an older request's).
  bool receive(const FoundLatent& answer);
  /// Forgets everything when the run's generation is not the one searched (a reset, a load).
  void follow(uint32_t generation);

  /// The newest answer to the newest request, if any.
  const FoundLatent* answer() const { return answer_ ? &*answer_ : nullptr; }
  /// A request went and its final answer has not come.
  bool running() const {
    return request_ != 0 && !(answer_ && (answer_->done || !answer_->error.empty()));
  }
  /// The real image searched for (-1: none yet) and its values in [-1, 1].
  int targetIndex() const { return target_index_; }
  const std::vector<float>& target() const { return target_; }
  /// The L1 per value of the search's start (the first answer's curve), for "from ... to ...".
  std::optional<float> startL1() const;
  /// A counter that moves with every answer taken (the texture's upload key).
  uint64_t version() const { return version_; }

  /// The target and G(z) as a texture (made by the view with the GL context) and what it holds.
  std::unique_ptr<gl::ImageAtlas> atlas;
  std::optional<gl::GridKey> atlas_key;

 private:
  uint64_t next_request_ = 1;
  uint64_t request_ = 0;  ///< the newest request sent (0: none)
  uint32_t generation_ = 0;
  uint64_t version_ = 0;
  int target_index_ = -1;
  std::vector<float> target_;
  std::optional<FoundLatent> answer_;
};

}  // namespace ganscope
