// Views of a contiguous float tensor's storage as std::span, for plain-C++ loops over values.
#pragma once
#include <torch/torch.h>

#include <span>

namespace ganscope {

inline std::span<const float> asSpan(const torch::Tensor& t) {
  return {t.data_ptr<float>(), static_cast<size_t>(t.numel())};
}

inline std::span<float> asMutableSpan(const torch::Tensor& t) {
  return {t.data_ptr<float>(), static_cast<size_t>(t.numel())};
}

}  // namespace ganscope
