// placeLabels: sort by wanted height, push overlapping labels apart as clusters around their
// mean (the least total movement for equal labels), then clamp the stack into the extent.
#include "app/plot/label_placement.hpp"

#include <algorithm>
#include <numeric>

namespace ganscope::plot {

std::vector<float> placeLabels(std::span<const float> wanted, std::span<const float> heights,
                               float top, float bottom, float gap) {
  const size_t n = std::min(wanted.size(), heights.size());
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return wanted[a] < wanted[b]; });
  // Clusters of labels stacked without gaps beyond `gap`; each sits centred on the mean of its
  // labels' wanted middles. Merge a cluster into the previous one while they overlap.
  struct Cluster {
    size_t first, count;
    float height, offset_sum;  // stack height; sum of (wanted middle - middle's offset in stack)
    float topEdge() const { return offset_sum / static_cast<float>(count); }
  };
  std::vector<Cluster> clusters;
  for (size_t k = 0; k < n; ++k) {
    const size_t i = order[k];
    Cluster c{k, 1, heights[i], wanted[i] - heights[i] / 2};
    while (!clusters.empty() &&
           clusters.back().topEdge() + clusters.back().height + gap > c.topEdge()) {
      Cluster& prev = clusters.back();
      // The merged stack: prev's labels, then c's below them.
      const float shift = prev.height + gap;
      const Cluster merged{prev.first, prev.count + c.count, prev.height + gap + c.height,
                           prev.offset_sum + c.offset_sum - shift * static_cast<float>(c.count)};
      clusters.pop_back();
      c = merged;
    }
    clusters.push_back(c);
  }
  std::vector<float> tops(n);
  for (const Cluster& c : clusters) {
    float y = c.topEdge();
    for (size_t k = c.first; k < c.first + c.count; ++k) {
      tops[order[k]] = y;
      y += heights[order[k]] + gap;
    }
  }
  // Into [top, bottom]: push the stack up from the bottom, then down from the top (the top wins
  // when they do not all fit).
  float limit = bottom;
  for (size_t k = n; k-- > 0;) {
    const size_t i = order[k];
    tops[i] = std::min(tops[i], limit - heights[i]);
    limit = tops[i] - gap;
  }
  limit = top;
  for (size_t k = 0; k < n; ++k) {
    const size_t i = order[k];
    tops[i] = std::max(tops[i], limit);
    limit = tops[i] + heights[i] + gap;
  }
  return tops;
}

}  // namespace ganscope::plot
