// The classifier cache file: a crc32-checked container of settings, key, accuracy and tensors.
#include "core/metrics/classifier_cache.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "common/atomic_file.hpp"
#include "common/byte_stream.hpp"
#include "common/file_error.hpp"
#include "common/read_file.hpp"
#include "core/metrics/checksum.hpp"

namespace ganscope {
namespace {

constexpr std::string_view kMagic = "GANSCOPE-CLASSIFIER";
constexpr uint32_t kVersion = 1;
constexpr uint32_t kMaxDims = 8;

/// Every parameter, then every buffer (BatchNorm's running statistics), each under its name.
std::vector<std::pair<std::string, torch::Tensor>> namedTensors(const torch::nn::Module& module) {
  std::vector<std::pair<std::string, torch::Tensor>> out;
  for (const auto& item : module.named_parameters()) out.emplace_back(item.key(), item.value());
  for (const auto& item : module.named_buffers()) out.emplace_back(item.key(), item.value());
  return out;
}

/// The settings as one line: part of the key and stored in the file.
std::string describe(const ClassifierSettings& s) {
  char text[256];
  std::snprintf(text, sizeof(text),
                "format %u conv1 %lld conv2 %lld hidden %lld classes %lld seed %llu epochs %d "
                "batch %lld lr %.17g decay %.17g shuffle-seed %llu",
                kVersion, static_cast<long long>(s.model.conv1()),
                static_cast<long long>(s.model.conv2()), static_cast<long long>(s.model.hidden()),
                static_cast<long long>(s.model.classes()),
                static_cast<unsigned long long>(s.model.seed()), s.training.epochs,
                static_cast<long long>(s.training.batch), s.training.learning_rate,
                s.training.epoch_decay, static_cast<unsigned long long>(s.training.seed));
  return text;
}

/// Creates `dir` (and its parents) unless it is a folder already; refuses anything else.
void ensureFolder(const std::string& dir) {
  struct stat info {};
  if (stat(dir.c_str(), &info) == 0) {
    if (!S_ISDIR(info.st_mode)) {
      throw FileError(dir, std::string("the classifier cache folder is ") +
                               fileKindName(info.st_mode) + ", not a folder");
    }
    return;
  }
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) throw FileError(dir, "cannot create the classifier cache folder: " + error.message());
}

bool exists(const std::string& path) {
  struct stat info {};
  return lstat(path.c_str(), &info) == 0;
}

}  // namespace

std::string defaultCacheDir() {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg && xdg[0] == '/') return std::string(xdg) + "/ganscope";
  const char* home = std::getenv("HOME");
  if (home && home[0] == '/') return std::string(home) + "/.cache/ganscope";
  throw FileError("$HOME",
                  "neither XDG_CACHE_HOME nor HOME is an absolute path: no folder for "
                  "the classifier cache");
}

std::string classifierCacheKey(const LabelledTensors& train, const LabelledTensors& test,
                               const ClassifierSettings& settings) {
  uint32_t data = crcSeed();
  for (const torch::Tensor& t : {train.images, train.labels, test.images, test.labels}) {
    data = crcOf(data, t.to(t.is_floating_point() ? torch::kFloat32 : torch::kInt64));
  }
  return crcHex(data) + "-" + crcHex(crcOf(crcSeed(), describe(settings)));
}

std::string encodeClassifier(ImageClassifier& model, double accuracy, const std::string& key,
                             const ClassifierSettings& settings) {
  ByteWriter payload;
  payload.putString(describe(settings));
  payload.putString(key);
  payload.put<double>(accuracy);
  const auto tensors = namedTensors(*model);
  payload.put<uint32_t>(static_cast<uint32_t>(tensors.size()));
  for (const auto& [name, tensor] : tensors) {
    const torch::Tensor t = tensor.detach().to(torch::kFloat32).contiguous();
    payload.putString(name);
    payload.put<uint32_t>(static_cast<uint32_t>(t.dim()));
    for (int64_t size : t.sizes()) payload.put<int64_t>(size);
    payload.putRaw({static_cast<const char*>(t.data_ptr()), static_cast<size_t>(t.nbytes())});
  }
  ByteWriter out;
  out.putRaw(kMagic);
  out.put<uint32_t>(kVersion);
  out.put<uint64_t>(payload.bytes().size());
  out.put<uint32_t>(crcOf(crcSeed(), payload.bytes()));
  out.putRaw(payload.bytes());
  return std::move(out.bytes());
}

CachedClassifier decodeClassifier(std::string_view bytes, const std::string& source,
                                  const std::string& key, const ClassifierSettings& settings) {
  ByteReader in(bytes, source);
  const std::string_view payload_bytes = checkedPayload(in, kMagic, kVersion, "classifier cache");

  ByteReader payload(payload_bytes, source);
  const std::string_view saved_settings = payload.string("settings");
  if (saved_settings != describe(settings)) {
    payload.fail("made with other settings (" + std::string(saved_settings.substr(0, 200)) + ")");
  }
  if (payload.string("key") != key) payload.fail("made for other data (its key differs)");
  CachedClassifier out;
  out.accuracy = payload.get<double>("accuracy");
  if (!(out.accuracy >= 0 && out.accuracy <= 1)) payload.fail("accuracy outside [0, 1]");
  out.model = ImageClassifier(settings.model);
  const auto tensors = namedTensors(*out.model);
  const auto count = payload.get<uint32_t>("tensor count");
  if (count != tensors.size()) {
    payload.fail(std::to_string(count) + " tensors, the architecture has " +
                 std::to_string(tensors.size()));
  }
  torch::NoGradGuard no_grad;
  for (const auto& [key, into_tensor] : tensors) {
    const std::string_view name = payload.string("tensor name");
    if (name != key) {
      payload.fail("found tensor \"" + std::string(name.substr(0, 64)) + "\" where \"" + key +
                   "\" belongs");
    }
    const auto dims = payload.get<uint32_t>("tensor dimensions");
    if (dims > kMaxDims) payload.fail(key + ": " + std::to_string(dims) + " dimensions");
    std::vector<int64_t> sizes(dims);
    for (int64_t& s : sizes) s = payload.get<int64_t>("tensor shape");
    torch::Tensor into = into_tensor;
    if (c10::IntArrayRef(sizes) != into.sizes()) {
      payload.fail(key + ": shape " + c10::str(c10::IntArrayRef(sizes)) +
                   ", the architecture has " + c10::str(into.sizes()));
    }
    const std::string_view data = payload.raw(into.numel() * sizeof(float), "tensor data");
    into.copy_(torch::from_blob(const_cast<char*>(data.data()), into.sizes(), torch::kFloat32));
  }
  payload.expectEnd();
  out.model->eval();
  return out;
}

LoadedClassifier loadOrTrain(const LabelledTensors& train, const LabelledTensors& test,
                             const std::string& cache_dir, const ClassifierProgress& progress,
                             const std::atomic<bool>* cancel, const ClassifierSettings& settings) {
  ensureFolder(cache_dir);
  const std::string key = classifierCacheKey(train, test, settings);
  LoadedClassifier out;
  out.key = key;
  out.cache_path = cache_dir + "/classifier-" + key + ".bin";
  if (exists(out.cache_path)) {
    try {
      CachedClassifier cached =
          decodeClassifier(readRegularFile(out.cache_path, kMaxClassifierCacheBytes),
                           "classifier cache " + out.cache_path, key, settings);
      out.model = cached.model;
      out.accuracy = cached.accuracy;
      out.from_cache = true;
      return out;
    } catch (const std::runtime_error& error) {  // FormatError, FileError
      out.note = std::string(error.what()) + "; retrained";
    }
  }
  out.model = ImageClassifier(settings.model);
  trainClassifier(out.model, train, settings.training, progress, cancel);
  out.accuracy = classifierAccuracy(out.model, test);
  try {
    writeFileAtomically(out.cache_path, encodeClassifier(out.model, out.accuracy, key, settings));
  } catch (const std::runtime_error& error) {
    out.note += (out.note.empty() ? "" : "; ") + std::string("not cached: ") + error.what();
  }
  return out;
}

}  // namespace ganscope
