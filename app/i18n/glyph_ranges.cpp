// uiGlyphRanges: ImGui's default ranges and the tables' code points, merged by ImGui's builder.
#include "app/i18n/glyph_ranges.hpp"

#include "app/i18n/strings.hpp"

namespace ganscope::i18n {

const ImWchar* uiGlyphRanges() {
  static const ImVector<ImWchar> ranges = [] {
    ImFontGlyphRangesBuilder builder;
    static const ImWchar kLatin1[] = {0x0020, 0x00FF, 0};  // ImGui's default ranges
    builder.AddRanges(kLatin1);
    for (const char32_t point : tables().codePoints()) {
      if (point <= IM_UNICODE_CODEPOINT_MAX) builder.AddChar(static_cast<ImWchar>(point));
    }
    ImVector<ImWchar> built;
    builder.BuildRanges(&built);
    return built;
  }();
  return ranges.Data;
}

}  // namespace ganscope::i18n
