// What the latent explorer has of one run: the requests it sent (one RenderLatent carries the
// big picture and, when stale, the strip and D's score along the path, since the trainer keeps
// only the newest request), the newest answers, and the strips of the last ~100 steps behind
// the "path changed" readout. Torch-free, GL-free, unit-tested.
#pragma once
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <vector>

#include "app/gl/upload_once.hpp"
#include "app/state/latent_explorer.hpp"
#include "app/state/latent_explorer_directions.hpp"
#include "core/api/commands.hpp"

namespace ganscope {

namespace gl {
class ImageAtlas;
}  // namespace gl

/// The big picture G drew: G(z(t)) and D's score of it.
struct ExplorerPicture {
  PathKey key;
  double s = 0;  ///< the path parameter it shows (t, or u in the square)
  int64_t step = -1;
  uint32_t generation = 0;
  uint64_t request = 0;
  int dims = 0;
  std::vector<float> sample;  ///< dims values (images: 784 pixels in [-1, 1])
  float d_score = 0;
  std::vector<float> z;  ///< the z it was drawn from
  double sent = 0;       ///< when its request went (next()'s `now`)
};

/// The strip and the score plot G and D drew for one path.
struct ExplorerPath {
  PathKey key;
  int64_t step = -1;
  uint32_t generation = 0;
  uint64_t request = 0;
  int dims = 0;
  int frames = 0;
  std::vector<float> strip;    ///< frames x dims
  std::vector<float> strip_d;  ///< D's score of each frame
  std::vector<float> strip_z;  ///< frames x the latent's dims: the z of each frame
  /// The training-time view (LatentExplorerState::history): the steps of the earlier G's,
  /// oldest first, and the strip each drew (history_steps.size() x frames x dims).
  std::vector<int64_t> history_steps;
  std::vector<float> history_strip;
  std::vector<float> score_s;        ///< the score plot's path parameters (kPathScorePoints)
  std::vector<float> score_d;        ///< D's score at each
  std::vector<float> score_samples;  ///< G at each (score points x dims: the 2-D path's line)
};

/// How much the strip changed: the root mean square difference of the strip's values (image
/// pixels in [-1, 1]) between the newest strip and one `steps` earlier, over every frame.
struct PathChange {
  double rms = 0;
  int64_t steps = 0;  ///< how many steps apart the two strips are (about 100 when known)
};

/// How often a live explorer asks again as G trains.
struct LiveOptions {
  int64_t min_steps = 2;        ///< the run advanced at least this many steps
  double min_seconds = 0.25;    ///< and at least this long since the last live request
  double resend_seconds = 1.0;  ///< an unanswered request is sent again after this long
  int64_t change_steps = 100;   ///< the readout compares the strip with this many steps ago
};

class LatentExplorerRenders {
 public:
  LatentExplorerRenders();
  ~LatentExplorerRenders();
  LatentExplorerRenders(const LatentExplorerRenders&) = delete;
  LatentExplorerRenders& operator=(const LatentExplorerRenders&) = delete;

  /// The request to send now, if any: when what is shown is not what `state` asks for (or,
  /// live, when the run has trained on since), and the newest request sent does not already
  /// ask for it. `step` and `generation` are the run's now; `now` is seconds of wall time.
  /// Every z is moved by the direction sliders and the loaded offset (explorerOffset). A new
  /// generation forgets every answer (the old G's pictures) and the old G's directions. Throws as
  /// buildRequest.
  std::optional<RenderLatent> next(const LatentConfig& latent, const LatentExplorerState& state,
                                   int64_t step, uint32_t generation, double now);
  /// Takes an answer: a picture (and path) of a request this object sent, newer than what is
  /// shown; false for anything else (an old request, another panel's, an error: see error()).
  bool receive(const LatentPicture& picture);

  const ExplorerPicture* picture() const { return picture_ ? &*picture_ : nullptr; }
  const ExplorerPath* path() const { return path_ ? &*path_ : nullptr; }
  /// The strip's change over about LiveOptions::change_steps steps, once strips that far apart
  /// (at least half of it) were received for the same path.
  std::optional<PathChange> change() const;
  /// Why the newest answer failed ("" when it did not).
  const std::string& error() const { return error_; }
  /// A counter that moves with every picture or path received (the textures' upload key).
  uint64_t version() const { return version_; }
  /// The newest request sent has not been answered yet.
  bool waiting() const { return !sent_requests_.empty() || walk_request_ != 0; }

  /// The request for the walk GIF's kWalkGifFrames pictures from the state's place now
  /// (buildWalkRequest, kWalkGifCentiseconds apart, moved as next()'s). Until it is
  /// answered, or kWalkWaitSeconds passed (then error() says so), next() sends nothing: a newer
  /// request would replace it unanswered. Throws as buildWalkRequest.
  RenderLatent requestWalk(const LatentConfig& latent, const LatentExplorerState& state,
                           double now);
  /// The walk request waiting for its answer (0: none).
  uint64_t walkRequest() const { return walk_request_; }
  /// The walk's answer came (or is given up): next() sends again.
  void walkAnswered() { walk_request_ = 0; }
  /// The panel drew the picture at `now` (seconds, as next()'s): the first time for a picture,
  /// its latency from request to screen is kept (the newest kLatencies).
  void pictureShown(double now);
  /// Seconds from each picture's request to the UI frame that first drew it, oldest first.
  const std::deque<double>& latencies() const { return latencies_; }
  static constexpr size_t kLatencies = 4096;

  LiveOptions live;
  /// The run's GANSpace directions and the sliders over them.
  ExplorerDirections directions;
  /// The textures of the big picture and strip (made by the panel with the GL context), and
  /// what they hold.
  std::unique_ptr<gl::ImageAtlas> atlas;
  std::optional<gl::GridKey> atlas_key;

 private:
  struct Sent {
    uint64_t request = 0;
    PathKey key;
    double s = 0;
    RequestLayout layout;
    double time = 0;
    std::vector<float> z;
  };
  void forget(uint32_t generation);

  uint64_t next_request_ = 1;
  uint64_t version_ = 0;
  uint32_t generation_ = 0;
  double last_send_ = -1e9;         ///< when the newest request went
  double last_path_send_ = -1e9;    ///< when the newest request with the path went
  bool path_pending_ = false;       ///< a path was asked for and has not come
  double retry_after_ = -1e9;       ///< after a failed request, nothing is sent before this
  std::deque<Sent> sent_requests_;  ///< the newest few, newest last
  std::optional<ExplorerPicture> picture_;
  std::optional<ExplorerPath> path_;
  std::deque<ExplorerPath> history_;  ///< strips of the shown path, oldest first
  std::string error_;
  uint64_t walk_request_ = 0;   ///< the walk GIF's request waiting (0: none)
  double walk_sent_ = 0;        ///< when it went
  uint64_t shown_request_ = 0;  ///< the request of the picture pictureShown saw last
  std::deque<double> latencies_;
};

}  // namespace ganscope
