// The class map's grid of latents and its classification, batch by batch.
#include "core/latent/class_map.hpp"

#include <chrono>
#include <stdexcept>

namespace ganscope {
namespace {

/// Sets a module's eval mode for a scope and restores what it was.
class EvalScope {
 public:
  explicit EvalScope(torch::nn::Module& module) : module_(module), was_(module.is_training()) {
    module_.eval();
  }
  ~EvalScope() { module_.train(was_); }
  EvalScope(const EvalScope&) = delete;
  EvalScope& operator=(const EvalScope&) = delete;

 private:
  torch::nn::Module& module_;
  bool was_;
};

}  // namespace

std::string classMapRequestError(const RenderClassMap& request, int latent_dim) {
  if (request.side < kMinClassMapSide || request.side > kMaxClassMapSide) {
    return "RenderClassMap: side " + std::to_string(request.side) + "; give " +
           std::to_string(kMinClassMapSide) + " to " + std::to_string(kMaxClassMapSide) + " cells";
  }
  const size_t want = size_t{3} * static_cast<size_t>(latent_dim);
  if (request.anchors.size() != want) {
    return "RenderClassMap: anchors has " + std::to_string(request.anchors.size()) +
           " values; the three anchors A, B, C of " + std::to_string(latent_dim) +
           " dimensions need " + std::to_string(want);
  }
  return {};
}

torch::Tensor classMapLatents(std::span<const float> a, std::span<const float> b,
                              std::span<const float> c, int side) {
  if (b.size() != a.size() || c.size() != a.size() || side < 2) {
    throw std::invalid_argument("classMapLatents: anchors of " + std::to_string(a.size()) + ", " +
                                std::to_string(b.size()) + " and " + std::to_string(c.size()) +
                                " values and side " + std::to_string(side) +
                                "; give three of one size and a side of 2 or more");
  }
  const int64_t dim = static_cast<int64_t>(a.size());
  torch::Tensor out = torch::empty({int64_t{side} * side, dim});
  float* rows = out.data_ptr<float>();
  for (int j = 0; j < side; ++j) {
    const double v = classMapCoordinate(side, j);
    for (int i = 0; i < side; ++i) {
      const double u = classMapCoordinate(side, i), w = 1 - u - v;
      float* row = rows + (int64_t{j} * side + i) * dim;
      for (int64_t d = 0; d < dim; ++d) {
        row[d] = static_cast<float>(w * a[d] + u * b[d] + v * c[d]);
      }
    }
  }
  return out;
}

std::optional<ClassMap> classifyLatents(Network& generator, ImageClassifier& classifier,
                                        const torch::Tensor& latents, int side,
                                        std::span<const int> classes,
                                        const std::atomic<bool>* cancel) {
  const auto start = std::chrono::steady_clock::now();
  c10::InferenceMode inference;
  const EvalScope g_eval(generator), c_eval(*classifier);
  const int64_t n = latents.size(0);
  std::vector<int64_t> ids(classes.begin(), classes.end());
  const torch::Tensor among = torch::tensor(ids, torch::kLong);
  ClassMap out;
  out.side = side;
  out.classes.assign(classes.begin(), classes.end());
  out.cell_class.resize(static_cast<size_t>(n));
  out.confidence.resize(static_cast<size_t>(n));
  for (int64_t at = 0; at < n; at += kClassMapBatch) {
    if (cancel && cancel->load(std::memory_order_relaxed)) return std::nullopt;
    const int64_t count = std::min(kClassMapBatch, n - at);
    const torch::Tensor images = generator.forward(latents.narrow(0, at, count));
    if (images.dim() != 2 || images.size(1) != kImagePixels) {
      throw std::invalid_argument("class map: G's output is " + c10::str(images.sizes()) +
                                  "; it needs images of " + std::to_string(kImagePixels) +
                                  " pixels");
    }
    const torch::Tensor logits = classifier->logits(images).index_select(1, among);
    const auto [probability, index] = torch::softmax(logits, 1).max(1);
    const torch::Tensor p = probability.contiguous();
    const torch::Tensor k = index.contiguous();
    const float* pp = p.data_ptr<float>();
    const int64_t* kk = k.data_ptr<int64_t>();
    for (int64_t r = 0; r < count; ++r) {
      out.cell_class[static_cast<size_t>(at + r)] = static_cast<uint8_t>(ids[kk[r]]);
      out.confidence[static_cast<size_t>(at + r)] = pp[r];
    }
  }
  out.milliseconds =
      std::chrono::duration<float, std::milli>(std::chrono::steady_clock::now() - start).count();
  return out;
}

std::optional<ClassMap> computeClassMap(Network& generator, ImageClassifier& classifier,
                                        const RenderClassMap& request, int latent_dim,
                                        std::span<const int> classes,
                                        const std::atomic<bool>* cancel) {
  const auto start = std::chrono::steady_clock::now();
  const std::span<const float> all(request.anchors);
  const size_t dim = static_cast<size_t>(latent_dim);
  const torch::Tensor latents = classMapLatents(all.subspan(0, dim), all.subspan(dim, dim),
                                                all.subspan(2 * dim, dim), request.side);
  std::optional<ClassMap> out =
      classifyLatents(generator, classifier, latents, request.side, classes, cancel);
  if (!out) return out;
  out->request = request.request;
  out->milliseconds =
      std::chrono::duration<float, std::milli>(std::chrono::steady_clock::now() - start).count();
  return out;
}

ImageClassifier copyClassifier(ImageClassifier& classifier) {
  ImageClassifier copy(classifier->options());
  torch::NoGradGuard no_grad;
  const auto from_params = classifier->parameters(), to_params = copy->parameters();
  for (size_t i = 0; i < to_params.size(); ++i) to_params[i].copy_(from_params[i]);
  const auto from_buffers = classifier->buffers(), to_buffers = copy->buffers();
  for (size_t i = 0; i < to_buffers.size(); ++i) to_buffers[i].copy_(from_buffers[i]);
  copy->eval();
  return copy;
}

}  // namespace ganscope
