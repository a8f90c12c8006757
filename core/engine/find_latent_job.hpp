// FindLatent's job for the latent worker: the search on the worker's copy of the preview G,
// its answers (progress, then the final one) put in the LatentOutbox the UI polls, and the
// check of a request before it is posted.
#pragma once
#include <atomic>
#include <cstdint>
#include <optional>

#include "core/api/commands.hpp"
#include "core/api/config.hpp"
#include "core/api/telemetry/found_latent.hpp"
#include "core/engine/latent_outbox.hpp"
#include "core/models/network.hpp"

namespace ganscope {

/// The answer refusing `request` for a G of `data_dim` outputs (the field and what is allowed in
/// its error), or nullopt when it can run.
std::optional<FoundLatent> refuseFindLatent(const FindLatent& request, int data_dim);

/// Searches `request` on `generator` (the worker's copy of the preview G at `step` of run
/// `generation`), pushing a FoundLatent to outbox.found_latents every request.report_every
/// iterations and a final one. Stops without a final answer when `cancel` turns true or a newer
/// request is outbox.newest_find.
void runFindLatent(Network& generator, const LatentConfig& latent, const FindLatent& request,
                   int64_t step, uint32_t generation, LatentOutbox& outbox,
                   const std::atomic<bool>& cancel);

}  // namespace ganscope
