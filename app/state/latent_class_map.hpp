// The latent explorer's class map of one run: when to ask for a new map (the anchors or side
// changed, or G trained on since the shown one and that one is in), which answer to show, and
// the colour of a cell. Torch-free, ImGui-free, unit-tested.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "app/state/latent_explorer.hpp"
#include "core/api/commands.hpp"
#include "core/api/config.hpp"

namespace ganscope {

/// The user's choices (UiState::class_map), the same for every run.
struct ClassMapSettings {
  bool show = false;                ///< the explorer shows the class map in place of its pictures
  int side = kDefaultClassMapSide;  ///< cells a side, kMinClassMapSide to kMaxClassMapSide
};

/// What a class map is of: equal keys are the same plane and grid.
struct ClassMapKey {
  /// A, B and C's z one after another (3 x the latent's dims), as the explorer draws them.
  std::vector<float> anchors;
  int side = 0;
  bool operator==(const ClassMapKey&) const = default;
};

/// The key of the plane through the explorer's anchors A, B and C: each anchor's z (its free
/// latent's or its seed's) shaped as every explorer picture is (shapeLatent: psi, `offset` of
/// the direction sliders, the per-dimension sliders). Shaping is affine, so each cell's z is
/// the shaped z of the unshaped plane's cell: the map shows what the explorer would draw
/// there. Throws as shapeLatent.
ClassMapKey classMapKey(const LatentConfig& latent, const LatentExplorerState& state, int side,
                        std::span<const float> offset = {});

/// How often a live map is asked for again.
struct ClassMapPace {
  int64_t min_steps = 1;         ///< G trained at least this many steps since the shown map
  double min_seconds = 0.5;      ///< and this long since the last request went
  double cost_factor = 4;        ///< and this many times the last map's cost (the worker's share)
  double resend_seconds = 10.0;  ///< an unanswered request (e.g. across a reset) goes again
  double retry_seconds = 2.0;    ///< after an error (e.g. the classifier still loading)
};

class LatentClassMap {
 public:
  /// The request to send now, if any: none is on its way (or it is older than resend_seconds)
  /// and the shown map is not of `key`, or is of an older step (the pace allowing). A new
  /// `generation` forgets the shown map. Throws std::invalid_argument for a latent without
  /// dimensions or a key whose anchors are not three of its z.
  std::optional<RenderClassMap> next(const LatentConfig& latent, const ClassMapKey& key,
                                     int64_t step, uint32_t generation, double now);
  /// Takes the answer to the request on its way; false for any other (an old request's).
  /// An error is kept for error() and retried after retry_seconds.
  bool receive(const ClassMap& map, double now);

  /// The newest map received for the current generation, or null.
  const ClassMap* map() const { return map_ ? &*map_ : nullptr; }
  /// What the shown map is of.
  const ClassMapKey& shownKey() const { return shown_key_; }
  const std::string& error() const { return error_; }
  /// A request is on its way.
  bool waiting() const { return sent_.has_value(); }
  /// A counter that moves with every map received (the picture's rebuild key).
  uint64_t version() const { return version_; }

  ClassMapPace pace;

 private:
  struct Sent {
    uint64_t request = 0;
    ClassMapKey key;
    double time = 0;
  };
  uint64_t next_request_ = 1;
  uint32_t generation_ = 0;
  uint64_t version_ = 0;
  std::optional<Sent> sent_;
  double last_send_ = -1e9;
  double retry_after_ = -1e9;
  std::optional<ClassMap> map_;
  ClassMapKey shown_key_;
  std::string error_;
};

/// How strongly a cell shows its class colour at `confidence` among `classes` classes: 1 when
/// sure, kClassMapFaintest at chance (1 / classes) or below, linear between (the rest white).
float classMapStrength(float confidence, int classes);
inline constexpr float kClassMapFaintest = 0.2f;

}  // namespace ganscope
