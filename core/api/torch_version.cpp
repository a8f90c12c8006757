// torchVersion(): the one place app/ learns which LibTorch runs the engine.
#include "core/api/torch_version.hpp"

namespace ganscope {

std::string torchVersion() {
  return TORCH_VERSION;
}

}  // namespace ganscope
