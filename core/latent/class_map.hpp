// The class map's computation: the grid of z in the plane through three anchors and the image
// classifier's class of G(z) in each cell. A pure function of (G, classifier, anchors, side),
// so it runs on any thread with its own copies of the networks.
#pragma once
#include <torch/torch.h>

#include <atomic>
#include <optional>
#include <span>
#include <string>

#include "core/api/commands.hpp"
#include "core/api/telemetry/class_map.hpp"
#include "core/metrics/image_classifier.hpp"
#include "core/models/network.hpp"

namespace ganscope {

/// Why `request` cannot be answered for a run of `latent_dim` dimensions (a side outside
/// kMinClassMapSide..kMaxClassMapSide, anchors of the wrong size), naming the field and what
/// it allows; empty when it can.
std::string classMapRequestError(const RenderClassMap& request, int latent_dim);

/// The grid's latents [side * side, dim] (row j * side + i is cell (i, j)), computed in double
/// as (1 - u - v) A + u B + v C: the anchors' cells hold exactly A, B and C.
torch::Tensor classMapLatents(std::span<const float> a, std::span<const float> b,
                              std::span<const float> c, int side);

/// Latents classified per batch (the cancel flag is checked between batches).
inline constexpr int64_t kClassMapBatch = 256;

/// The class (the most likely of `classes`, ascending class ids) and its probability (softmax
/// over `classes`) of G(z) for each row of `latents`, with `generator` and `classifier` in eval
/// mode under InferenceMode. Fills `out`'s side, cell_class, confidence and classes; nullopt
/// when `cancel` turned true. Throws std::invalid_argument when G's output is not 784 pixels.
std::optional<ClassMap> classifyLatents(Network& generator, ImageClassifier& classifier,
                                        const torch::Tensor& latents, int side,
                                        std::span<const int> classes,
                                        const std::atomic<bool>* cancel = nullptr);

/// classMapLatents then classifyLatents for `request` (already checked: classMapRequestError).
std::optional<ClassMap> computeClassMap(Network& generator, ImageClassifier& classifier,
                                        const RenderClassMap& request, int latent_dim,
                                        std::span<const int> classes,
                                        const std::atomic<bool>* cancel = nullptr);

/// A copy of `classifier` (same options, parameters and buffers) in eval mode, for a thread
/// that must not share the module with the metrics worker.
ImageClassifier copyClassifier(ImageClassifier& classifier);

}  // namespace ganscope
