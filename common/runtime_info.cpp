// Runtime facts for --version and the status bar: the BLAS library the process loaded (LibTorch
// calls whatever libblas.so.3 Debian's alternatives select).
#include <dlfcn.h>
#include <link.h>

#include <climits>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>

#include "common/runtime_info.hpp"

namespace ganscope {
namespace {

int collectBlasPath(dl_phdr_info* info, size_t, void* data) {
  const std::string name = info->dlpi_name ? info->dlpi_name : "";
  if (name.find("libblas.so") != std::string::npos ||
      name.find("libopenblas") != std::string::npos) {
    auto* path = static_cast<std::string*>(data);
    if (path->empty() || name.find("libblas.so") != std::string::npos) *path = name;
  }
  return 0;
}

}  // namespace

void setBlasThreads(int threads) {
  using SetThreadsFn = void (*)(int);
  if (auto set = reinterpret_cast<SetThreadsFn>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"))) {
    set(threads);
  }
}

std::string blasDescription() {
  std::string loaded;
  dl_iterate_phdr(collectBlasPath, &loaded);
  if (loaded.empty()) return "no BLAS library loaded";
  char resolved[PATH_MAX];
  const std::string path = realpath(loaded.c_str(), resolved) ? resolved : loaded;
  const std::string variant = std::filesystem::path(path).parent_path().filename();
  using ConfigFn = const char* (*)();
  if (auto config = reinterpret_cast<ConfigFn>(dlsym(RTLD_DEFAULT, "openblas_get_config"))) {
    // "OpenBLAS 0.3.21 NO_LAPACKE DYNAMIC_ARCH ..." -> "OpenBLAS 0.3.21"
    std::istringstream words(config());
    std::string name, version;
    words >> name >> version;
    return name + " " + version + " (" + variant + ")";
  }
  if (variant == "blas") return "reference BLAS, 10-20x slower: install libopenblas0-pthread";
  return path;
}

}  // namespace ganscope
