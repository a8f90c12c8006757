// Image metrics: class histogram over the active classes, diversity, Frechet distance with its
// floor, precision and recall, all in the classifier's feature space.
#include "core/metrics/image_metrics.hpp"

#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/api/config.hpp"
#include "core/metrics/class_coverage.hpp"
#include "core/metrics/precision_recall.hpp"

namespace ganscope {
namespace {

/// The images of `data` whose label is one of `classes`, in a shuffled order, at most `limit`.
torch::Tensor imagesOf(const LabelledTensors& data, std::span<const int> classes, int64_t limit,
                       at::Generator& random) {
  torch::Tensor keep = torch::zeros_like(data.labels, torch::kBool);
  for (int id : classes) keep |= data.labels.eq(id);
  const torch::Tensor rows = keep.nonzero().squeeze(1);
  const torch::Tensor order = torch::randperm(rows.size(0), random, torch::kInt64);
  const int64_t count = std::min(limit, rows.size(0));
  return data.images.index_select(0, rows.index_select(0, order.narrow(0, 0, count)));
}

/// Images per check of the cancel flag while the real images' features are computed: a
/// fraction of a second even on a busy machine, where this thread runs at the lowest priority.
constexpr int64_t kCancelBatch = 200;

/// The classifier's features of `images`, a batch at a time, stopping when `cancel` is set.
torch::Tensor featuresOf(ImageClassifier& classifier, const torch::Tensor& images,
                         const std::atomic<bool>* cancel) {
  std::vector<torch::Tensor> parts;
  for (int64_t at = 0; at < images.size(0); at += kCancelBatch) {
    if (cancel && cancel->load()) throw ClassifierCancelled();
    const int64_t n = std::min(kCancelBatch, images.size(0) - at);
    parts.push_back(classifier->features(images.narrow(0, at, n)));
  }
  return torch::cat(parts).to(torch::kFloat64);
}

}  // namespace

void checkActiveClasses(std::span<const int> classes, int64_t classifier_classes) {
  if (classes.empty() || classes.size() > static_cast<size_t>(kMaxImageClasses)) {
    throw std::invalid_argument("image metrics: " + std::to_string(classes.size()) +
                                " active classes; 1 to " + std::to_string(kMaxImageClasses) +
                                " are allowed");
  }
  for (size_t i = 0; i < classes.size(); ++i) {
    if (classes[i] < 0 || classes[i] >= classifier_classes ||
        (i > 0 && classes[i] <= classes[i - 1])) {
      throw std::invalid_argument(
          "image metrics: active classes must be distinct, ascending and "
          "in [0, " +
          std::to_string(classifier_classes) + "); class " + std::to_string(classes[i]) +
          " is not");
    }
  }
}

RealImageStatistics realImageStatistics(ImageClassifier& classifier, const LabelledTensors& train,
                                        const LabelledTensors& test, std::span<const int> classes,
                                        const ImageMetricsOptions& options,
                                        const std::atomic<bool>* cancel) {
  checkActiveClasses(classes, classifier->options().classes());
  torch::NoGradGuard no_grad;
  at::Generator random = at::make_generator<at::CPUGeneratorImpl>(options.seed);
  const torch::Tensor test_images = imagesOf(test, classes, test.images.size(0), random);
  const torch::Tensor train_images = imagesOf(train, classes, options.train_subset, random);
  if (test_images.size(0) < 4 || train_images.size(0) < 4) {
    throw std::invalid_argument("image metrics: the active classes have " +
                                std::to_string(test_images.size(0)) + " test and " +
                                std::to_string(train_images.size(0)) +
                                " training images; at least 4 of each are needed");
  }
  RealImageStatistics real;
  real.test_features = featuresOf(classifier, test_images, cancel);
  real.train_features = featuresOf(classifier, train_images, cancel);
  real.test_gaussian = fitGaussian(real.test_features);
  real.real_diversity = meanPairwiseDistance(test_images);
  return real;
}

ImageMetricsEvaluator::ImageMetricsEvaluator(ImageClassifier classifier, double accuracy,
                                             RealImageStatistics real, std::span<const int> classes)
    : classifier_(std::move(classifier)),
      accuracy_(accuracy),
      classes_(classes.begin(), classes.end()),
      real_(std::move(real)) {
  checkActiveClasses(classes_, classifier_->options().classes());
  const int64_t width = classifier_->options().hidden();
  for (const torch::Tensor* features : {&real_.test_features, &real_.train_features}) {
    if (!features->defined() || features->dim() != 2 || features->size(0) < 4 ||
        features->size(1) != width) {
      throw std::invalid_argument("image metrics: the real images' features must be [n >= 4, " +
                                  std::to_string(width) + "], got " +
                                  (features->defined() ? c10::str(features->sizes()) : "none"));
    }
  }
}

ImageMetricsEvaluator::ImageMetricsEvaluator(ImageClassifier classifier, double accuracy,
                                             const LabelledTensors& train,
                                             const LabelledTensors& test,
                                             std::span<const int> classes,
                                             const ImageMetricsOptions& options,
                                             const std::atomic<bool>* cancel)
    : ImageMetricsEvaluator(classifier, accuracy,
                            realImageStatistics(classifier, train, test, classes, options, cancel),
                            classes) {}

const ImageMetricsEvaluator::Reference& ImageMetricsEvaluator::reference(int64_t n) {
  auto it = references_.find(n);
  if (it != references_.end()) return it->second;
  Reference ref;
  ref.floor = frechetDistance(
      fitGaussian(real_.train_features.narrow(0, 0, std::min(n, real_.train_features.size(0)))),
      real_.test_gaussian);
  ref.real_features = real_.test_features.narrow(0, 0, std::min(n, real_.test_features.size(0)));
  ref.real_radii = kthNeighbourRadii(ref.real_features);
  return references_.emplace(n, std::move(ref)).first->second;
}

ImageMetrics ImageMetricsEvaluator::evaluate(const torch::Tensor& samples, int64_t step) {
  if (samples.dim() != 2 || samples.size(1) != kImagePixels || samples.size(0) < 4) {
    throw std::invalid_argument("image metrics: samples must be [n, " +
                                std::to_string(kImagePixels) + "] with n >= 4, got " +
                                c10::str(samples.sizes()));
  }
  torch::NoGradGuard no_grad;
  const int64_t n = samples.size(0);
  ImageMetrics m;
  m.step = step;
  m.samples = static_cast<int>(n);
  m.classes = static_cast<int>(classes_.size());
  m.classifier_accuracy = static_cast<float>(accuracy_);

  const torch::Tensor features32 = classifier_->features(samples);  // the one classifier pass
  const torch::Tensor predicted =
      classifier_->classesOf(classifier_->logitsOfFeatures(features32), classes_).contiguous();
  const ClassCoverage coverage =
      classCoverage({predicted.data_ptr<int64_t>(), static_cast<size_t>(n)}, classes_);
  for (size_t i = 0; i < classes_.size(); ++i) {
    m.class_ids[i] = classes_[i];
    m.class_hist[i] = coverage.share[i];
  }
  m.classes_covered = coverage.covered;
  m.class_kl = static_cast<float>(coverage.kl_uniform);
  m.diversity = static_cast<float>(meanPairwiseDistance(samples));
  m.real_diversity = static_cast<float>(real_.real_diversity);

  const torch::Tensor features = features32.to(torch::kFloat64);
  const Reference& ref = reference(n);
  m.frechet = static_cast<float>(frechetDistance(fitGaussian(features), real_.test_gaussian));
  m.frechet_floor = static_cast<float>(ref.floor);
  m.precision = static_cast<float>(shareInside(features, ref.real_features, ref.real_radii));
  m.recall =
      static_cast<float>(shareInside(ref.real_features, features, kthNeighbourRadii(features)));
  return m;
}

}  // namespace ganscope
