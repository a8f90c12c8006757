// The real-statistics file: a crc32-checked container of key, features, Gaussian and diversity.
#include "core/metrics/real_statistics_cache.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "common/atomic_file.hpp"
#include "common/byte_stream.hpp"
#include "common/read_file.hpp"
#include "core/metrics/checksum.hpp"

namespace ganscope {
namespace {

constexpr std::string_view kMagic = "GANSCOPE-REAL-STATISTICS";
constexpr uint32_t kVersion = 1;

void putTensor(ByteWriter& out, const torch::Tensor& tensor, torch::ScalarType type) {
  const torch::Tensor t = tensor.to(type).contiguous();
  out.put<uint32_t>(static_cast<uint32_t>(t.dim()));
  for (int64_t size : t.sizes()) out.put<int64_t>(size);
  out.putRaw({static_cast<const char*>(t.data_ptr()), static_cast<size_t>(t.nbytes())});
}

/// A tensor of `type` and exactly `shape`, returned as float64; `what` names it in errors.
torch::Tensor getTensor(ByteReader& in, torch::ScalarType type, std::vector<int64_t> shape,
                        const std::string& what) {
  const auto dims = in.get<uint32_t>("tensor dimensions");
  if (dims != shape.size()) {
    in.fail(what + ": " + std::to_string(dims) + " dimensions, expected " +
            std::to_string(shape.size()));
  }
  std::vector<int64_t> sizes(dims);
  for (int64_t& s : sizes) s = in.get<int64_t>("tensor shape");
  if (sizes != shape) {
    in.fail(what + ": shape " + c10::str(c10::IntArrayRef(sizes)) + ", expected " +
            c10::str(c10::IntArrayRef(shape)));
  }
  const torch::Tensor into = torch::empty(shape, type);
  const std::string_view data = in.raw(into.nbytes(), "tensor data");
  std::memcpy(into.data_ptr(), data.data(), data.size());
  return into.to(torch::kFloat64);
}

/// How many rows of `labels` are one of `classes`.
int64_t countOf(const torch::Tensor& labels, std::span<const int> classes) {
  torch::Tensor keep = torch::zeros_like(labels, torch::kBool);
  for (int id : classes) keep |= labels.eq(id);
  return keep.sum().item<int64_t>();
}

bool exists(const std::string& path) {
  struct stat info {};
  return lstat(path.c_str(), &info) == 0;
}

}  // namespace

std::string realStatisticsKey(const std::string& classifier_key, const ImageClassifier& classifier,
                              std::span<const int> classes, const ImageMetricsOptions& options) {
  std::string text = "format " + std::to_string(kVersion) + " classes";
  for (int id : classes) text += " " + std::to_string(id);
  text += " train-subset " + std::to_string(options.train_subset) + " seed " +
          std::to_string(options.seed);
  const uint32_t value = crcOf(moduleCrc(*classifier), text);
  return classifier_key + "-" + crcHex(value);
}

std::string encodeRealStatistics(const RealImageStatistics& real, const std::string& key) {
  ByteWriter payload;
  payload.putString(key);
  putTensor(payload, real.test_features, torch::kFloat32);
  putTensor(payload, real.train_features, torch::kFloat32);
  putTensor(payload, real.test_gaussian.mean, torch::kFloat64);
  putTensor(payload, real.test_gaussian.cov, torch::kFloat64);
  payload.put<double>(real.real_diversity);
  ByteWriter out;
  out.putRaw(kMagic);
  out.put<uint32_t>(kVersion);
  out.put<uint64_t>(payload.bytes().size());
  out.put<uint32_t>(crcOf(crcSeed(), payload.bytes()));
  out.putRaw(payload.bytes());
  return std::move(out.bytes());
}

RealImageStatistics decodeRealStatistics(std::string_view bytes, const std::string& source,
                                         const std::string& key, int64_t test_rows,
                                         int64_t train_rows, int64_t features) {
  ByteReader in(bytes, source);
  const std::string_view payload_bytes =
      checkedPayload(in, kMagic, kVersion, "real-statistics file");

  ByteReader payload(payload_bytes, source);
  if (payload.string("key") != key) {
    payload.fail("made for another classifier, data or class filter (its key differs)");
  }
  RealImageStatistics real;
  real.test_features =
      getTensor(payload, torch::kFloat32, {test_rows, features}, "the test images' features");
  real.train_features =
      getTensor(payload, torch::kFloat32, {train_rows, features}, "the training images' features");
  real.test_gaussian.mean = getTensor(payload, torch::kFloat64, {features}, "the Gaussian's mean");
  real.test_gaussian.cov =
      getTensor(payload, torch::kFloat64, {features, features}, "the Gaussian's covariance");
  real.real_diversity = payload.get<double>("diversity");
  if (!(real.real_diversity >= 0)) payload.fail("a negative or NaN diversity");
  payload.expectEnd();
  return real;
}

LoadedRealStatistics loadOrComputeRealStatistics(
    ImageClassifier& classifier, const std::string& classifier_key, const LabelledTensors& train,
    const LabelledTensors& test, std::span<const int> classes, const std::string& cache_dir,
    const ImageMetricsOptions& options, const std::atomic<bool>* cancel) {
  checkActiveClasses(classes, classifier->options().classes());
  const std::string key = realStatisticsKey(classifier_key, classifier, classes, options);
  LoadedRealStatistics out;
  out.path = cache_dir + "/real-statistics-" + key + ".bin";
  if (exists(out.path)) {
    try {
      out.real = decodeRealStatistics(
          readRegularFile(out.path, kMaxRealStatisticsBytes), "real-statistics file " + out.path,
          key, countOf(test.labels, classes),
          std::min(options.train_subset, countOf(train.labels, classes)),
          classifier->options().hidden());
      out.from_cache = true;
      return out;
    } catch (const std::runtime_error& error) {  // FormatError, FileError
      out.note = std::string(error.what()) + "; recomputed";
    }
  }
  out.real = realImageStatistics(classifier, train, test, classes, options, cancel);
  try {
    writeFileAtomically(out.path, encodeRealStatistics(out.real, key));
  } catch (const std::runtime_error& error) {
    out.note += (out.note.empty() ? "" : "; ") + std::string("not cached: ") + error.what();
  }
  return out;
}

}  // namespace ganscope
