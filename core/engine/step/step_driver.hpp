// runStep: one training step of a GanState with a StepEngine, composed as Trainer::step does it
// (k D updates and one G update, or the unrolled look-ahead), then the step counted. A step can
// stop between two updates when asked to, and continue later from where it stopped.
#pragma once
#include <atomic>

#include "core/api/commands.hpp"
#include "core/engine/gan_state.hpp"
#include "core/engine/step/step_engine.hpp"

namespace ganscope {

/// How far a step has got: a step interrupted between two updates continues from here, so the
/// updates it makes are exactly those of an uninterrupted step.
struct StepProgress {
  bool started = false;  ///< a step is under way (some of its updates may be done)
  StepTarget target = StepTarget::Both;
  int d_done = 0;                ///< D updates done of the step's k
  bool lookahead_saved = false;  ///< the unrolled G update saved D (d_opt->save()) to return to
  int lookahead_done = 0;        ///< look-ahead D updates done of the unrolled G update
  StepStats kept;                ///< the stats the unrolled G update restores after its look-ahead
};

/// Runs one step of `target` (Both: k D updates and one G update) with `engine` and counts it.
/// With hyper.unrolled_steps > 0 the G update is the unrolled one. Records the gradient norms of
/// the last D update and of the G update (from the flat gradient buffers, the same for every
/// engine). Values that `target` did not touch keep their previous figures. When `cancel` becomes true the step stops before its next
/// update and returns false, with `progress` saying where it stopped; the next call continues
/// that step (its own target, whatever `target` says). Returns true when the step completed.
bool runStep(StepEngine& engine, GanState& state, StepTarget target, StepProgress& progress,
             const std::atomic<bool>* cancel = nullptr);

/// runStep without interruption; returns the stats.
StepStats runStep(StepEngine& engine, GanState& state, StepTarget target);

}  // namespace ganscope
