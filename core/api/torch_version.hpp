// The LibTorch version the engine was built against, for --version and the status bar.
#pragma once
#include <string>

namespace ganscope {

/// The LibTorch version compiled against, e.g. "1.13.1".
std::string torchVersion();

}  // namespace ganscope
