// FastEngine: the training updates of the plain MLPs (MlpPass) and of the source material's MLP
// GAN (MlpGanPass) with hand-written forward and backward passes into reused buffers; no
// autograd graph, except for the gradient penalties. On networks this small the graph's
// bookkeeping, not the arithmetic, is most of a step's cost.
#pragma once
#include <memory>

#include "core/engine/step/step_engine.hpp"
#include "core/models/network_pass.hpp"

namespace ganscope {

/// D and G updates of `state`'s networks (plain MLPs or the MLP GAN): one joint forward of D
/// over the real and fake rows (neither D has batch statistics), loss gradients from
/// core/losses, the FlatOptimizers. G runs in train mode in both updates, as in the autograd
/// engine (an MLP GAN's BatchNorm statistics move in each). Call it inside c10::InferenceMode:
/// the passes write their results themselves.
class FastEngine : public StepEngine {
 public:
  /// Binds the passes to `state`'s networks (which must outlive this engine); throws
  /// std::invalid_argument for a network with no hand-written pass (the DCGAN).
  explicit FastEngine(GanState& state);
  void discriminatorStep(GanState& state) override;
  void generatorStep(GanState& state) override;

 private:
  /// Reallocates the batch buffers when the batch size has changed.
  void fitBatch(const GanState& state);

  std::unique_ptr<NetworkPass> g_pass_, d_pass_;
  // Per-batch buffers. B is the batch size (rows D judges per group), m the pack: each group
  // has m B samples.
  torch::Tensor z_;           ///< [mB, latent dim] latent batch
  torch::Tensor samples_;     ///< [2mB, data dim]: real samples, then G's samples
  torch::Tensor rows_;        ///< [2B, D's input width]: D's input (samples_ itself unpacked)
  torch::Tensor fake_rows_;   ///< [B, D's input width]: G's batch as D sees it in G's update
  torch::Tensor fake_grad_;   ///< [mB, data dim]: dloss/dsample in G's update
  torch::Tensor logit_grad_;  ///< [2B, 1]: dloss/dlogit for D's batch (first B rows for G's)
  torch::Tensor noise_ = torch::empty({0});       ///< instance noise
  torch::Tensor noisy_fake_ = torch::empty({0});  ///< G's batch plus noise, as D sees it
};

}  // namespace ganscope
