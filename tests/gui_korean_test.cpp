// The window in Korean under a display: the panels' text is Hangul drawn with real glyphs (not
// ImGui's "?" fallback), what is not text (Figure 1's curves) is unchanged, and view.json's
// language is used (an unknown one shows English with a notice).
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "gui_screenshot.hpp"

namespace ganscope {
namespace {

using Shot = test::Screenshot;

/// The 1600x900 window of figure1 at step 100 with `args`, in a config folder of its own
/// holding `view_json` (if any) as its display settings. 60 frames (at most 30 a second: two
/// seconds or more) let every plot's axes settle (they ease by time), so two renders of the
/// same steps agree to the pixel wherever no text differs.
Shot render(const std::string& name, const std::string& args, const std::string& view_json = "") {
  return test::screenshot(name, "--preset figure1 --steps 100 --frames 60 " + args, view_json);
}

struct Rect {
  int x0, y0, x1, y1;
};
// At 1600x900 (see slotRects: controls 396 px wide, the right column from x = 1167, three
// panels of a fifth of the 864 px body above the last): the D histogram's title bar (the
// fourth, from y = 518), and inside Figure 1's plot, curves and grid lines only: no text, the
// same in every language.
constexpr Rect kHistogramTitle{1170, 520, 1600, 543};
constexpr Rect kFigure1Curves{520, 140, 1080, 380};
constexpr Rect kControls{0, 0, 390, 860};

size_t differingPixels(const Shot& a, const Shot& b, Rect r) {
  size_t count = 0;
  for (int y = r.y0; y < r.y1; ++y) {
    for (int x = r.x0; x < r.x1; ++x) count += !std::equal(a.at(x, y), a.at(x, y) + 3, b.at(x, y));
  }
  return count;
}

/// The text in `r` cut into glyph cells at the columns without ink: each cell's width and its
/// ink pattern. The same glyph always gives the same pattern (FreeType's hinted advances are
/// whole pixels), so ImGui's "?" for every missing glyph would show as one repeated cell.
std::vector<std::vector<bool>> glyphCells(const Shot& shot, Rect r, std::vector<int>& widths) {
  const auto ink = [&](int x, int y) {
    const unsigned char* p = shot.at(x, y);
    return p[0] + p[1] + p[2] < 3 * 110;
  };
  std::vector<std::vector<bool>> cells;
  for (int x = r.x0; x < r.x1;) {
    bool any = false;
    for (int y = r.y0; y < r.y1 && !any; ++y) any = ink(x, y);
    if (!any) {
      ++x;
      continue;
    }
    std::vector<bool> cell;
    const int start = x;
    for (; x < r.x1; ++x) {
      bool column = false;
      for (int y = r.y0; y < r.y1; ++y) {
        cell.push_back(ink(x, y));
        column = column || cell.back();
      }
      if (!column) break;
    }
    widths.push_back(x - start);
    cells.push_back(std::move(cell));
  }
  return cells;
}

size_t redTextPixels(const Shot& shot, Rect r) {  // palette::kError, anti-aliased
  size_t count = 0;
  for (int y = r.y0; y < r.y1; ++y) {
    for (int x = r.x0; x < r.x1; ++x) {
      const unsigned char* p = shot.at(x, y);
      count += p[0] > 150 && p[1] < 90 && p[2] < 90;
    }
  }
  return count;
}

TEST(GuiKoreanTest, TheKoreanWindowDrawsRealHangulWhereThePanelsAreConverted) {
  ASSERT_NE(std::getenv("DISPLAY"), nullptr) << "GUI tests need a display (xvfb-run)";
  const Shot en = render("lang-en", "--lang en");
  const Shot ko = render("lang-ko", "--lang ko");
  ASSERT_EQ(ko.width, 1600);
  ASSERT_EQ(en.width, 1600);
  // Only the text differs: the title changes, the curves (and so the layout) do not.
  EXPECT_GT(differingPixels(en, ko, kHistogramTitle), 500u);
  EXPECT_EQ(differingPixels(en, ko, kFigure1Curves), 0u);
  // "D(x)와 D(G(z))의 히스토그램": Hangul syllables are full-width cells (11+ px at 18 px, where
  // "?", D and G are 8-10 px) and each draws differently. With "?" for every syllable the title
  // would have at most 7 distinct cells (D ( x ) G z ?) and no wide one.
  std::vector<int> widths;
  const auto cells = glyphCells(ko, kHistogramTitle, widths);
  const std::set<std::vector<bool>> distinct(cells.begin(), cells.end());
  EXPECT_GE(distinct.size(), 12u);
  EXPECT_GE(std::count_if(widths.begin(), widths.end(), [](int w) { return w >= 11; }), 4);
}

TEST(GuiKoreanTest, ViewJsonChoosesTheLanguageAndAnUnknownOneShowsEnglishWithANotice) {
  const Shot en = render("view-en", "");
  const Shot saved_ko = render("view-ko", "", R"({"language": "ko"})");
  const Shot unknown = render("view-xx", "", R"({"language": "xx"})");
  EXPECT_GT(differingPixels(en, saved_ko, kHistogramTitle), 500u) << "view.json's ko not used";
  EXPECT_EQ(differingPixels(en, unknown, kHistogramTitle), 0u) << "xx is not shown in English";
  // The notice under the language switch, in the error colour the English window lacks there.
  EXPECT_GT(redTextPixels(unknown, kControls), redTextPixels(en, kControls) + 200);
}

}  // namespace
}  // namespace ganscope
