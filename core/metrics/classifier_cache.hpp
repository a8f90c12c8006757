// The image classifier, trained once and cached: a checksummed file per dataset and settings
// under the cache folder (default $XDG_CACHE_HOME/ganscope), reused when it checks out in every
// byte, retrained and rewritten when it is missing, corrupt, truncated or from other settings.
#pragma once
#include <atomic>
#include <string>
#include <string_view>

#include "core/metrics/classifier_training.hpp"
#include "core/metrics/image_classifier.hpp"

namespace ganscope {

/// Everything a cached classifier depends on besides its data.
struct ClassifierSettings {
  ImageClassifierOptions model;
  ClassifierTrainOptions training;
};

/// The largest classifier cache file read (the default one is under 2 MB).
inline constexpr size_t kMaxClassifierCacheBytes = size_t{64} << 20;

/// $XDG_CACHE_HOME/ganscope when XDG_CACHE_HOME is an absolute path (the XDG rule), else
/// $HOME/.cache/ganscope. Throws FileError when neither variable is usable.
std::string defaultCacheDir();

/// The cache file's key: crc32 of the training and test images and labels, then crc32 of the
/// settings (and the file format), as "xxxxxxxx-xxxxxxxx".
std::string classifierCacheKey(const LabelledTensors& train, const LabelledTensors& test,
                               const ClassifierSettings& settings = {});

/// The cache file's bytes: magic, version, payload size, crc32 of the payload; the payload holds
/// the settings, `key`, the test accuracy and every parameter under its name with its shape.
std::string encodeClassifier(ImageClassifier& model, double accuracy, const std::string& key,
                             const ClassifierSettings& settings);

/// A classifier read back, with the test accuracy stored beside it.
struct CachedClassifier {
  ImageClassifier model{nullptr};
  double accuracy = 0;
};

/// Decodes encodeClassifier's bytes; `source` names them in errors. Throws FormatError for
/// bytes that are truncated, corrupted (checksum), of another version, key or settings, or whose
/// tensors' names, element types or shapes are not the settings' architecture.
CachedClassifier decodeClassifier(std::string_view bytes, const std::string& source,
                                  const std::string& key, const ClassifierSettings& settings);

/// What loadOrTrain returns.
struct LoadedClassifier {
  ImageClassifier model{nullptr};  ///< in eval mode
  double accuracy = 0;             ///< on the test images
  bool from_cache = false;         ///< read from the cache file (else trained now)
  std::string key;                 ///< classifierCacheKey of the data and settings
  std::string cache_path;          ///< cache_dir/classifier-<key>.bin
  std::string note;  ///< why the cache was not read or not written; empty when all went well
                     ///< or no cache existed yet
};

/// Reads the classifier for `train`, `test` and `settings` from `cache_dir`, or trains it on
/// `train` (reporting `progress`, cancelled by `*cancel`: ClassifierCancelled), measures its
/// accuracy on `test` and writes the cache file atomically. Creates `cache_dir` if missing; throws
/// FileError if it exists and is not a folder or cannot be created. A cache that cannot be
/// written is noted, not fatal.
LoadedClassifier loadOrTrain(const LabelledTensors& train, const LabelledTensors& test,
                             const std::string& cache_dir, const ClassifierProgress& progress = {},
                             const std::atomic<bool>* cancel = nullptr,
                             const ClassifierSettings& settings = {});

}  // namespace ganscope
