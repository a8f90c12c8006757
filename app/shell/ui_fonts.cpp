// addUiFonts: FreeType with light hinting (sharp at projector sizes without the distorted
// shapes of full hinting), and only the tables' glyphs: about 560, built in 20-35 ms at any
// scale, where all 11,172 Hangul syllables took 0.5-0.8 s and 17-134 MB of atlas.
#include "app/shell/ui_fonts.hpp"

#include <imgui_freetype.h>

#include <filesystem>

#include "app/i18n/glyph_ranges.hpp"

namespace ganscope {

i18n::FontSupport addUiFonts(ImFontAtlas& atlas, float size_px, const UiFontPaths& paths) {
  atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
  atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
  const ImWchar* ranges = i18n::uiGlyphRanges();
  i18n::FontSupport support;
  ImFont* font = std::filesystem::is_regular_file(paths.latin)
                     ? atlas.AddFontFromFileTTF(paths.latin, size_px, nullptr, ranges)
                     : nullptr;
  if (!font) {  // ImGui's built-in font: ASCII only, so Korean is shown in English
    ImFontConfig config;
    config.SizePixels = size_px;
    atlas.AddFontDefault(&config);
    support.missing_font = paths.latin;
    support.latin_missing = true;
  } else if (std::filesystem::is_regular_file(paths.korean)) {
    ImFontConfig merge;
    merge.MergeMode = true;
    support.hangul = atlas.AddFontFromFileTTF(paths.korean, size_px, &merge, ranges) != nullptr;
  } else {
    support.missing_font = paths.korean;
  }
  return support;
}

}  // namespace ganscope
