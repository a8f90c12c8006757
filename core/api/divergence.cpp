// Divergence: the reasons in words.
#include "core/api/divergence.hpp"

namespace ganscope {

std::string describeDivergence(Divergence why, int64_t step) {
  const std::string at = " at step " + std::to_string(step);
  switch (why) {
    case Divergence::None:
      return "";
    case Divergence::NotFinite:
      return "a loss or weight became NaN/Inf" + at;
    case Divergence::LossBlowUp:
      return "losses beyond 1e6" + at;
    case Divergence::WeightBlowUp:
      return "weights beyond 1e6" + at;
  }
  return "";
}

const char* toString(Divergence why) {
  switch (why) {
    case Divergence::None:
      return "";
    case Divergence::NotFinite:
      return "not_finite";
    case Divergence::LossBlowUp:
      return "loss_blow_up";
    case Divergence::WeightBlowUp:
      return "weight_blow_up";
  }
  return "";
}

}  // namespace ganscope
