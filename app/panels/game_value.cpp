// The game's value as the headlines print it: what -(D's loss) means depends on the loss.
#include <cmath>
#include <cstdio>

#include "app/panels/panels.hpp"

namespace ganscope {

std::string gameValueText(float value, LossKind loss) {
  char text[96];
  if (outputIsProbability(loss)) {
    std::snprintf(text, sizeof(text), "V(D,G) = %.3f  (at the optimum: -log 4 = %.3f)", value,
                  -std::log(4.0));
  } else if (loss == LossKind::WganClip || loss == LossKind::WganGp) {
    std::snprintf(text, sizeof(text), "Wasserstein estimate = %.3f", value);
  } else {
    std::snprintf(text, sizeof(text), "-(D's loss) = %.3f", value);
  }
  return text;
}

}  // namespace ganscope
