// ImageFrame: the picture of an image run: a grid of G's samples from a fixed z batch and a grid
// of real images, each with D's score, D's histograms, and the latest class-coverage metrics
// (computed by the classifier at intervals, so they lag the step). Plain, trivially copyable.
#pragma once
#include <cstdint>

#include "core/api/scenario.hpp"
#include "core/api/telemetry/frame_header.hpp"

namespace ganscope {

inline constexpr int kMaxGridSide = 16;                          ///< grids are 4x4 to 16x16
inline constexpr int kGridImages = kMaxGridSide * kMaxGridSide;  ///< images in every frame

/// What the classifier says about G's samples, and the distances between G's samples and the
/// real test images in its feature space (not Inception FID: not comparable with papers).
struct ImageMetrics {
  int64_t step = -1;  ///< the step the metrics were computed at; -1: none yet
  int samples = 0;    ///< generated samples they count
  int classes = 0;    ///< classes of the dataset (after the class filter: the trained ones)
  int class_ids[kMaxImageClasses] = {};     ///< the dataset's class index of each bar
  float class_hist[kMaxImageClasses] = {};  ///< share of samples per predicted class, sums to 1
  int classes_covered = 0;                  ///< classes with at least kCoveredShare of the samples
  float class_kl = 0;                       ///< KL(class histogram || uniform over `classes`), nats
  float diversity = 0;                      ///< mean pairwise L2 distance between samples (pixels)
  float real_diversity = 0;                 ///< the same for real images: the level to compare with
  float frechet = 0;              ///< Frechet distance of classifier features: samples vs real test
  float frechet_floor = 0;        ///< the same between real training and real test images
  float precision = 0;            ///< share of samples inside the real feature manifold (k = 3)
  float recall = 0;               ///< share of real images inside the samples' manifold (k = 3)
  float classifier_accuracy = 0;  ///< the classifier's accuracy on the test set
};

/// A class counts as covered at this share of the samples.
inline constexpr float kCoveredShare = 0.02f;

struct ImageFrame {
  static constexpr Scenario kScenario = Scenario::Image;
  FrameHeader header;
  float value = 0;                  ///< -(D's loss) on the frame's samples (see Figure1Frame)
  float hist_real[kHistBins] = {};  ///< fraction of real samples per D(x) bin
  float hist_fake[kHistBins] = {};  ///< fraction of fake samples per D(G(z)) bin

  /// G's samples for the run's fixed z batch (the same z every frame), row-major 28 x 28 each,
  /// pixel = round((x + 1) / 2 * 255) clamped to 0..255. A grid of side s shows the first s^2.
  uint8_t fake[kGridImages * kImagePixels] = {};
  float fake_d[kGridImages] = {};  ///< D's output at each sample (raw for critics)
  /// Fixed real training images (the same every frame), as `fake`.
  uint8_t real[kGridImages * kImagePixels] = {};
  float real_d[kGridImages] = {};        ///< D's output at each real image
  uint8_t real_label[kGridImages] = {};  ///< each real image's class index
  bool ema_preview = false;  ///< the samples come from the moving average of G's weights (else
                             ///< from G in eval mode)
  ImageMetrics metrics;      ///< the newest class-coverage metrics
};
static_assert(std::is_trivially_copyable_v<ImageFrame>);

}  // namespace ganscope
