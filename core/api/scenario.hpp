// The scenario of a run: which picture (frame type) it produces. Chosen here, from the
// config, and nowhere else.
#pragma once
#include <cstdint>

#include "core/api/config.hpp"

namespace ganscope {

/// What a run shows. Each value has one frame type (core/api/telemetry/) and one probe set.
enum class Scenario : uint8_t {
  Figure1,  ///< 1-D data: the curves of Figure 1 (Figure1Frame)
  Plane,    ///< 2-D data: D's field, the samples and mode coverage (PlaneFrame)
  Image,    ///< images: sample grids and class coverage (ImageFrame)
};

/// The scenario `config` runs: the one place that decides it.
inline Scenario scenarioOf(const TrainConfig& config) {
  if (config.data.kind == DataKind::Images) return Scenario::Image;
  return dataDimension(config.data.kind) == 1 ? Scenario::Figure1 : Scenario::Plane;
}

}  // namespace ganscope
