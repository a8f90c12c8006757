// Why a run diverged, in the UI's language: one key per Divergence reason ("divergence.<name>"),
// while core's describeDivergence stays the English the CLI prints.
#pragma once
#include <cstdint>
#include <string>

#include "core/api/divergence.hpp"

namespace ganscope::i18n {

/// `why` at `step` for the window: "losses beyond 1e6 at step 12"; empty for None.
std::string divergenceText(Divergence why, int64_t step);

}  // namespace ganscope::i18n
