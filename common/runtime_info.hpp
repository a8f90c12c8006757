// Runtime facts, torch-free: the BLAS library in use and its threads (LibTorch's version is
// core/api/torch_version.hpp).
#pragma once
#include <string>

namespace ganscope {

/// The BLAS library loaded into the process and its Debian variant, e.g.
/// "OpenBLAS 0.3.21 (openblas-pthread)". The reference BLAS is 10-20x slower on our networks;
/// its description says so.
std::string blasDescription();

/// Sets the BLAS library's own worker threads (OpenBLAS keeps a pool apart from LibTorch's
/// intra-op threads; its workers spin while they wait). No effect on a BLAS without the call.
void setBlasThreads(int threads);

}  // namespace ganscope
