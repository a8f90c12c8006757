// The language switch (a small combo at the top of the controls) and the per-frame step that
// makes the view settings' language the one tr() answers in.
#pragma once

namespace ganscope {

struct PanelContext;
struct ViewSettings;

/// Makes `view.language` the language of the UI (an unknown code shows English). Called once
/// per frame before the panels draw, so the switch acts at once, without a restart.
void applyLanguage(const ViewSettings& view);
/// The combo choosing the language, stored in the view settings (persisted); below it a notice
/// when the saved language is unknown or the Korean font is missing.
void drawLanguageSwitch(PanelContext& ctx);

}  // namespace ganscope
