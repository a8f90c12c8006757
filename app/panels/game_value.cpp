// The game's value as the headlines print it: what -(D's loss) means depends on the loss.
#include <cmath>
#include <cstdio>

#include "app/panels/panels.hpp"

namespace ganscope {

GameValueText gameValueParts(float value, LossKind loss) {
  char text[64];
  if (outputIsProbability(loss)) {
    std::snprintf(text, sizeof(text), "V(D,G) = %.3f", value);
    char optimum[64];
    std::snprintf(optimum, sizeof(optimum), "(at the optimum: -log 4 = %.3f)", -std::log(4.0));
    return {text, optimum};
  }
  if (loss == LossKind::WganClip || loss == LossKind::WganGp) {
    std::snprintf(text, sizeof(text), "Wasserstein estimate = %.3f", value);
  } else {
    std::snprintf(text, sizeof(text), "-(D's loss) = %.3f", value);
  }
  return {text, ""};
}

std::string gameValueText(float value, LossKind loss) {
  const GameValueText parts = gameValueParts(value, loss);
  return parts.optimum.empty() ? parts.value : parts.value + "  " + parts.optimum;
}

}  // namespace ganscope
