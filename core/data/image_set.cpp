// ImageSet loading: find the four files, read them with the IDX reader, keep the result for the
// next run on the same folder.
#include "core/data/image_set.hpp"

#include <sys/stat.h>

#include <mutex>
#include <vector>

#include "common/file_error.hpp"
#include "common/idx_file.hpp"
#include "core/api/config.hpp"

namespace ganscope {
namespace {

/// The path of `name` or `name`.gz in `folder`, with its size and time; throws FileError.
struct FoundFile {
  std::string path;
  int64_t size = 0;
  int64_t mtime_ns = 0;
  bool operator==(const FoundFile&) const = default;
};

FoundFile findFile(const std::string& folder, const char* name) {
  for (const std::string& candidate : {folder + "/" + name, folder + "/" + name + ".gz"}) {
    struct stat info {};
    if (::stat(candidate.c_str(), &info) == 0 && S_ISREG(info.st_mode)) {
      return {candidate, static_cast<int64_t>(info.st_size),
              static_cast<int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec};
    }
  }
  throw FileError(folder, std::string("has no ") + name + " (nor " + name +
                              ".gz); an image folder holds " + kTrainImagesFile + ", " +
                              kTrainLabelsFile + ", " + kTestImagesFile + " and " +
                              kTestLabelsFile + ", raw or .gz (the MNIST file format)");
}

std::vector<FoundFile> findFiles(const std::string& folder) {
  struct stat info {};
  if (::stat(folder.c_str(), &info) != 0) {
    throw FileError(folder,
                    "no such folder (data.kind \"images\" reads MNIST-format files from "
                    "data.path; Debian's Fashion-MNIST is in " +
                        std::string(kDefaultImageFolder) + ")");
  }
  if (!S_ISDIR(info.st_mode)) {
    throw FileError(folder, std::string("is ") + fileKindName(info.st_mode) + ", not a folder");
  }
  return {findFile(folder, kTrainImagesFile), findFile(folder, kTrainLabelsFile),
          findFile(folder, kTestImagesFile), findFile(folder, kTestLabelsFile)};
}

/// Images [n, 784] and labels [n] as tensors that own copies of the bytes.
std::pair<torch::Tensor, torch::Tensor> readPair(const FoundFile& images, const FoundFile& labels) {
  LabelledImages read = readLabelledImages(images.path, labels.path, kMaxImageClasses);
  const auto& dims = read.images.dims;
  if (dims[1] != kImageSide || dims[2] != kImageSide) {
    throw FileError(images.path, "images are " + std::to_string(dims[1]) + " x " +
                                     std::to_string(dims[2]) + "; ganscope's image models take " +
                                     std::to_string(kImageSide) + " x " +
                                     std::to_string(kImageSide));
  }
  const int64_t n = dims[0];
  torch::Tensor pixels = torch::empty({n, kImagePixels}, torch::kUInt8);
  std::memcpy(pixels.data_ptr(), read.images.data.data(), read.images.data.size());
  torch::Tensor classes = torch::from_blob(read.labels.data(), {n}, torch::kUInt8).to(torch::kLong);
  return {pixels, classes};
}

struct Loaded {
  std::vector<FoundFile> files;
  std::shared_ptr<const ImageSet> set;
};

}  // namespace

std::shared_ptr<const ImageSet> loadImageSet(const std::string& folder) {
  // The last two folders stay loaded (a run and the one compared with it, say).
  static std::mutex mutex;
  static std::vector<std::pair<std::string, Loaded>> loaded;
  const std::vector<FoundFile> files = findFiles(folder);
  {
    std::lock_guard lock(mutex);
    for (const auto& [name, entry] : loaded) {
      if (name == folder && entry.files == files) return entry.set;
    }
  }
  auto set = std::make_shared<ImageSet>();
  set->folder = folder;
  std::tie(set->train_images, set->train_labels) = readPair(files[0], files[1]);
  std::tie(set->test_images, set->test_labels) = readPair(files[2], files[3]);
  std::lock_guard lock(mutex);
  std::erase_if(loaded, [&](const auto& entry) { return entry.first == folder; });
  loaded.insert(loaded.begin(), {folder, Loaded{files, set}});
  if (loaded.size() > 2) loaded.pop_back();
  return set;
}

}  // namespace ganscope
