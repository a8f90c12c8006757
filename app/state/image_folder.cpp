// Image folders: std::filesystem looks, with error codes (a bad path is an answer, not a throw).
#include "app/state/image_folder.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace ganscope {

ImageFolderCheck checkImageFolder(const std::string& folder) {
  namespace fs = std::filesystem;
  ImageFolderCheck check;
  std::error_code error;
  check.is_folder = !folder.empty() && fs::is_directory(folder, error);
  for (const char* name : kImageFolderFiles) {
    const fs::path raw = fs::path(folder) / name;
    const fs::path gz = fs::path(folder) / (std::string(name) + ".gz");
    if (!check.is_folder || !(fs::is_regular_file(raw, error) || fs::is_regular_file(gz, error))) {
      check.missing.emplace_back(name);
    }
  }
  return check;
}

std::string imageFolderFileList() {
  std::string list;
  for (const char* name : kImageFolderFiles) list += (list.empty() ? "" : ", ") + std::string(name);
  return list;
}

bool isFashionMnistFolder(const std::string& folder) {
  std::string name = std::filesystem::path(folder).lexically_normal().filename().string();
  if (name.empty())
    name = std::filesystem::path(folder).lexically_normal().parent_path().filename().string();
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return name.find("fashion") != std::string::npos;
}

}  // namespace ganscope
