// MetricStore: per-step series, the newest frame of each kind and rates.
#include "app/metric_store.hpp"

#include <algorithm>
#include <cmath>

namespace ganscope {

MetricStore::MetricStore(size_t max_points) : max_points_(std::max<size_t>(max_points, 16)) {}

void MetricStore::clear() {
  stride_ = 1;
  steps_.clear();
  seconds_.clear();
  for (auto& s : series_) s.clear();
  last_ = StepStats{};
  frames_ = {};
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
}

const FrameHeader* MetricStore::newestHeader() const {
  const FrameHeader* header = nullptr;
  visitNewest([&](const auto& frame) { header = &frame.header; });
  return header;
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
