// MetricStore: per-step series, the newest frame of each kind and rates.
#include "app/state/metric_store.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "common/byte_stream.hpp"

namespace ganscope {
namespace {
// A saved history's largest stride: 2^40 steps per point; thinning it to any store keeps it far
// from overflowing.
constexpr int64_t kMaxStride = int64_t{1} << 40;
}  // namespace

MetricStore::MetricStore(size_t max_points) : max_points_(std::max<size_t>(max_points, 16)) {}

void MetricStore::clear() {
  stride_ = 1;
  steps_.clear();
  seconds_.clear();
  for (auto& s : series_) s.clear();
  last_ = StepStats{};
  frames_ = {};
  image_metrics_ = {};
  newest_image_metrics_ = {};
}

void MetricStore::appendImageMetrics(const ImageMetrics& metrics) {
  ImageMetricHistory& h = image_metrics_;
  const auto step = static_cast<double>(metrics.step);
  if (metrics.step < 0 || (!h.steps.empty() && step <= h.steps.back())) return;
  h.steps.push_back(step);
  h.frechet.push_back(metrics.frechet);
  h.floor.push_back(metrics.frechet_floor);
  h.diversity.push_back(metrics.diversity);
  h.covered.push_back(static_cast<float>(metrics.classes_covered));
  newest_image_metrics_ = metrics;
}

bool MetricStore::acceptGeneration(uint32_t generation) {
  if (generation < generation_) return false;
  if (generation > generation_) {
    clear();
    generation_ = generation;
  }
  return true;
}

void MetricStore::thin() {
  auto keepEveryOther = [](auto& values) {
    for (size_t i = 1; 2 * i < values.size(); ++i) values[i] = values[2 * i];
    values.resize((values.size() + 1) / 2);
  };
  keepEveryOther(steps_);
  keepEveryOther(seconds_);
  for (auto& s : series_) keepEveryOther(s);
  stride_ *= 2;
}

void MetricStore::append(const StepStats& stats) {
  if (!acceptGeneration(stats.generation)) return;
  last_ = stats;
  if (stats.step % stride_ != 0) return;
  if (steps_.size() == max_points_) thin();
  steps_.push_back(static_cast<double>(stats.step));
  seconds_.push_back(stats.seconds);
  series_[static_cast<int>(Series::DLoss)].push_back(stats.d_loss);
  series_[static_cast<int>(Series::GLoss)].push_back(stats.g_loss);
  series_[static_cast<int>(Series::DReal)].push_back(stats.d_real_mean);
  series_[static_cast<int>(Series::DFake)].push_back(stats.d_fake_mean);
  series_[static_cast<int>(Series::Value)].push_back(stats.value);
  series_[static_cast<int>(Series::GGradLog10)].push_back(std::log10(stats.g_grad_norm));
  series_[static_cast<int>(Series::DGradLog10)].push_back(std::log10(stats.d_grad_norm));
}

std::string MetricStore::exportHistory() const {
  ByteWriter out;
  out.put<int64_t>(stride_);
  out.put<StepStats>(last_);
  out.put<uint64_t>(steps_.size());
  auto putAll = [&](const auto& values) {
    out.putRaw({reinterpret_cast<const char*>(values.data()), values.size() * sizeof(values[0])});
  };
  putAll(steps_);
  putAll(seconds_);
  for (const auto& s : series_) putAll(s);
  const ImageMetricHistory& image = image_metrics_;
  out.put<uint64_t>(image.steps.size());
  putAll(image.steps);
  putAll(image.frechet);
  putAll(image.floor);
  putAll(image.diversity);
  putAll(image.covered);
  out.put<ImageMetrics>(newest_image_metrics_);
  return std::move(out.bytes());
}

void MetricStore::importHistory(std::string_view bytes, uint32_t generation,
                                const std::string& source) {
  ByteReader in(bytes, source);
  const auto stride = in.get<int64_t>("history stride");
  // Thinning doubles the stride: a saved one is a power of two, far from overflowing.
  if (stride < 1 || stride > kMaxStride || (stride & (stride - 1)) != 0) {
    in.fail("history stride " + std::to_string(stride) + " is not a power of two up to 2^40");
  }
  const auto last = in.get<StepStats>("history's last step");
  auto count = in.get<uint64_t>("history length");
  // Each point takes 8 bytes of step, 4 of time and 4 per series.
  const uint64_t point_bytes = 12 + 4 * static_cast<uint64_t>(Series::Count);
  if (count > in.remaining() / point_bytes) {
    in.fail("history of " + std::to_string(count) + " points needs more than the " +
            std::to_string(in.remaining()) + " bytes left (truncated)");
  }
  auto getAll = [&](auto& values, const char* what) {
    values.resize(count);
    const std::string_view raw = in.raw(count * sizeof(values[0]), what);
    std::memcpy(values.data(), raw.data(), raw.size());
  };
  // Read everything before changing anything: bad bytes leave the store as it was.
  std::vector<double> steps;
  std::vector<float> seconds, series[static_cast<int>(Series::Count)];
  getAll(steps, "history steps");
  getAll(seconds, "history times");
  for (auto& s : series) getAll(s, "history series");
  ImageMetricHistory image;
  count = in.get<uint64_t>("image metrics length");
  // Each image metrics point takes 8 bytes of step and 4 per value.
  if (count > in.remaining() / 24) {  // (a lower bound: the newest metrics follow)
    in.fail("image metrics of " + std::to_string(count) + " points need more than the " +
            std::to_string(in.remaining()) + " bytes left (truncated)");
  }
  getAll(image.steps, "image metrics steps");
  getAll(image.frechet, "image metrics Frechet distances");
  getAll(image.floor, "image metrics Frechet floors");
  getAll(image.diversity, "image metrics diversities");
  getAll(image.covered, "image metrics classes covered");
  const auto not_after = [](double a, double b) { return b <= a; };
  if (std::adjacent_find(image.steps.begin(), image.steps.end(), not_after) != image.steps.end()) {
    in.fail("image metrics steps do not increase");
  }
  const auto newest = in.get<ImageMetrics>("newest image metrics");
  if (newest.step != (image.steps.empty() ? -1 : static_cast<int64_t>(image.steps.back()))) {
    in.fail("the newest image metrics are not those of the last image metrics step");
  }
  in.expectEnd();
  clear();
  generation_ = generation;
  stride_ = stride;
  last_ = last;
  last_.generation = generation;
  steps_ = std::move(steps);
  seconds_ = std::move(seconds);
  for (int i = 0; i < static_cast<int>(Series::Count); ++i) series_[i] = std::move(series[i]);
  image_metrics_ = std::move(image);
  newest_image_metrics_ = newest;
  while (steps_.size() > max_points_) thin();
}

const FrameHeader* MetricStore::newestHeader() const {
  const FrameHeader* header = nullptr;
  visitNewest([&](const auto& frame) { header = &frame.header; });
  return header;
}

double MetricStore::secondsAt(double step) const {
  if (!steps_.empty() && step >= static_cast<double>(last_.step)) return last_.seconds;
  const auto after = std::upper_bound(steps_.begin(), steps_.end(), step);
  if (after == steps_.begin()) return NAN;
  return seconds_[static_cast<size_t>(after - steps_.begin()) - 1];
}

double MetricStore::stepsPerSecond() const {
  if (seconds_.size() < 2) return 0;
  const float now = seconds_.back();
  const auto first = std::lower_bound(seconds_.begin(), seconds_.end(), now - 1.0f);
  const size_t i = static_cast<size_t>(first - seconds_.begin());
  const double dt = now - seconds_[i];
  return dt > 0 ? (steps_.back() - steps_[i]) / dt : 0;
}

double MetricStore::recentMean(Series which, size_t count) const {
  const std::vector<float>& values = series_[static_cast<int>(which)];
  const size_t n = std::min(count, values.size());
  if (n == 0) return NAN;
  double sum = 0;
  for (size_t i = values.size() - n; i < values.size(); ++i) sum += values[i];
  return sum / n;
}

}  // namespace ganscope
