// Matching a new set of directions to the previous one, so a slider keeps its meaning while G
// trains: the assignment that maximises the total |cosine| (exact, over every permutation, by
// dynamic programming on subsets: at most 16 directions), then each sign fixed to agree.
// Torch-free: plain rows of floats.
#pragma once
#include <span>
#include <vector>

namespace ganscope {

/// Directions a match can take: 2^16 subsets keep the exact assignment to about a millisecond.
inline constexpr int kMaxMatchedDirections = 16;

/// Which new direction fills each slot of the previous set, and how.
struct DirectionMatch {
  std::vector<int> source;        ///< slot s takes new direction source[s]
  std::vector<float> sign;        ///< +1 or -1: slot s takes sign[s] * that direction
  std::vector<float> similarity;  ///< |cos| between slot s's previous and new direction
};

/// The optimal assignment of `next` to `previous` (each `count` rows of `dim` floats, rows of
/// any nonzero length), maximising the sum of |cos| over the slots (ties: a fixed order), with
/// the sign that makes each cosine >= 0. Throws std::invalid_argument naming a count outside
/// 1..kMaxMatchedDirections or spans of the wrong size.
DirectionMatch matchDirections(std::span<const float> previous, std::span<const float> next,
                               int count, int dim);

/// `next`'s rows reordered and signed as `match` says: row s of the result is
/// match.sign[s] * next row match.source[s].
std::vector<float> applyMatch(const DirectionMatch& match, std::span<const float> next, int dim);

}  // namespace ganscope
