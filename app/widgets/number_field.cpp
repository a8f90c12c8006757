// The number field widget on Dear ImGui: a text box that commits typed numbers and a drag handle.
#include "app/widgets/number_field.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // the window's flags: a wheel over the handle must not scroll

#include <cmath>
#include <cstdio>
#include <cstring>

#include "app/scenes/palette.hpp"

namespace ganscope {
namespace {

/// Keeps what is typed: the text box's own buffer is refilled from the value every frame.
int rememberText(ImGuiInputTextCallbackData* data) {
  static_cast<NumberFieldState*>(data->UserData)->text.assign(data->Buf, data->BufTextLen);
  return 0;
}

/// Draws the handle's two arrows (left and right) inside `min`..`max`.
void drawHandle(ImVec2 min, ImVec2 max, bool hovered, bool active) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImGuiCol bg = active    ? ImGuiCol_FrameBgActive
                      : hovered ? ImGuiCol_FrameBgHovered
                                : ImGuiCol_FrameBg;
  draw->AddRectFilled(min, max, ImGui::GetColorU32(bg), ImGui::GetStyle().FrameRounding);
  const float cx = (min.x + max.x) / 2, cy = (min.y + max.y) / 2;
  const float s = (max.y - min.y) * 0.22f, gap = s * 0.35f;
  const ImU32 colour = ImGui::GetColorU32(ImGuiCol_Text);
  draw->AddTriangleFilled({cx - gap, cy - s}, {cx - gap, cy + s}, {cx - gap - s * 1.3f, cy},
                          colour);
  draw->AddTriangleFilled({cx + gap, cy - s}, {cx + gap + s * 1.3f, cy}, {cx + gap, cy + s},
                          colour);
}

/// The handle beside the text box: drag left/right from where the drag began, or wheel steps.
bool handle(const NumberSpec& spec, double& value) {
  const float size = ImGui::GetFrameHeight();
  ImGui::InvisibleButton("##handle", ImVec2(size, size));
  const bool hovered = ImGui::IsItemHovered(), active = ImGui::IsItemActive();
  drawHandle(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), hovered, active);
  if (hovered || active) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
  ImGuiStorage* storage = ImGui::GetStateStorage();
  const ImGuiID id = ImGui::GetItemID();
  if (ImGui::IsItemActivated()) storage->SetFloat(id, static_cast<float>(value));
  bool changed = false;
  if (active) {
    const float dx = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0).x;
    if (dx != 0) {
      const double dragged = dragValue(storage->GetFloat(id), dx, spec);
      changed = dragged != value;
      value = dragged;
    }
  }
  const float wheel = ImGui::GetIO().MouseWheel;
  if (hovered) {
    // ImGui scrolls a window at the start of a frame by its flags of the last: this one's
    // wheel steps the value instead.
    ImGui::GetCurrentWindow()->Flags |= ImGuiWindowFlags_NoScrollWithMouse;
    if (wheel != 0 && !active) {
      const int notches = wheel > 0 ? std::max(1, static_cast<int>(std::lround(wheel)))
                                    : std::min(-1, static_cast<int>(std::lround(wheel)));
      const double stepped = wheelStep(value, notches, spec);
      changed = stepped != value;
      value = stepped;
    }
  }
  return changed;
}

}  // namespace

bool numberField(NumberFieldState& state, const char* label, const std::string& id,
                 const NumberSpec& spec, double& value) {
  ImGui::PushID(id.c_str());  // the same in every language, unlike the label
  ImGui::BeginGroup();
  const ImGuiStyle& style = ImGui::GetStyle();
  const float handle_width = ImGui::GetFrameHeight();
  ImGui::SetNextItemWidth(
      std::max(ImGui::CalcItemWidth() - handle_width - style.ItemInnerSpacing.x, handle_width));
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), "%s", formatNumber(value, spec.integer).c_str());
  const ImGuiInputTextFlags flags =
      ImGuiInputTextFlags_AutoSelectAll | ImGuiInputTextFlags_CallbackEdit |
      (spec.integer ? ImGuiInputTextFlags_CharsDecimal : ImGuiInputTextFlags_CharsScientific);
  ImGui::InputText("##text", buffer, sizeof(buffer), flags, rememberText, &state);
  const ImGuiID text_id = ImGui::GetItemID();
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  if (ImGui::IsItemVisible()) {
    state.rects[id] = {min.x, min.y, max.x, max.y};
  } else {
    state.rects.erase(id);  // scrolled away: not clickable
  }
  if (ImGui::IsItemActivated()) {
    if (state.editing != 0 && state.editing != text_id) {
      state.closing = state.editing;
      state.closing_text = std::move(state.text);
      state.closing_frame = ImGui::GetFrameCount();
    }
    state.editing = text_id;
    state.text = buffer;
  }
  bool changed = false;
  const bool mine = state.editing == text_id;
  const bool closing = state.closing == text_id && state.closing_frame == ImGui::GetFrameCount();
  if (ImGui::IsItemDeactivated() && (mine || closing)) {
    const std::string typed = mine ? state.text : state.closing_text;
    (mine ? state.editing : state.closing) = 0;
    // Enter and a click elsewhere commit (as in a spreadsheet); Escape cancels.
    if (!ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
      const ParsedNumber parsed = parseNumber(typed, spec);
      if (parsed.ok()) {
        changed = parsed.value != value;
        value = parsed.value;
        if (state.refused == text_id) state.refused = 0;
      } else {
        state.refused = text_id;
        state.refusal = refusalText(typed, parsed.error, spec);
      }
    }
  }
  ImGui::SameLine(0, style.ItemInnerSpacing.x);
  if (handle(spec, value)) {
    changed = true;
    if (state.refused == text_id) state.refused = 0;
  }
  if (const auto found = state.rects.find(id); found != state.rects.end()) {
    const ImVec2 handle_min = ImGui::GetItemRectMin(), handle_max = ImGui::GetItemRectMax();
    found->second.handle_x = (handle_min.x + handle_max.x) / 2;
    found->second.handle_y = (handle_min.y + handle_max.y) / 2;
  }
  const char* label_end = ImGui::FindRenderedTextEnd(label);
  if (label_end != label) {
    ImGui::SameLine(0, style.ItemInnerSpacing.x);
    ImGui::TextUnformatted(label, label_end);
  }
  if (state.refused == text_id) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette::kError);
    ImGui::TextWrapped("%s", state.refusal.c_str());  // the allowed range whole in a narrow panel
    ImGui::PopStyleColor();
  }
  ImGui::EndGroup();
  ImGui::PopID();
  return changed;
}

bool numberField(NumberFieldState& state, const char* label, const std::string& id,
                 const NumberSpec& spec, float& value) {
  double edited = value;
  if (!numberField(state, label, id, spec, edited)) return false;
  value = static_cast<float>(edited);
  return true;
}

namespace {

template <class Int>
bool integerField(NumberFieldState& state, const char* label, const std::string& id,
                  NumberSpec spec, Int& value) {
  spec.integer = true;
  double edited = static_cast<double>(value);
  if (!numberField(state, label, id, spec, edited)) return false;
  value = static_cast<Int>(std::llround(edited));
  return true;
}

}  // namespace

bool numberField(NumberFieldState& state, const char* label, const std::string& id, NumberSpec spec,
                 int& value) {
  return integerField(state, label, id, spec, value);
}
bool numberField(NumberFieldState& state, const char* label, const std::string& id, NumberSpec spec,
                 int64_t& value) {
  return integerField(state, label, id, spec, value);
}
bool numberField(NumberFieldState& state, const char* label, const std::string& id, NumberSpec spec,
                 uint64_t& value) {
  return integerField(state, label, id, spec, value);
}

}  // namespace ganscope
