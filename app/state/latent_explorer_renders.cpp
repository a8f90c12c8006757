// LatentExplorerRenders: which request to send (the trainer answers only the newest waiting,
// so each request carries everything still missing), which answers to keep, and the readout of
// how much the strip changed over the last ~100 steps.
#include "app/state/latent_explorer_renders.hpp"

#include <algorithm>
#include <cmath>

#include "app/gl/image_atlas.hpp"
#include "app/state/latent_explorer_walk.hpp"

namespace ganscope {

LatentExplorerRenders::LatentExplorerRenders() = default;
LatentExplorerRenders::~LatentExplorerRenders() = default;

void LatentExplorerRenders::forget(uint32_t generation) {
  generation_ = generation;
  picture_.reset();
  path_.reset();
  history_.clear();
  sent_requests_.clear();
  path_pending_ = false;
  error_.clear();
  retry_after_ = -1e9;
  directions.forget(generation);
  walk_request_ = 0;
  ++version_;
}

std::optional<RenderLatent> LatentExplorerRenders::next(const LatentConfig& latent,
                                                        const LatentExplorerState& state,
                                                        int64_t step, uint32_t generation,
                                                        double now) {
  if (generation != generation_) forget(generation);
  if (walk_request_ != 0) {  // the walk's request waits: another would replace it
    if (now - walk_sent_ < kWalkWaitSeconds) return std::nullopt;
    walk_request_ = 0;
    error_ = "the random walk's pictures did not come within " +
             std::to_string(static_cast<int>(kWalkWaitSeconds)) + " s; not saved";
  }
  if (now < retry_after_) return std::nullopt;  // the last request failed: not at frame rate
  const std::vector<float> offset =
      explorerOffset(state, directions.offset(latent.dim), latent.dim);
  const PathKey key = pathKey(state, latent, offset);
  const double s = pictureParameter(state);
  const bool live_due = state.live && now - last_send_ >= live.min_seconds;
  auto stale = [&](int64_t shown_step) { return live_due && step - shown_step >= live.min_steps; };
  const bool need_path = !path_ || !(path_->key == key) || stale(path_->step);
  const bool need_picture = need_path || !picture_ || !(picture_->key == key) || picture_->s != s ||
                            stale(picture_->step);
  if (!need_picture) return std::nullopt;
  // A path (strip and score plot) at most every min_seconds while the path changes under a
  // drag, but in every request once one is on its way (a newer request replaces it unanswered).
  const bool with_path =
      need_path && (path_pending_ || !path_ || now - last_path_send_ >= live.min_seconds);
  if (!sent_requests_.empty()) {
    const Sent& last = sent_requests_.back();
    const bool answered = picture_ && picture_->request >= last.request;
    if (!answered && last.key == key && last.s == s && (last.layout.path || !with_path) &&
        now - last.time < live.resend_seconds) {
      return std::nullopt;  // asked already
    }
  }
  Sent sent;
  sent.request = next_request_++;
  sent.key = key;
  sent.s = s;
  sent.time = now;
  RenderLatent request = buildRequest(latent, state, sent.request, with_path, &sent.layout, offset);
  sent.z = request.z;
  sent_requests_.push_back(std::move(sent));
  while (sent_requests_.size() > 8) sent_requests_.pop_front();
  last_send_ = now;
  if (with_path) {
    last_path_send_ = now;
    path_pending_ = true;
  }
  return request;
}

RenderLatent LatentExplorerRenders::requestWalk(const LatentConfig& latent,
                                                const LatentExplorerState& state, double now) {
  RenderLatent request =
      buildWalkRequest(latent, state, next_request_, kWalkGifFrames, kWalkGifCentiseconds / 100.0,
                       explorerOffset(state, directions.offset(latent.dim), latent.dim));
  walk_request_ = next_request_++;
  walk_sent_ = now;
  return request;
}

bool LatentExplorerRenders::receive(const LatentPicture& answer) {
  auto it = std::find_if(sent_requests_.begin(), sent_requests_.end(),
                         [&](const Sent& sent) { return sent.request == answer.request; });
  if (it == sent_requests_.end()) return false;
  const Sent sent = *it;
  sent_requests_.erase(sent_requests_.begin(), it + 1);  // older ones will not be answered
  if (!answer.error.empty()) {
    error_ = answer.error;
    retry_after_ = sent.time + live.resend_seconds;
    if (sent.layout.path) path_pending_ = false;
    return false;
  }
  const int count = sent.layout.count();
  const size_t dims = static_cast<size_t>(answer.dims);
  if (answer.generation != generation_ || answer.count != count || answer.dims < 1 ||
      answer.samples.size() != count * dims ||
      answer.d_score.size() != static_cast<size_t>(count)) {
    if (sent.layout.path) path_pending_ = false;
    return false;
  }
  const size_t zdim = sent.z.size() / static_cast<size_t>(count);
  error_.clear();
  ++version_;
  ExplorerPicture picture;
  picture.key = sent.key;
  picture.s = sent.s;
  picture.step = answer.step;
  picture.generation = answer.generation;
  picture.request = answer.request;
  picture.dims = answer.dims;
  picture.sample.assign(answer.samples.begin(), answer.samples.begin() + dims);
  picture.d_score = answer.d_score[0];
  picture.z.assign(sent.z.begin(), sent.z.begin() + zdim);
  picture.sent = sent.time;
  picture_ = std::move(picture);
  if (!sent.layout.path) return true;
  path_pending_ = false;
  const int frames = sent.layout.frames;
  ExplorerPath path;
  path.key = sent.key;
  path.step = answer.step;
  path.generation = answer.generation;
  path.request = answer.request;
  path.dims = answer.dims;
  path.frames = frames;
  auto rows = [&](const std::vector<float>& values, size_t width, int first, int n) {
    return std::vector<float>(values.begin() + first * width, values.begin() + (first + n) * width);
  };
  path.strip = rows(answer.samples, dims, 1, frames);
  path.strip_d = rows(answer.d_score, 1, 1, frames);
  path.strip_z = rows(sent.z, zdim, 1, frames);
  path.history_steps = answer.history_steps;
  path.history_strip = answer.history_samples;
  const int points = sent.layout.score_points;
  for (const double s : stripParameters(points)) path.score_s.push_back(static_cast<float>(s));
  path.score_d = rows(answer.d_score, 1, 1 + frames, points);
  path.score_samples = rows(answer.samples, dims, 1 + frames, points);
  if (!history_.empty() && !(history_.back().key == path.key)) history_.clear();
  // Keep a strip every change_steps/32 steps or more; drop the ones no readout needs: the
  // oldest while the next one is already change_steps old.
  if (history_.empty() ||
      path.step - history_.back().step >= std::max<int64_t>(1, live.change_steps / 32)) {
    history_.push_back(path);
  }
  while (history_.size() >= 2 && history_[1].step <= path.step - live.change_steps) {
    history_.pop_front();
  }
  path_ = std::move(path);
  return true;
}

void LatentExplorerRenders::pictureShown(double now) {
  if (!picture_ || picture_->request == shown_request_) return;
  shown_request_ = picture_->request;
  latencies_.push_back(now - picture_->sent);
  if (latencies_.size() > kLatencies) latencies_.pop_front();
}

std::optional<PathChange> LatentExplorerRenders::change() const {
  if (history_.size() < 2 || !path_) return std::nullopt;
  const ExplorerPath& newest = history_.back();
  const ExplorerPath& old = history_.front();
  const int64_t apart = newest.step - old.step;
  if (apart < live.change_steps / 2 || old.strip.size() != newest.strip.size()) return std::nullopt;
  double sum = 0;
  for (size_t i = 0; i < newest.strip.size(); ++i) {
    const double d = newest.strip[i] - old.strip[i];
    sum += d * d;
  }
  return PathChange{std::sqrt(sum / static_cast<double>(newest.strip.size())), apart};
}

}  // namespace ganscope
