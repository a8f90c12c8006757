// The game's value as the headlines print it: what -(D's loss) means depends on the loss.
#include <cmath>

#include "app/i18n/strings.hpp"
#include "app/panels/panels.hpp"

namespace ganscope {

GameValueText gameValueParts(float value, LossKind loss) {
  if (outputIsProbability(loss)) {
    return {i18n::trf("game_value.value", value), i18n::trf("game_value.optimum", -std::log(4.0))};
  }
  if (loss == LossKind::WganClip || loss == LossKind::WganGp) {
    return {i18n::trf("game_value.wasserstein", value), ""};
  }
  return {i18n::trf("game_value.other", value), ""};
}

std::string gameValueText(float value, LossKind loss) {
  const GameValueText parts = gameValueParts(value, loss);
  return parts.optimum.empty() ? parts.value : parts.value + "  " + parts.optimum;
}

}  // namespace ganscope
