// The real images' statistics, cached on disk beside the classifier: a checksummed file per
// classifier (its cache key and weights), class filter and subset options, so only the first
// run ever computes them; a file that is corrupt, truncated or made for anything else is
// recomputed and rewritten, never trusted.
#pragma once
#include <atomic>
#include <span>
#include <string>
#include <string_view>

#include "core/metrics/image_metrics.hpp"

namespace ganscope {

/// The largest statistics file read (Fashion-MNIST's ten classes: about 6 MB).
inline constexpr size_t kMaxRealStatisticsBytes = size_t{256} << 20;

/// The statistics file's key: `classifier_key` (classifierCacheKey of the data and settings),
/// then crc32 of the classifier's weights, the active `classes`, `options` and the file format,
/// as "<classifier_key>-xxxxxxxx".
std::string realStatisticsKey(const std::string& classifier_key, const ImageClassifier& classifier,
                              std::span<const int> classes, const ImageMetricsOptions& options);

/// The file's bytes: magic, version, payload size, crc32 of the payload; the payload holds `key`,
/// the features as float32 (they are float32 values), the Gaussian as float64 and the diversity.
std::string encodeRealStatistics(const RealImageStatistics& real, const std::string& key);

/// Decodes encodeRealStatistics's bytes; `source` names them in errors. Throws FormatError for
/// bytes that are truncated, corrupted (checksum), of another version or key, or whose shapes are
/// not `test_rows` x `features` test features, `train_rows` x `features` training features and a
/// Gaussian of dimension `features`.
RealImageStatistics decodeRealStatistics(std::string_view bytes, const std::string& source,
                                         const std::string& key, int64_t test_rows,
                                         int64_t train_rows, int64_t features);

/// What loadOrComputeRealStatistics returns.
struct LoadedRealStatistics {
  RealImageStatistics real;
  bool from_cache = false;  ///< read from the file (else computed now)
  std::string path;         ///< cache_dir/real-statistics-<key>.bin
  std::string note;  ///< why the file was not read or not written; empty when all went well or
                     ///< no file existed yet
};

/// Reads the statistics of `classifier` (whose cache key is `classifier_key`) for `classes` and
/// `options` from `cache_dir`, or computes them (realImageStatistics, with its errors and
/// cancelling) and writes the file atomically. A file that cannot be read or written is noted,
/// not fatal.
LoadedRealStatistics loadOrComputeRealStatistics(
    ImageClassifier& classifier, const std::string& classifier_key, const LabelledTensors& train,
    const LabelledTensors& test, std::span<const int> classes, const std::string& cache_dir,
    const ImageMetricsOptions& options = {}, const std::atomic<bool>* cancel = nullptr);

}  // namespace ganscope
