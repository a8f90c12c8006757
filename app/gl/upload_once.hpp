// UploadOnce: the decision behind every texture of a received frame: upload when the frame (or
// how it is tiled) is new, not on every UI frame. GL-free, so it is unit-tested.
#pragma once
#include <cstdint>
#include <optional>

namespace ganscope::gl {

/// What a grid texture shows: a frame (its run generation and sequence number) tiled at a
/// grid side. Equal keys are equal pixels.
struct GridKey {
  uint32_t generation = 0;
  uint64_t sequence = 0;  ///< FrameHeader::sequence
  int side = 0;           ///< cells per row
  bool operator==(const GridKey&) const = default;
};

class UploadOnce {
 public:
  /// True (and counted) when `key` differs from what the texture holds; the caller then
  /// uploads. False for the same key however often it is asked.
  bool take(const GridKey& key) {
    if (key_ == key) return false;
    key_ = key;
    ++uploads_;
    return true;
  }
  /// Uploads decided so far.
  int uploads() const { return uploads_; }

 private:
  std::optional<GridKey> key_;
  int uploads_ = 0;
};

}  // namespace ganscope::gl
