// The glyphs the window's fonts load: ImGui's default Latin ranges plus every character of
// the string tables. Exact and small (about 560 glyphs), where all 11,172 Hangul syllables
// took 0.3-0.8 s and 17-270 MB of atlas per font size.
#pragma once
#include <imgui.h>

namespace ganscope::i18n {

/// Zero-terminated ImGui glyph ranges, built once; valid for the life of the program.
const ImWchar* uiGlyphRanges();

}  // namespace ganscope::i18n
