// A number field: a click opens the number for typing (all of it selected), Enter or a click
// elsewhere commits, Escape cancels; a refused entry reverts and says in red what is allowed.
// A small handle beside it drags the value (log scale for scale parameters) or steps it on the
// mouse wheel; a plain click never changes the value.
#pragma once
#include <cstdint>
#include <string>
#include <unordered_map>

#include "app/widgets/number_text.hpp"

namespace ganscope {

/// Where a field's text box and handle were drawn last frame, in screen pixels.
struct FieldRect {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  ///< the text box
  float handle_x = 0, handle_y = 0;      ///< the handle's centre
};

/// The state number fields share: one field is typed in at a time. One per window (UiState).
struct NumberFieldState {
  unsigned editing = 0;  ///< ImGui id of the field being typed in (0: none)
  std::string text;      ///< what has been typed in it so far
  /// A field left for one drawn earlier in the frame (a click on a field above it): it commits
  /// this text when it is drawn later in that frame (a field not drawn then drops it).
  unsigned closing = 0;
  std::string closing_text;
  int closing_frame = -1;  ///< ImGui's frame count when `closing` was left
  unsigned refused = 0;    ///< the field whose last entry was refused (0: none)
  std::string refusal;     ///< why, with the allowed range
  /// Each field's text box by its id text (the config path for config fields), for scripted
  /// input (--input-script clicks a field by name).
  std::unordered_map<std::string, FieldRect> rects;
};

/// A number field labelled `label` (text after "##" is not shown) over `value`; `id` names it
/// in `state.rects`. Returns true when the value changed (committed, dragged or stepped).
bool numberField(NumberFieldState& state, const char* label, const std::string& id,
                 const NumberSpec& spec, double& value);
/// The same over a float, an int and a 64-bit integer (spec.integer is implied for those).
bool numberField(NumberFieldState& state, const char* label, const std::string& id,
                 const NumberSpec& spec, float& value);
bool numberField(NumberFieldState& state, const char* label, const std::string& id, NumberSpec spec,
                 int& value);
bool numberField(NumberFieldState& state, const char* label, const std::string& id, NumberSpec spec,
                 int64_t& value);
bool numberField(NumberFieldState& state, const char* label, const std::string& id, NumberSpec spec,
                 uint64_t& value);

}  // namespace ganscope
