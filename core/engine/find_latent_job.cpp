// FindLatent on the latent worker: the request turned into LatentSearchOptions, each report into
// a FoundLatent stamped with the G's step and generation and the wall time.
#include "core/engine/find_latent_job.hpp"

#include <chrono>

#include "core/latent/latent_search.hpp"

namespace ganscope {
namespace {

LatentSearchOptions optionsOf(const FindLatent& request) {
  LatentSearchOptions options;
  options.iterations = request.iterations;
  options.restarts = request.restarts;
  options.norm_weight = request.norm_weight;
  options.report_every = request.report_every;
  options.seed = request.seed;
  return options;
}

}  // namespace

std::optional<FoundLatent> refuseFindLatent(const FindLatent& request, int data_dim) {
  const std::string error =
      latentSearchError(optionsOf(request), request.target.data(), request.target.size(), data_dim);
  if (error.empty()) return std::nullopt;
  FoundLatent answer;
  answer.request = request.request;
  answer.iterations = request.iterations;
  answer.error = error;
  return answer;
}

void runFindLatent(Network& generator, const LatentConfig& latent, const FindLatent& request,
                   int64_t step, uint32_t generation, LatentOutbox& outbox,
                   const std::atomic<bool>& cancel) {
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  const auto answer = [&](const LatentSearchReport& report) {
    FoundLatent out;
    out.request = request.request;
    out.done = report.done;
    out.iteration = report.iteration;
    out.iterations = request.iterations;
    out.step = step;
    out.generation = generation;
    out.z = report.z;
    out.sample = report.sample;
    out.l1 = report.l1;
    out.norm = report.norm;
    out.typical = report.typical;
    out.l1_curve = report.l1_curve;
    out.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    outbox.found_latents.push(std::move(out));
  };
  const torch::Tensor target = torch::from_blob(const_cast<float*>(request.target.data()),
                                                {static_cast<int64_t>(request.target.size())})
                                   .clone();
  const auto stopped = [&] {
    return cancel.load() || outbox.newest_find.load() != request.request;
  };
  try {
    if (const auto found =
            searchLatent(generator, latent, target, optionsOf(request), answer, stopped)) {
      answer(*found);
    }
  } catch (const std::exception& error) {
    FoundLatent failed;
    failed.request = request.request;
    failed.iterations = request.iterations;
    failed.step = step;
    failed.generation = generation;
    const auto* torch_error = dynamic_cast<const c10::Error*>(&error);
    failed.error = torch_error ? torch_error->what_without_backtrace() : error.what();
    outbox.found_latents.push(std::move(failed));
  }
}

}  // namespace ganscope
