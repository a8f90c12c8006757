// Generator samples as files anyone can read: IDX3 images (the MNIST format) or CSV rows.
// Written by --dump-samples for fresh samples and for --render-latent's path.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/api/config.hpp"

namespace ganscope {

/// Pixels in [-1, 1] as bytes: round((x + 1) / 2 * 255), clamped to 0..255.
std::vector<uint8_t> imageBytes(std::span<const float> values);

/// One sample per row with a header: "x" rows (1-D) or "x,y" rows (2-D), 7 significant digits.
std::string samplesCsv(std::span<const float> values, int dims);

/// Writes `count` samples of `config`'s data (count x its dimension, interleaved) to `path`
/// atomically: an IDX3 file of unsigned bytes (count x 28 x 28, imageBytes) for images, else
/// samplesCsv. Throws FileError naming the path, std::invalid_argument for a size mismatch.
void writeSampleFile(const std::string& path, const TrainConfig& config,
                     std::span<const float> samples, int count);

}  // namespace ganscope
