// What the window knows about an image folder before a run loads it: whether the MNIST-format
// files are there (so a bad data.path is a red line naming the files, never a failed reset), and
// whether it is Fashion-MNIST (whose classes have names).
#pragma once
#include <string>
#include <vector>

namespace ganscope {

/// The files an image folder holds (each raw or with ".gz"): the training images and labels,
/// and the test set the class-coverage metrics use.
inline constexpr const char* kImageFolderFiles[] = {
    "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
    "t10k-labels-idx1-ubyte"};

struct ImageFolderCheck {
  bool is_folder = false;            ///< the path names an existing folder
  std::vector<std::string> missing;  ///< kImageFolderFiles found neither raw nor as .gz
  bool ok() const { return is_folder && missing.empty(); }
};

/// Looks at `folder` (never throws: an unreadable path is "not a folder").
ImageFolderCheck checkImageFolder(const std::string& folder);

/// The expected file names, comma-separated, for messages.
std::string imageFolderFileList();

/// True when `folder` is Fashion-MNIST's: its last path component contains "fashion" (any
/// case), as Debian's /usr/share/datasets/fashion-mnist does.
bool isFashionMnistFolder(const std::string& folder);

}  // namespace ganscope
