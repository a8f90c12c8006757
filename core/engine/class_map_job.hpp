// The class map as a latent-worker job: RenderClassMap checked on the training thread, then
// computed on the worker's copy of the preview G with a copy of the run's classifier; the answer
// goes to the Session's LatentOutbox (Session::pollClassMap).
#pragma once
#include <memory>

#include "core/api/commands.hpp"
#include "core/engine/latent_outbox.hpp"

namespace ganscope {

class Trainer;

/// Answers `request` for `trainer`'s run (null: the run is being replaced): bad input, a run
/// without images or a classifier not ready yet are answered at once with ClassMap::error;
/// otherwise a job goes to the trainer's latent worker (slot ClassMap: a request still waiting
/// there is dropped unanswered), which classifies a copy of the preview G of this step and
/// leaves the map in `outbox`. `generation` stamps the answer. The training thread, between
/// steps.
void postClassMap(Trainer* trainer, const RenderClassMap& request, uint32_t generation,
                  const std::shared_ptr<LatentOutbox>& outbox);

}  // namespace ganscope
