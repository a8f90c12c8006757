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
constexpr ImU32 kHalfLine = IM_COL32(0, 0, 0, 90);  ///< D = 1/2 in the Figure 1 picture
constexpr ImU32 kDataFill = IM_COL32(20, 20, 20, 90);
constexpr ImU32 kGeneratorFill = IM_COL32(0, 150, 60, 110);
constexpr ImU32 kMapping = IM_COL32(0, 150, 60, 150);
constexpr ImU32 kDataSample = IM_COL32(20, 20, 20, 140);  ///< a real sample's dot (2-D)
constexpr ImU32 kManifold = IM_COL32(0, 110, 45, 120);    ///< G's image of the z grid (2-D)
constexpr ImU32 kPush = IM_COL32(0, 75, 30, 225);         ///< where G's loss pushes a fake (2-D)
constexpr ImU32 kModeCentre = IM_COL32(0, 0, 0, 120);     ///< circles at the mixture's modes (2-D)
constexpr ImU32 kDrawn = IM_COL32(235, 110, 0, 235);      ///< the user's painted points (2-D)
constexpr ImU32 kPinned = IM_COL32(235, 110, 0, 255);     ///< a pinned sample's outline (images)
constexpr ImU32 kUncoveredFill = IM_COL32(200, 60, 40, 110);   ///< a class below 2% of samples
constexpr ImU32 kAnchorSquare = IM_COL32(245, 245, 245, 255);  ///< the explorer's square of anchors
constexpr ImU32 kAnchorRow = IM_COL32(0, 0, 0, 60);  ///< the square's row the strip runs along
constexpr ImU32 kNoTexture = IM_COL32(128, 128, 128, 255);  ///< an image cell without GL
/// The rim of a fake's dot (2-D): dark, so green fakes stay visible on D's green "fake" side.
constexpr ImU32 kFakeOutline = IM_COL32(0, 40, 15, 230);
/// The class map's colour of each image class (Tableau 10: distinct, readable on a projector).
inline constexpr ImU32 kClassColours[10] = {
    IM_COL32(31, 119, 180, 255),  IM_COL32(255, 127, 14, 255),  IM_COL32(44, 160, 44, 255),
    IM_COL32(214, 39, 40, 255),   IM_COL32(148, 103, 189, 255), IM_COL32(140, 86, 75, 255),
    IM_COL32(227, 119, 194, 255), IM_COL32(127, 127, 127, 255), IM_COL32(188, 189, 34, 255),
    IM_COL32(23, 190, 207, 255)};
// The second run of a comparison: the same colours, lighter, in the overlaid plots.
constexpr ImU32 kDataSecond = IM_COL32(150, 150, 150, 255);
constexpr ImU32 kGeneratorSecond = IM_COL32(120, 205, 145, 255);
constexpr ImU32 kDiscriminatorSecond = IM_COL32(135, 170, 245, 255);
// Each run's name over its column.
inline const ImVec4 kTitleFirst = ImVec4(0.10f, 0.10f, 0.10f, 1.0f);
inline const ImVec4 kTitleSecond = ImVec4(0.45f, 0.45f, 0.45f, 1.0f);
inline const ImVec4 kError = ImVec4(0.80f, 0.10f, 0.10f, 1.0f);
inline const ImVec4 kNote = ImVec4(0.75f, 0.40f, 0.00f, 1.0f);

}  // namespace ganscope::palette
