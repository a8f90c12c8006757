// k-NN radii and manifold membership by blocks of pairwise distances (float64).
#include "core/metrics/precision_recall.hpp"

#include <stdexcept>
#include <string>

namespace ganscope {
namespace {

void checkPoints(const torch::Tensor& points, const char* name,
                 const PrecisionRecallOptions& options) {
  if (options.k < 1 || options.batch < 1) {
    throw std::invalid_argument("precision/recall: k (" + std::to_string(options.k) +
                                ") and batch (" + std::to_string(options.batch) +
                                ") must be at least 1");
  }
  if (points.dim() != 2 || points.size(0) <= options.k) {
    throw std::invalid_argument(std::string("precision/recall: ") + name +
                                " must be [n, F] with n > k = " + std::to_string(options.k) +
                                ", got " + c10::str(points.sizes()));
  }
}

}  // namespace

torch::Tensor kthNeighbourRadii(const torch::Tensor& points,
                                const PrecisionRecallOptions& options) {
  checkPoints(points, "points", options);
  torch::NoGradGuard no_grad;
  const torch::Tensor x = points.to(torch::kFloat64);
  std::vector<torch::Tensor> radii;
  for (int64_t start = 0; start < x.size(0); start += options.batch) {
    const torch::Tensor block = x.narrow(0, start, std::min(options.batch, x.size(0) - start));
    // The k + 1 smallest include the row itself at distance 0.
    const torch::Tensor d = torch::cdist(block, x);
    radii.push_back(std::get<0>(d.topk(options.k + 1, 1, /*largest=*/false)).select(1, options.k));
  }
  return torch::cat(radii);
}

double shareInside(const torch::Tensor& queries, const torch::Tensor& members,
                   const torch::Tensor& radii, const PrecisionRecallOptions& options) {
  if (queries.dim() != 2 || members.dim() != 2 || queries.size(1) != members.size(1) ||
      radii.dim() != 1 || radii.size(0) != members.size(0) || queries.size(0) < 1) {
    throw std::invalid_argument("precision/recall: queries " + c10::str(queries.sizes()) +
                                ", members " + c10::str(members.sizes()) + " and radii " +
                                c10::str(radii.sizes()) + " do not fit ([m, F], [n, F], [n])");
  }
  torch::NoGradGuard no_grad;
  const torch::Tensor q = queries.to(torch::kFloat64);
  const torch::Tensor m = members.to(torch::kFloat64);
  const torch::Tensor r = radii.to(torch::kFloat64).unsqueeze(0);
  int64_t inside = 0;
  for (int64_t start = 0; start < q.size(0); start += options.batch) {
    const torch::Tensor block = q.narrow(0, start, std::min(options.batch, q.size(0) - start));
    inside += (torch::cdist(block, m) <= r).any(1).sum().item<int64_t>();
  }
  return static_cast<double>(inside) / static_cast<double>(q.size(0));
}

PrecisionRecall precisionRecall(const torch::Tensor& real, const torch::Tensor& fake,
                                const PrecisionRecallOptions& options) {
  checkPoints(real, "real", options);
  checkPoints(fake, "fake", options);
  if (real.size(1) != fake.size(1)) {
    throw std::invalid_argument("precision/recall: real " + c10::str(real.sizes()) + " and fake " +
                                c10::str(fake.sizes()) + " have different feature sizes");
  }
  PrecisionRecall out;
  out.precision = shareInside(fake, real, kthNeighbourRadii(real, options), options);
  out.recall = shareInside(real, fake, kthNeighbourRadii(fake, options), options);
  return out;
}

}  // namespace ganscope
