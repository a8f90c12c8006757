// The Session's latent explorer: RenderLatent through its one-request mailbox, answered between
// steps at a throttled rate; SetLatentDirections and FindLatent checked and posted to the
// trainer's LatentWorker (RenderClassMap: class_map_job); the polls of their answers.
#include <algorithm>
#include <stdexcept>
#include <string>

#include "common/config_error.hpp"
#include "core/engine/find_latent_job.hpp"
#include "core/engine/session_impl.hpp"

namespace ganscope {

void Session::Impl::checkDirections(const SetLatentDirections& settings) {
  if (settings.count < 0 || settings.count > kMaxDirections) {
    throw ConfigError(
        "latent directions count",
        std::to_string(settings.count) + "; give 0 (off) to " + std::to_string(kMaxDirections));
  }
  if (settings.interval_steps < 1) {
    throw ConfigError("latent directions interval",
                      std::to_string(settings.interval_steps) + " steps; give 1 or more");
  }
}

void Session::Impl::postLatent(RenderLatent&& request) {
  const bool was_waiting = !latent_waiting.push(std::move(request));  // it replaced one
  if (was_waiting) {
    latent_coalesced.fetch_add(1);  // its wake-up is still queued (or the trainer is at it)
  } else {
    commands.try_enqueue(RenderLatent{});  // full: the trainer looks before its next step
  }
}

void Session::Impl::renderWaitingLatent(bool training) {
  const auto start = Clock::now();
  if (training && start < next_latent) return;  // the running loop looks again after the step
  RenderLatent request;
  if (!latent_waiting.pop(request)) return;
  LatentPicture picture;
  try {
    if (!trainer) throw std::runtime_error("the run is being replaced; try again");
    picture = trainer->renderLatent(request);
  } catch (const std::exception& error) {
    picture = LatentPicture{};
    const auto* torch_error = dynamic_cast<const c10::Error*>(&error);
    picture.error = torch_error ? torch_error->what_without_backtrace() : error.what();
  }
  picture.request = request.request;
  picture.generation = generation.load();
  const auto cost = Clock::now() - start;
  next_latent = start + std::max<Clock::duration>(clockDuration(1.0 / 60), 19 * cost);
  latent_rendered.fetch_add(1);
  latent_pictures.enqueue(std::move(picture));
}

bool Session::pollLatent(LatentPicture& out) {
  return impl_->latent_pictures.try_dequeue(out);
}

void Session::Impl::postDirectionsIfDue() {
  // A diverged G's features are not finite: no PCA of them (nor a failure made of it).
  const RunState now = state.load();
  if (now == RunState::Diverged || now == RunState::Failed || !trainer) return;
  if (const std::string failure = trainer->latentWorkerFailure(); !failure.empty()) {
    fail(std::runtime_error("the latent explorer's thread: " + failure));
    return;
  }
  if (trainer->directionsDue(directions_wanted)) {
    trainer->postDirections(directions_wanted, generation.load(), outbox);
  }
}

void Session::Impl::postFindLatent(FindLatent& request) {
  outbox->newest_find.store(request.request);  // a search for an older request stops
  const auto refuse = [&](const std::string& why) {
    FoundLatent answer;
    answer.request = request.request;
    answer.iterations = request.iterations;
    answer.error = why;
    outbox->found_latents.push(std::move(answer));
  };
  const RunState now = state.load();
  if (!trainer) return refuse("find z: the run is being replaced; try again");
  if (now == RunState::Diverged || now == RunState::Failed) {
    return refuse("find z: the run has stopped (diverged or failed); reset it first");
  }
  if (auto refused = refuseFindLatent(request, trainer->state().data->dim())) {
    outbox->found_latents.push(std::move(*refused));
    return;
  }
  trainer->latentWorker().post(
      LatentJobSlot::FindLatent, trainer->previewSnapshot(),
      [request = std::move(request), latent = trainer->state().config.latent,
       step = trainer->state().stats.step, generation = generation.load(),
       outbox = outbox](Network& generator, const std::atomic<bool>& cancel) {
        runFindLatent(generator, latent, request, step, generation, *outbox, cancel);
      });
}

bool Session::pollDirections(LatentDirections& out) {
  return impl_->outbox->directions.pop(out);
}

bool Session::pollFoundLatent(FoundLatent& out) {
  return impl_->outbox->found_latents.pop(out);
}

bool Session::pollClassMap(ClassMap& out) {
  return impl_->outbox->class_maps.pop(out);
}

}  // namespace ganscope
