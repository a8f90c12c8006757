// The colours of the game, the same in every panel: data is black, the generator green and
// the discriminator blue, as in Figure 1 of Goodfellow et al. 2014.
#pragma once
#include <imgui.h>

namespace ganscope::palette {

constexpr ImU32 kData = IM_COL32(20, 20, 20, 255);
constexpr ImU32 kGenerator = IM_COL32(0, 150, 60, 255);
constexpr ImU32 kDiscriminator = IM_COL32(30, 90, 220, 255);
constexpr ImU32 kOptimalD = IM_COL32(150, 110, 210, 150);
constexpr ImU32 kReference = IM_COL32(200, 60, 40, 200);
constexpr ImU32 kDataFill = IM_COL32(20, 20, 20, 90);
constexpr ImU32 kGeneratorFill = IM_COL32(0, 150, 60, 110);
constexpr ImU32 kMapping = IM_COL32(0, 150, 60, 150);
inline const ImVec4 kError = ImVec4(0.80f, 0.10f, 0.10f, 1.0f);
inline const ImVec4 kNote = ImVec4(0.75f, 0.40f, 0.00f, 1.0f);

}  // namespace ganscope::palette
