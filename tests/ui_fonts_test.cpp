// The window's fonts: every character of the string tables has a real glyph (no "?" fallback),
// the atlas holds only those, and a missing font file falls back without a crash.
#include <gtest/gtest.h>

#include <string>

#include "app/i18n/strings.hpp"
#include "app/shell/ui_fonts.hpp"

namespace ganscope {
namespace {

TEST(UiFontsTest, EveryCharacterOfTheTablesHasARealGlyph) {
  ImFontAtlas atlas;
  const i18n::FontSupport support = addUiFonts(atlas, 18.0f);
  ASSERT_TRUE(support.hangul) << "missing " << support.missing_font
                              << ": scripts/setup installs fonts-nanum";
  ASSERT_TRUE(atlas.Build());
  const ImFont* font = atlas.Fonts[0];
  std::string missing;
  size_t hangul = 0;
  for (const char32_t point : i18n::tables().codePoints()) {
    if (point < 0x20) continue;  // line breaks
    hangul += point >= 0xAC00 && point <= 0xD7A3;
    if (!font->FindGlyphNoFallback(static_cast<ImWchar>(point))) {
      missing += "U+" + std::to_string(static_cast<unsigned>(point)) + " ";
    }
  }
  EXPECT_EQ(missing, "") << "these would show as ImGui's '?'";
  EXPECT_GT(hangul, 200u);  // the Korean table's syllables were among them
  // Only the tables' characters and Latin-1: a few hundred glyphs, not 11,172 syllables.
  EXPECT_LT(font->Glyphs.Size, 1000);
}

TEST(UiFontsTest, AMissingKoreanFontFallsBackToEnglishWithoutACrash) {
  ImFontAtlas atlas;
  UiFontPaths paths;
  paths.korean = "/no/such/NanumGothic.ttf";
  const i18n::FontSupport support = addUiFonts(atlas, 18.0f, paths);
  EXPECT_FALSE(support.hangul);
  EXPECT_FALSE(support.latin_missing);
  EXPECT_EQ(support.missing_font, paths.korean);
  ASSERT_TRUE(atlas.Build());
  EXPECT_EQ(atlas.Fonts[0]->FindGlyphNoFallback(0xD55C), nullptr);  // 한: not loaded
  EXPECT_NE(atlas.Fonts[0]->FindGlyphNoFallback('G'), nullptr);

  const i18n::Language language = i18n::language();
  const i18n::FontSupport fonts = i18n::fontSupport();
  i18n::setLanguage(i18n::Language::Ko);
  i18n::setFontSupport(support);
  EXPECT_STREQ(i18n::tr("error.ok"), "OK");  // English, not boxes
  i18n::setFontSupport(fonts);
  i18n::setLanguage(language);
}

TEST(UiFontsTest, AMissingLatinFontUsesTheBuiltInFont) {
  ImFontAtlas atlas;
  UiFontPaths paths;
  paths.latin = "/no/such/DejaVuSans.ttf";
  const i18n::FontSupport support = addUiFonts(atlas, 18.0f, paths);
  EXPECT_TRUE(support.latin_missing);
  EXPECT_FALSE(support.hangul);
  EXPECT_EQ(support.missing_font, paths.latin);
  ASSERT_TRUE(atlas.Build());
  EXPECT_NE(atlas.Fonts[0]->FindGlyphNoFallback('G'), nullptr);
}

}  // namespace
}  // namespace ganscope
