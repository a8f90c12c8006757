// NetworkPass: the face of a hand-written forward/backward of a network (MlpPass, MlpGanPass)
// over reused buffers and the network's own parameters, as the fast step engine drives it.
#pragma once
#include <torch/torch.h>

namespace ganscope {

class NetworkPass {
 public:
  virtual ~NetworkPass() = default;
  /// Runs the network on `input` [n, in] and keeps what backward needs. The result [n, out]
  /// lives in a buffer of this object, valid until the next forward.
  virtual const torch::Tensor& forward(const torch::Tensor& input) = 0;
  /// Backpropagates `grad_output` (dL/doutput of the last forward). With `weight_grads`, writes
  /// (overwrites) dL/dparameter into the parameters' .grad(). With `input_grad`, returns
  /// dL/dinput [n, in] (a buffer of this object); otherwise an undefined tensor.
  virtual const torch::Tensor& backward(const torch::Tensor& grad_output, bool weight_grads,
                                        bool input_grad) = 0;
};

}  // namespace ganscope
