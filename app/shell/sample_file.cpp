// Sample files: IDX3 for image runs, CSV for 1-D and 2-D runs.
#include "app/shell/sample_file.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "common/atomic_file.hpp"
#include "common/idx_file.hpp"
#include "core/api/scenario.hpp"

namespace ganscope {

std::vector<uint8_t> imageBytes(std::span<const float> values) {
  std::vector<uint8_t> bytes(values.size());
  for (size_t i = 0; i < values.size(); ++i) {
    bytes[i] = static_cast<uint8_t>(std::clamp(std::round((values[i] + 1) * 127.5f), 0.0f, 255.0f));
  }
  return bytes;
}

std::string samplesCsv(std::span<const float> values, int dims) {
  std::string csv = dims == 1 ? "x\n" : "x,y\n";
  char row[64];
  for (size_t i = 0; i + dims <= values.size(); i += dims) {
    if (dims == 1) {
      std::snprintf(row, sizeof(row), "%.7g\n", values[i]);
    } else {
      std::snprintf(row, sizeof(row), "%.7g,%.7g\n", values[i], values[i + 1]);
    }
    csv += row;
  }
  return csv;
}

void writeSampleFile(const std::string& path, const TrainConfig& config,
                     std::span<const float> samples, int count) {
  const bool images = scenarioOf(config) == Scenario::Image;
  const int dims = images ? kImagePixels : dataDimension(config.data.kind);
  if (count < 1 || samples.size() != static_cast<size_t>(count) * dims) {
    throw std::invalid_argument(std::to_string(samples.size()) + " values are not " +
                                std::to_string(count) + " samples of " + std::to_string(dims) +
                                " dimensions");
  }
  if (images) {
    writeIdxImages(path, static_cast<uint32_t>(count), kImageSide, kImageSide, imageBytes(samples));
  } else {
    writeFileAtomically(path, samplesCsv(samples, dims));
  }
}

}  // namespace ganscope
