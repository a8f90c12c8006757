// Divergence reasons looked up by their stable names.
#include "app/i18n/divergence_text.hpp"

#include "app/i18n/strings.hpp"

namespace ganscope::i18n {

std::string divergenceText(Divergence why, int64_t step) {
  if (why == Divergence::None) return {};
  return trf(std::string("divergence.") + toString(why), static_cast<long long>(step));
}

}  // namespace ganscope::i18n
