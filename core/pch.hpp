// Precompiled header of ganscope_core: LibTorch is slow to parse, so it is parsed once here.
#pragma once
#include <torch/torch.h>
