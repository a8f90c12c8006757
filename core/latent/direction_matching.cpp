// The exact assignment by dynamic programming over the subsets of new directions already used:
// best[used] is the largest total |cos| of the first popcount(used) slots filled from `used`.
#include "core/latent/direction_matching.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>

namespace ganscope {
namespace {

double dot(const float* a, const float* b, int dim) {
  double sum = 0;
  for (int i = 0; i < dim; ++i) sum += double(a[i]) * b[i];
  return sum;
}

}  // namespace

DirectionMatch matchDirections(std::span<const float> previous, std::span<const float> next,
                               int count, int dim) {
  if (count < 1 || count > kMaxMatchedDirections) {
    throw std::invalid_argument("direction matching: " + std::to_string(count) +
                                " directions; give 1 to " + std::to_string(kMaxMatchedDirections));
  }
  const size_t size = size_t(count) * size_t(std::max(dim, 0));
  if (dim < 1 || previous.size() != size || next.size() != size) {
    throw std::invalid_argument("direction matching: " + std::to_string(previous.size()) +
                                " previous and " + std::to_string(next.size()) + " new values; " +
                                std::to_string(count) + " directions of " + std::to_string(dim) +
                                " dimensions need " + std::to_string(size) + " each");
  }
  // cosine[s][j]: previous slot s against new direction j.
  std::vector<double> cosine(size_t(count) * count);
  for (int s = 0; s < count; ++s) {
    const float* p = previous.data() + size_t(s) * dim;
    for (int j = 0; j < count; ++j) {
      const float* q = next.data() + size_t(j) * dim;
      const double norms = std::sqrt(dot(p, p, dim) * dot(q, q, dim));
      cosine[size_t(s) * count + j] = norms > 0 ? dot(p, q, dim) / norms : 0;
    }
  }
  const uint32_t subsets = 1u << count;
  std::vector<double> best(subsets, -std::numeric_limits<double>::infinity());
  std::vector<int8_t> last(subsets, -1);  // the new direction that slot popcount - 1 took
  best[0] = 0;
  for (uint32_t used = 0; used < subsets; ++used) {
    const int slot = std::popcount(used);
    if (slot == count || best[used] == -std::numeric_limits<double>::infinity()) continue;
    for (int j = 0; j < count; ++j) {
      if (used & (1u << j)) continue;
      const uint32_t with = used | (1u << j);
      const double total = best[used] + std::abs(cosine[size_t(slot) * count + j]);
      if (total > best[with]) {
        best[with] = total;
        last[with] = int8_t(j);
      }
    }
  }
  DirectionMatch match;
  match.source.resize(count);
  match.sign.resize(count);
  match.similarity.resize(count);
  uint32_t used = subsets - 1;
  for (int slot = count - 1; slot >= 0; --slot) {
    const int j = last[used];
    const double c = cosine[size_t(slot) * count + j];
    match.source[slot] = j;
    match.sign[slot] = c < 0 ? -1.0f : 1.0f;
    match.similarity[slot] = float(std::abs(c));
    used &= ~(1u << j);
  }
  return match;
}

std::vector<float> applyMatch(const DirectionMatch& match, std::span<const float> next, int dim) {
  const int count = static_cast<int>(match.source.size());
  if (next.size() != size_t(count) * size_t(dim)) {
    throw std::invalid_argument("direction matching: " + std::to_string(next.size()) +
                                " values for " + std::to_string(count) + " directions of " +
                                std::to_string(dim) + " dimensions");
  }
  std::vector<float> out(next.size());
  for (int s = 0; s < count; ++s) {
    const float* from = next.data() + size_t(match.source[s]) * dim;
    for (int i = 0; i < dim; ++i) out[size_t(s) * dim + i] = match.sign[s] * from[i];
  }
  return out;
}

}  // namespace ganscope
