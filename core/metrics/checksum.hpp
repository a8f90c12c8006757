// crc32 checksums for the metric cache files and their keys: of bytes, of a tensor's values and
// of a module's every parameter and buffer; and the 8-digit hex form used in file names.
#pragma once
#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace ganscope {

/// zlib's crc32 with no bytes: the seed of a fresh checksum.
uint32_t crcSeed();
/// crc32 of `bytes`, continuing from `seed`.
uint32_t crcOf(uint32_t seed, std::string_view bytes);
/// crc32 of `tensor`'s values in memory order (made contiguous first), continuing from `seed`.
uint32_t crcOf(uint32_t seed, const torch::Tensor& tensor);
/// crc32 of every parameter, then every buffer of `module`, each under its name, as float32.
uint32_t moduleCrc(const torch::nn::Module& module);
/// `value` as 8 lower-case hex digits.
std::string crcHex(uint32_t value);

}  // namespace ganscope
