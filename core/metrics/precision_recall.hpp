// Improved precision and recall (Kynkaanniemi et al. 2019): each set's manifold is the union of
// balls around its members with radius the distance to the member's k-th nearest neighbour.
#pragma once
#include <torch/torch.h>

namespace ganscope {

struct PrecisionRecallOptions {
  int k = 3;             ///< the neighbour whose distance is a member's radius (the paper's 3)
  int64_t batch = 1024;  ///< rows per block of pairwise distances (bounds the memory used)
};

struct PrecisionRecall {
  double precision = 0;  ///< share of fakes inside the real manifold
  double recall = 0;     ///< share of reals inside the fake manifold
};

/// For every row of `points` [n, F], the distance to its k-th nearest other row (n > k).
torch::Tensor kthNeighbourRadii(const torch::Tensor& points,
                                const PrecisionRecallOptions& options = {});

/// Share of rows of `queries` [m, F] within radii[i] of some row i of `members` [n, F].
double shareInside(const torch::Tensor& queries, const torch::Tensor& members,
                   const torch::Tensor& radii, const PrecisionRecallOptions& options = {});

/// Precision and recall of `fake` [m, F] against `real` [n, F] (both with more than k rows, the
/// same F; the paper uses equal sizes). Throws std::invalid_argument naming a bad shape.
PrecisionRecall precisionRecall(const torch::Tensor& real, const torch::Tensor& fake,
                                const PrecisionRecallOptions& options = {});

}  // namespace ganscope
