// ClassMap: the built-in image classifier's class of G(z) over a side x side grid of z in the
// plane through three anchors A, B, C (RenderClassMap's answer, Session::pollClassMap), and the
// grid's geometry, which the window needs to place the anchors and name a cell's (u, v).
#pragma once
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace ganscope {

inline constexpr int kMinClassMapSide = 8;       ///< the fewest cells a side
inline constexpr int kMaxClassMapSide = 64;      ///< the most cells a side
inline constexpr int kDefaultClassMapSide = 32;  ///< the window's default

/// The cell index where u = 0 (and v = 0): side / 6 rounded, so the anchors sit inside the map
/// with a margin of about a sixth of it on every side: u and v run over [-0.2, 1.2] at 8 cells,
/// [-0.24, 1.24] at 32 and [-0.27, 1.27] at 64 (at most [-0.5, 1.5], at 9).
inline int classMapAnchorLow(int side) {
  return (side + 3) / 6;
}
/// The cell index where u = 1 (and v = 1): the low one mirrored.
inline int classMapAnchorHigh(int side) {
  return side - 1 - classMapAnchorLow(side);
}
/// The plane coordinate (u or v) of cell index `i` along a side: 0 exactly at
/// classMapAnchorLow, 1 exactly at classMapAnchorHigh, evenly spaced.
inline double classMapCoordinate(int side, int i) {
  const int lo = classMapAnchorLow(side), hi = classMapAnchorHigh(side);
  return static_cast<double>(i - lo) / static_cast<double>(hi - lo);
}

/// The answer to a RenderClassMap. Cell (column i, row j) is index j * side + i; it holds the
/// class of G(z(u_i, v_j)) with z(u, v) = A + u (B - A) + v (C - A) and u_i =
/// classMapCoordinate(side, i) (v_j likewise). So A is at (lo, lo), B at (hi, lo), C at (lo, hi)
/// with lo, hi = classMapAnchorLow/High(side).
struct ClassMap {
  uint64_t request = 0;     ///< the request answered
  std::string error;        ///< why it failed (bad input, not an image run); empty on success
  int64_t step = -1;        ///< the training step of the G classified
  uint32_t generation = 0;  ///< the run generation of that G (SessionStatus::generation)
  int side = 0;             ///< cells a side
  /// Per cell: the class id (the dataset's label, e.g. 0 = T-shirt/top ... 9 = Ankle boot),
  /// the most likely of the run's classes.
  std::vector<uint8_t> cell_class;
  /// Per cell: the classifier's probability of that class (softmax over the run's classes).
  std::vector<float> confidence;
  std::vector<int> classes;  ///< the run's classes (ascending): those a cell can hold
  float milliseconds = 0;    ///< what computing it took (G and the classifier), off the trainer
};

}  // namespace ganscope
