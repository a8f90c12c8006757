// The game's value as the headlines print it: what -(D's loss) means depends on the loss.
#include <cmath>

#include "app/i18n/strings.hpp"
#include "app/panels/panels.hpp"

namespace ganscope {

std::string gameValueText(float value, LossKind loss) {
  if (outputIsProbability(loss)) return i18n::trf("game_value.paper", value, -std::log(4.0));
  if (loss == LossKind::WganClip || loss == LossKind::WganGp) {
    return i18n::trf("game_value.wasserstein", value);
  }
  return i18n::trf("game_value.other", value);
}

}  // namespace ganscope
