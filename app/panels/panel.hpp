// Panel: the base of every panel of the window (as in ImHex): the non-virtual draw() opens the
// panel's window at its layout slot and calls the panel's drawContent().
#pragma once
#include <imgui.h>

namespace ganscope {

struct PanelContext;

/// What the user did to a panel's window this frame (the layout turns it into focus mode).
struct PanelEvents {
  bool hovered = false;               ///< the mouse is over the window or one of its children
  bool title_double_clicked = false;  ///< a double-click on the title bar
};

class Panel {
  friend class ExplorerTabs;  // shows another panel's content in a tab (latent_explorer_panel)

 public:
  virtual ~Panel() = default;

  /// Draws the panel as a fixed window at `pos`, `size`; `slot_id` keeps the window's identity
  /// per layout slot, so panels that swap in a slot share its place.
  PanelEvents draw(PanelContext& ctx, const char* slot_id, ImVec2 pos, ImVec2 size);

 protected:
  /// The title bar's text.
  virtual const char* title() const = 0;
  /// Extra ImGui window flags (default: no scrollbar).
  virtual ImGuiWindowFlags flags() const { return ImGuiWindowFlags_NoScrollbar; }
  virtual void drawContent(PanelContext& ctx) = 0;
};

}  // namespace ganscope
