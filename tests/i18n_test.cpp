// The string tables: ko and en have the same keys and, per key, the same printf conversions;
// lookups fall back to English; the schema's and presets' English texts match their sources;
// texts that core and the CLI spell in English (divergence reasons, side-by-side refusals) say the
// same in the window's English table, and follow the language.
#include <gtest/gtest.h>

#include <algorithm>

#include "app/i18n/config_text.hpp"
#include "app/i18n/divergence_text.hpp"
#include "app/i18n/strings.hpp"
#include "app/panels/language_switch.hpp"
#include "app/state/run_view.hpp"
#include "app/state/view_settings.hpp"
#include "app/widgets/number_text.hpp"
#include "core/config/presets.hpp"
#include "core/config/schema.hpp"

namespace ganscope {
namespace {

using i18n::Language;

/// The keys of `a`'s table that `b`'s lacks.
std::vector<std::string> missingKeys(Language a, Language b) {
  std::vector<std::string> missing;
  for (const std::string& key : i18n::tables().keys(a)) {
    if (!i18n::lookup(b, key)) missing.push_back(key);
  }
  return missing;
}

std::string joined(const std::vector<std::string>& keys) {
  std::string text;
  for (const std::string& key : keys) text += key + " ";
  return text;
}

/// Sets the language and what the fonts show for one test, and restores both after it.
class LanguageScope {
 public:
  LanguageScope(Language language, bool hangul)
      : language_(i18n::language()), fonts_(i18n::fontSupport()) {
    i18n::setLanguage(language);
    i18n::FontSupport fonts;
    fonts.hangul = hangul;
    i18n::setFontSupport(fonts);
  }
  ~LanguageScope() {
    i18n::setLanguage(language_);
    i18n::setFontSupport(fonts_);
  }

 private:
  Language language_;
  i18n::FontSupport fonts_;
};

TEST(I18nTest, KoreanAndEnglishHaveTheSameKeys) {
  EXPECT_GT(i18n::tables().keys(Language::En).size(), 300u);
  EXPECT_EQ(missingKeys(Language::En, Language::Ko), std::vector<std::string>{})
      << "not translated: " << joined(missingKeys(Language::En, Language::Ko));
  EXPECT_EQ(missingKeys(Language::Ko, Language::En), std::vector<std::string>{})
      << "Korean only: " << joined(missingKeys(Language::Ko, Language::En));
}

TEST(I18nTest, EveryKeyHasTheSamePrintfConversionsInBothLanguages) {
  // A text with a lone '%' ("90% of its samples") is plain text for tr(), never a format: trf
  // refuses it. Either way both languages must agree.
  size_t formats = 0;
  for (const std::string& key : i18n::tables().keys(Language::En)) {
    const auto en = i18n::conversions(*i18n::lookup(Language::En, key));
    const auto ko_text = i18n::lookup(Language::Ko, key);
    if (!ko_text) continue;  // reported by KoreanAndEnglishHaveTheSameKeys
    EXPECT_EQ(i18n::conversions(*ko_text), en) << key << ": \"" << *ko_text << "\"";
    formats += en && !en->empty();
  }
  EXPECT_GT(formats, 50u);  // the check saw the formats, not only plain texts
}

TEST(I18nTest, KoreanTextsAreKorean) {
  // Symbols (D(x), KL, beta1) stay as they are, so not every text has Hangul; most do.
  size_t hangul = 0, total = 0;
  for (const std::string& key : i18n::tables().keys(Language::Ko)) {
    const std::string_view text = *i18n::lookup(Language::Ko, key);
    ++total;
    hangul += text.find("\xEA") != std::string_view::npos ||  // U+A000-AFFF: 가-꿯
              text.find("\xEB") != std::string_view::npos ||  // 뀀-뿯
              text.find("\xEC") != std::string_view::npos ||  // 쀀-쿯
              text.find("\xED") != std::string_view::npos;    // 퀀-힣
  }
  EXPECT_GT(hangul * 10, total * 7) << hangul << " of " << total << " texts have Hangul";
}

TEST(I18nTest, ConversionsReadPrintfFormats) {
  EXPECT_EQ(i18n::conversions("plain text"), "");
  EXPECT_EQ(i18n::conversions("100%% sure"), "");
  EXPECT_EQ(i18n::conversions("(%c) step %lld of %d"), "iLi");
  EXPECT_EQ(i18n::conversions("%.3f %5.1f%% %g %.3g %s"), "ffffs");
  EXPECT_EQ(i18n::conversions("90% of its samples"), std::nullopt);  // plain text, not a format
  EXPECT_EQ(i18n::conversions("%zu points, %llu frames"), "zU");
  EXPECT_EQ(i18n::conversions("%n"), std::nullopt);
  EXPECT_EQ(i18n::conversions("%*d"), std::nullopt);
  EXPECT_EQ(i18n::conversions("%ld"), std::nullopt);  // long is not one of trf's types
  EXPECT_EQ(i18n::conversions("ends in %"), std::nullopt);
}

TEST(I18nTest, AMissingTranslationOrABadFormatFallsBackToEnglish) {
  const EmbeddedFile files[] = {
      {"en.json", R"({"greeting": "hello", "count": "%d steps", "both": "%d of %d"})"},
      {"ko.json", R"({"count": "%s 스텝", "both": "%d / %d 중"})"},
      {"xx.json", R"({"greeting": "ignored"})"}};
  const i18n::Tables tables(files);
  EXPECT_EQ(*tables.text(Language::Ko, "greeting"), "hello");  // not translated: English
  EXPECT_EQ(tables.text(Language::Ko, "nothing"), nullptr);
  EXPECT_EQ(*tables.format(Language::Ko, "both", "ii"), "%d / %d 중");
  // Korean's %s would read an int as a pointer: English's format is used.
  EXPECT_EQ(*tables.format(Language::Ko, "count", "i"), "%d steps");
  EXPECT_EQ(tables.format(Language::Ko, "count", "f"), nullptr);  // matches neither
}

TEST(I18nTest, BadTablesAreRefusedNamingTheFile) {
  const EmbeddedFile not_strings[] = {{"ko.json", R"({"a": 1})"}};
  EXPECT_THROW(i18n::Tables{not_strings}, std::runtime_error);
  const EmbeddedFile not_json[] = {{"en.json", "{"}};
  try {
    i18n::Tables tables(not_json);
    ADD_FAILURE() << "accepted";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("en.json"), std::string::npos) << error.what();
  }
}

TEST(I18nTest, TrAnswersInTheChosenLanguageWhenTheFontsCanShowIt) {
  {
    const LanguageScope korean(Language::Ko, true);
    EXPECT_STREQ(i18n::tr("error.ok"), "확인");
    EXPECT_EQ(i18n::trf("capture.slot", 'b', 300LL), "(b)  스텝 300");
    EXPECT_STREQ(i18n::tr("no.such.key"), "no.such.key");  // visible, never a crash
  }
  {
    const LanguageScope no_font(Language::Ko, false);  // Korean chosen, no Hangul glyphs
    EXPECT_STREQ(i18n::tr("error.ok"), "OK");
    EXPECT_EQ(i18n::language(), Language::Ko);  // still the choice the switch shows
  }
  {
    const LanguageScope english(Language::En, true);
    EXPECT_STREQ(i18n::tr("error.ok"), "OK");
    EXPECT_EQ(i18n::trf("capture.slot", 'b', 300LL), "(b)  step 300");
    // Arguments of the wrong types never reach printf: the key is shown instead.
    EXPECT_EQ(i18n::trf("capture.slot", 1.5, "x"), "capture.slot");
  }
}

TEST(I18nTest, TheViewSettingsLanguageTakesEffectAtOnce) {
  const LanguageScope restore(Language::En, true);  // fonts with Hangul, as in the window
  ViewSettings view;
  view.language = "ko";
  applyLanguage(view);  // what the frame loop does before the panels draw
  EXPECT_STREQ(i18n::tr("d_histogram.title"), "D(x)와 D(G(z))의 히스토그램");
  view.language = "en";  // the switch, next frame: no restart
  applyLanguage(view);
  EXPECT_STREQ(i18n::tr("d_histogram.title"), "Histograms of D(x) and D(G(z))");
  view.language = "xx";  // unknown (a hand-edited view.json): English
  applyLanguage(view);
  EXPECT_STREQ(i18n::tr("d_histogram.title"), "Histograms of D(x) and D(G(z))");
}

TEST(I18nTest, LanguageCodesAreWhatTheOptionsAllow) {
  EXPECT_EQ(i18n::allowedLanguageCodes(), "en, ko");
  EXPECT_EQ(i18n::languageFromCode("ko"), Language::Ko);
  EXPECT_EQ(i18n::languageFromCode("en"), Language::En);
  EXPECT_EQ(i18n::languageFromCode("KO"), std::nullopt);
  EXPECT_EQ(i18n::languageFromCode(""), std::nullopt);
}

TEST(I18nTest, TheSchemaHelpEnumLabelsAndPresetDescriptionsAreInTheTables) {
  // The English table holds the sources' own texts, so a changed help line or description
  // fails here until its translation is brought up to date.
  for (const ConfigField& field : configFields()) {
    const std::string key = i18n::fieldHelpKey(field);
    EXPECT_EQ(i18n::lookup(Language::En, key), std::string_view(field.help)) << key;
    EXPECT_TRUE(i18n::lookup(Language::Ko, key)) << key;
    for (const EnumName& name : field.names) {
      const std::string label = i18n::enumLabelKey(field, name);
      EXPECT_EQ(i18n::lookup(Language::En, label), std::string_view(name.label)) << label;
      EXPECT_TRUE(i18n::lookup(Language::Ko, label)) << label;
    }
  }
  for (const std::string& preset : presetNames()) {
    const std::string key = i18n::presetDescriptionKey(preset);
    EXPECT_EQ(i18n::lookup(Language::En, key), presetConfig(preset).description) << key;
    EXPECT_TRUE(i18n::lookup(Language::Ko, key)) << key;
  }
}

TEST(I18nTest, ConfigTextsFollowTheLanguage) {
  const ConfigField& loss = configField("hyper.loss");
  const TrainConfig figure1 = presetConfig("figure1");
  const LanguageScope korean(Language::Ko, true);
  EXPECT_STREQ(i18n::fieldHelp(configField("generator.activation")),
               "G의 활성화 함수: relu, leaky_relu (기울기 0.2) 또는 tanh");
  EXPECT_STREQ(i18n::enumLabel(loss, loss.names[0]), "미니맥스  log(1 - D(G(z)))");
  EXPECT_NE(i18n::configDescription("figure1", figure1.description), figure1.description);
  EXPECT_NE(i18n::configDescription("figure1", figure1.description).find("그림 1"),
            std::string::npos);
  // A user's file named like a preset keeps its own description.
  EXPECT_EQ(i18n::configDescription("figure1", "my own"), "my own");
}

TEST(I18nTest, EveryDivergenceReasonReadsAsCoreSaysItInEnglishAndIsTranslated) {
  for (const Divergence why :
       {Divergence::NotFinite, Divergence::LossBlowUp, Divergence::WeightBlowUp}) {
    std::string english, korean;
    {
      LanguageScope scope(Language::En, true);
      english = i18n::divergenceText(why, 1234);
    }
    {
      LanguageScope scope(Language::Ko, true);
      korean = i18n::divergenceText(why, 1234);
    }
    EXPECT_EQ(english, describeDivergence(why, 1234)) << toString(why);
    EXPECT_NE(korean, english) << toString(why);
    EXPECT_NE(korean.find("1234"), std::string::npos) << korean;
  }
  EXPECT_EQ(i18n::divergenceText(Divergence::None, 5), "");
}

TEST(I18nTest, SideBySideRefusalsReadAsTheCliSaysThemInEnglish) {
  const TrainConfig one_d = presetConfig("figure1"), two_d = presetConfig("ring-stddev");
  EXPECT_EQ(sideBySideProblemKey(one_d, presetConfig("bimodal-1d")), nullptr);
  LanguageScope scope(Language::En, true);
  TrainConfig images = one_d;
  images.data.kind = DataKind::Images;
  for (const auto& [a, b] : {std::pair{one_d, two_d}, std::pair{two_d, one_d},
                             std::pair{images, two_d}, std::pair{one_d, images}}) {
    const char* key = sideBySideProblemKey(a, b);
    ASSERT_NE(key, nullptr);
    EXPECT_EQ(std::string(i18n::tr(key)), sideBySideProblem(a, b));
  }
}

TEST(I18nTest, NumberRefusalsFollowTheLanguage) {
  const NumberSpec rate{.lo = 0, .hi = 100, .lo_open = true};
  std::string english, korean;
  {
    LanguageScope scope(Language::En, true);
    english = refusalText("1000", NumberError::OutOfRange, rate);
  }
  {
    LanguageScope scope(Language::Ko, true);
    korean = refusalText("1000", NumberError::OutOfRange, rate);
  }
  EXPECT_EQ(english, "\"1000\" is out of range; allowed: above 0, up to 100");
  EXPECT_NE(korean, english);
  for (const char* part : {"\"1000\"", "0 ", "100"}) {
    EXPECT_NE(korean.find(part), std::string::npos) << korean << " lacks " << part;
  }
}

}  // namespace
}  // namespace ganscope
