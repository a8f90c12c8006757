// The latent explorer's direction sliders of one run: the newest set of GANSpace directions the
// run sent (Session::pollDirections) and a slider value per slot, in the slot's standard
// deviations; the values survive a recomputation in the same basis. Torch-free, unit-tested.
#pragma once
#include <cstdint>
#include <memory>
#include <vector>

#include "core/api/telemetry/latent_directions.hpp"

namespace ganscope {

inline constexpr float kDirectionSliderRange = 3;  ///< a direction slider runs over +-3 stddev
/// A slot whose |cos| to the previous set's falls below this is flagged: its direction turned
/// (about 37 degrees or more) and the slider no longer means what it meant.
inline constexpr float kTurnedSimilarity = 0.8f;

class ExplorerDirections {
 public:
  /// Takes a set polled from the run. A set continuing the shown one's basis (the same run
  /// generation and `basis`) keeps the slider values (slot i kept its meaning); any other set
  /// starts every slider at 0.
  void receive(const LatentDirections& set);
  /// Forgets the set and the values unless the set is of run generation `generation` (a reset
  /// or a loaded run: the old G's directions mean nothing for the new one).
  void forget(uint32_t generation);
  /// Forgets the set and the values (switched off).
  void clear();
  /// The newest set, or nullptr.
  const LatentDirections* set() const { return set_.get(); }
  /// The slider values, one per slot of set() (empty without a set), each in
  /// [-kDirectionSliderRange, kDirectionSliderRange].
  std::vector<float>& values() { return values_; }
  const std::vector<float>& values() const { return values_; }
  /// What the sliders add to a latent of `dim` values: the sum over slots of value[i] *
  /// slider_unit[i] * direction[i]. Empty when every value is 0, there is no set or the set is
  /// for another latent size: the plain path.
  std::vector<float> offset(int dim) const;

  /// The direction count this run was last sent (SetLatentDirections::count; -1: nothing sent
  /// yet, so the run has them off).
  int sent_count = -1;

 private:
  std::unique_ptr<LatentDirections> set_;
  std::vector<float> values_;
};

}  // namespace ganscope
