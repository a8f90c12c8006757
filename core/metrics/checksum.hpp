// crc32 checksums for the metric cache files and their keys: of bytes, of a tensor's values and
// of a module's every parameter and buffer; and the 8-digit hex form used in file names.
#pragma once
#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "common/byte_stream.hpp"

namespace ganscope {

/// zlib's crc32 with no bytes: the seed of a fresh checksum.
uint32_t crcSeed();
/// crc32 of `bytes`, continuing from `seed`.
uint32_t crcOf(uint32_t seed, std::string_view bytes);
/// crc32 of `tensor`'s values in memory order (made contiguous first), continuing from `seed`.
uint32_t crcOf(uint32_t seed, const torch::Tensor& tensor);
/// crc32 of every parameter, then every buffer of `module`, each under its name, as float32.
uint32_t moduleCrc(const torch::nn::Module& module);
/// The payload of a cache file framed as magic, format version, payload size and its crc32
/// (what both metric caches write); fails `in` saying what is wrong: not `what` (no `magic` at
/// the start), another version, a truncated or extended payload, a checksum mismatch.
std::string_view checkedPayload(ByteReader& in, std::string_view magic, uint32_t version,
                                const std::string& what);
/// `value` as 8 lower-case hex digits.
std::string crcHex(uint32_t value);

}  // namespace ganscope
