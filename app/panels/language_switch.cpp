// The language switch: English or 한국어, each named in its own language, live.
#include "app/panels/language_switch.hpp"

#include "app/i18n/strings.hpp"
#include "app/panels/panels.hpp"
#include "app/scenes/palette.hpp"

namespace ganscope {

void applyLanguage(const ViewSettings& view) {
  i18n::setLanguage(i18n::languageFromCode(view.language).value_or(i18n::Language::En));
}

void drawLanguageSwitch(PanelContext& ctx) {
  using i18n::Language;
  const std::optional<Language> chosen = i18n::languageFromCode(ctx.view.language);
  const Language current = chosen.value_or(Language::En);
  const std::string label = std::string(i18n::tr("language.label")) + "###language";
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
  if (ImGui::BeginCombo(label.c_str(), i18n::languageName(current))) {
    for (const Language language : i18n::kLanguages) {
      if (ImGui::Selectable(i18n::languageName(language), chosen == language)) {
        ctx.view.language = i18n::languageCode(language);
        i18n::setLanguage(language);
      }
    }
    ImGui::EndCombo();
  }
  hint(i18n::tr("language.hint"));
  const i18n::FontSupport& fonts = i18n::fontSupport();
  std::string notice;
  if (!chosen) {
    notice = i18n::trf("language.unknown", ctx.view.language.c_str(),
                       i18n::allowedLanguageCodes().c_str());
  } else if (current == Language::Ko && !fonts.hangul) {
    notice = fonts.latin_missing ? i18n::trf("language.no_latin_font", fonts.missing_font.c_str())
                                 : i18n::trf("language.no_font", fonts.missing_font.c_str());
  }
  if (!notice.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette::kError);
    ImGui::TextWrapped("%s", notice.c_str());
    ImGui::PopStyleColor();
  }
}

}  // namespace ganscope
