// The window's fonts: DejaVu Sans with Nanum Gothic merged in for Hangul, the glyphs of the
// string tables only, rasterised by FreeType; ImGui's built-in font when DejaVu is missing.
#pragma once
#include <imgui.h>

#include "app/i18n/strings.hpp"

namespace ganscope {

/// Where the fonts are looked for (Debian's fonts-dejavu-core and fonts-nanum).
struct UiFontPaths {
  const char* latin = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";   ///< Latin, Greek
  const char* korean = "/usr/share/fonts/truetype/nanum/NanumGothic.ttf";  ///< Hangul
};

/// Adds the UI font at `size_px` to the cleared `atlas` (built later, by the caller's texture
/// upload) and says what it can show. A missing file is never an error: the built-in font or
/// English stands in, and the language switch says why.
i18n::FontSupport addUiFonts(ImFontAtlas& atlas, float size_px, const UiFontPaths& paths = {});

}  // namespace ganscope
