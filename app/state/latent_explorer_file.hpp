// The latent explorer's exports: the big picture and the strip as pictures (for PNG files), and
// the path as JSON (anchors' seeds, t, mode, psi, sliders and the strip's z rows) that the
// explorer loads back. Torch-free, GL-free, unit-tested.
#pragma once
#include <span>
#include <string>
#include <string_view>

#include "app/state/latent_explorer.hpp"
#include "common/image_grid.hpp"

namespace ganscope {

/// The largest typed latent seed: 2^53 - 1, so that every seed survives JSON (a double) exactly.
inline constexpr uint64_t kMaxTypedSeed = (uint64_t{1} << 53) - 1;

/// `count` 28 x 28 images (`samples`: count x 784 values in [-1, 1], pixel = round((x + 1) / 2
/// * 255) clamped) side by side in one row, each magnified `scale` times (nearest), `gap`
/// scaled pixels apart and around. Throws std::invalid_argument when the samples are not
/// count whole images or scale/gap are out of range (1..32, 0..16).
RgbaImage explorerImages(std::span<const float> samples, int count, int scale, int gap);

/// The strip's `count` images (count x 784 values in [-1, 1]) as a looping GIF at `path`: A to
/// B then back (2 count - 2 frames, so the loop has no jump), each magnified `scale` times,
/// `delay_centiseconds` apart; written atomically. Throws as explorerImages and writeGif.
void saveStripGif(const std::string& path, std::span<const float> samples, int count, int scale,
                  int delay_centiseconds);

/// A pixel value in [-1, 1] as a byte, as the image frames have it.
uint8_t pixelByte(float x);

/// The path of `state` for `latent` as JSON text: format, version, the latent's kind and dim,
/// mode, anchors, found z's, t, u, v, spherical, psi, frames, sliders, "offset" (what moves
/// every z: explorerOffset's, with `offset` the direction sliders'; written when not empty),
/// and "z": the strip's rows as the explorer draws them (with the offset).
std::string pathToJson(const LatentConfig& latent, const LatentExplorerState& state,
                       std::span<const float> offset = {});

/// Reads a path written by pathToJson into `state` (its choices only; file names, messages and
/// what is open are kept; the file's offset becomes the loaded offset, so with this run's
/// direction sliders at 0 the explorer draws the file's z rows). Throws ConfigError naming the
/// field and what is allowed (`source` names the file): a wrong format or version, a latent other
/// than the run's `latent`, values out of range, or z rows that are not what the anchors give (an
/// edited file). `state` is left unchanged when it throws.
void loadPathJson(std::string_view text, const std::string& source, const LatentConfig& latent,
                  LatentExplorerState& state);

/// Writes the path to `path` atomically (only a regular file is replaced); throws FileError.
void savePathFile(const std::string& path, const LatentConfig& latent,
                  const LatentExplorerState& state, std::span<const float> offset = {});
/// Reads `path` (a regular file of at most 16 MB) and loadPathJson's it; throws FileError or
/// ConfigError naming the file.
void loadPathFile(const std::string& path, const LatentConfig& latent, LatentExplorerState& state);

}  // namespace ganscope
