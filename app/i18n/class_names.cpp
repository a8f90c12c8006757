// Class names from the string tables (keys classes.fashion_0 ... classes.fashion_9).
#include "app/i18n/class_names.hpp"

#include "app/i18n/strings.hpp"

namespace ganscope::i18n {

std::string className(int index, bool fashion) {
  if (!fashion || index < 0 || index > 9) return std::to_string(index);
  static constexpr const char* kKeys[] = {
      "classes.fashion_0", "classes.fashion_1", "classes.fashion_2", "classes.fashion_3",
      "classes.fashion_4", "classes.fashion_5", "classes.fashion_6", "classes.fashion_7",
      "classes.fashion_8", "classes.fashion_9"};
  return tr(kKeys[index]);
}

}  // namespace ganscope::i18n
