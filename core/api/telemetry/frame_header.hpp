// FrameHeader: what every frame starts with, so a panel interprets a frame without asking for
// the config: which run and step made it, under which config revision, with which loss, and how
// D's pictures map its raw output to [0, 1].
#pragma once
#include <cstdint>
#include <type_traits>

#include "core/api/config.hpp"

namespace ganscope {

/// Bumped whenever a frame type's layout changes (frames travel unchanged over a socket later).
inline constexpr uint16_t kFrameFormatVersion = 1;

/// Bins of D's histograms over [0, 1], in every frame that has them.
inline constexpr int kHistBins = 40;

struct FrameHeader {
  uint16_t format_version = kFrameFormatVersion;
  LossKind loss = LossKind::NonSaturating;  ///< the loss D and G were trained with
  /// How D's pictures (curve, field, histograms) map its raw output to [0, 1]: false, D as a
  /// probability (LSGAN's output clamped); true, a critic rescaled so d_lo..d_hi spans 0..1.
  bool d_normalised = false;
  float d_lo = 0, d_hi = 1;
  int64_t step = 0;              ///< steps done when the frame was made
  uint32_t generation = 0;       ///< the run's generation (bumps on every reset and state load)
  uint32_t config_revision = 0;  ///< bumps on every SetHyperparams, Reset and state load
  uint64_t sequence = 0;         ///< frames of any kind the session has published before this one
};
static_assert(std::is_trivially_copyable_v<FrameHeader>);

}  // namespace ganscope
