// The names of an image dataset's classes in the window's language: Fashion-MNIST's ten
// (T-shirt/top ... Ankle boot), the digits otherwise.
#pragma once
#include <string>

namespace ganscope::i18n {

/// Class `index`'s name (0-9): Fashion-MNIST's when `fashion`, else the digit itself.
std::string className(int index, bool fashion);

}  // namespace ganscope::i18n
