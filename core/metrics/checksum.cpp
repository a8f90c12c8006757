// crc32 over bytes, tensors and modules, by zlib.
#include "core/metrics/checksum.hpp"

#include <zlib.h>

#include <algorithm>
#include <cstdio>

namespace ganscope {

uint32_t crcSeed() {
  return static_cast<uint32_t>(crc32(0L, Z_NULL, 0));
}

uint32_t crcOf(uint32_t seed, std::string_view bytes) {
  uLong value = seed;
  for (size_t offset = 0; offset < bytes.size();) {  // zlib takes a uInt length
    const size_t n = std::min<size_t>(bytes.size() - offset, 1u << 30);
    value =
        crc32(value, reinterpret_cast<const Bytef*>(bytes.data() + offset), static_cast<uInt>(n));
    offset += n;
  }
  return static_cast<uint32_t>(value);
}

uint32_t crcOf(uint32_t seed, const torch::Tensor& tensor) {
  const torch::Tensor t = tensor.contiguous();
  return crcOf(seed, {static_cast<const char*>(t.data_ptr()), static_cast<size_t>(t.nbytes())});
}

uint32_t moduleCrc(const torch::nn::Module& module) {
  uint32_t value = crcSeed();
  const auto add = [&value](const std::string& name, const torch::Tensor& tensor) {
    value = crcOf(value, name);
    value = crcOf(value, tensor.detach().to(torch::kFloat32));
  };
  for (const auto& item : module.named_parameters()) add(item.key(), item.value());
  for (const auto& item : module.named_buffers()) add(item.key(), item.value());
  return value;
}

std::string crcHex(uint32_t value) {
  char text[9];
  std::snprintf(text, sizeof(text), "%08x", value);
  return text;
}

std::string_view checkedPayload(ByteReader& in, std::string_view magic, uint32_t version,
                                const std::string& what) {
  if (in.remaining() < magic.size() || in.raw(magic.size(), "magic") != magic) {
    in.fail("not a ganscope " + what + " (no \"" + std::string(magic) + "\" at the start)");
  }
  const auto saved_version = in.get<uint32_t>("format version");
  if (saved_version != version) {
    in.fail(what + " version " + std::to_string(saved_version) + ", this ganscope reads " +
            std::to_string(version));
  }
  const auto size = in.get<uint64_t>("payload size");
  const auto expected_crc = in.get<uint32_t>("checksum");
  if (size != in.remaining()) {
    in.fail("payload of " + std::to_string(in.remaining()) + " bytes, the header says " +
            std::to_string(size) + " (truncated or extended)");
  }
  const std::string_view payload = in.raw(size, "payload");
  if (crcOf(crcSeed(), payload) != expected_crc) in.fail("checksum mismatch (corrupted)");
  return payload;
}

}  // namespace ganscope
