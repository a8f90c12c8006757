// PanelRegistry: every panel of the window, built once, and which of them each scenario shows
// in which layout slot. GuiApp lays the slots out and draws what the registry lists.
#pragma once
#include <array>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "app/panels/panel.hpp"
#include "core/api/scenario.hpp"
#include "core/api/telemetry/frames.hpp"

namespace ganscope {

/// The window's fixed places: controls on the left, the main picture and the captures in the
/// centre, four plots on the right, the status bar along the bottom.
enum class Slot : uint8_t {
  Controls,
  Main,
  Below,
  RightTop,
  RightMiddle,
  RightLower,
  RightBottom,
  Status
};
inline constexpr int kSlotCount = 8;

/// The slot's name, which is also its ImGui window id.
const char* slotName(Slot slot);
/// The slot called `name` (as slotName spells it), or nullopt.
std::optional<Slot> slotNamed(std::string_view name);
/// Every slot's name, comma-separated, for messages and --help.
std::string slotNameList();

struct Placement {
  Slot slot;
  Panel* panel;
};

class PanelRegistry {
 public:
  PanelRegistry();

  /// The panels `scenario` shows, in drawing order, each with its slot.
  std::span<const Placement> layout(Scenario scenario) const;

 private:
  Panel* add(std::unique_ptr<Panel> panel);

  std::vector<std::unique_ptr<Panel>> panels_;
  std::array<std::vector<Placement>, std::tuple_size_v<FrameKinds>> layouts_;  ///< per scenario
};

}  // namespace ganscope
