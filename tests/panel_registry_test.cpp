// PanelRegistry: every scenario fills every layout slot exactly once, and the scenarios differ
// only where their pictures do (the main picture and the plot below the D means).
#include <gtest/gtest.h>

#include <array>

#include "app/panels/panel_registry.hpp"

namespace ganscope {
namespace {

/// The panel in each slot of `scenario`'s layout (nullptr for an empty slot).
std::array<const Panel*, kSlotCount> panelsBySlot(const PanelRegistry& registry,
                                                  Scenario scenario) {
  std::array<const Panel*, kSlotCount> panels{};
  for (const Placement& placement : registry.layout(scenario)) {
    const Panel*& slot = panels[static_cast<size_t>(placement.slot)];
    EXPECT_EQ(slot, nullptr) << "slot " << slotName(placement.slot) << " filled twice";
    slot = placement.panel;
  }
  return panels;
}

TEST(PanelRegistryTest, EachScenarioFillsEverySlotOnce) {
  const PanelRegistry registry;
  for (Scenario scenario : {Scenario::Figure1, Scenario::Plane}) {
    const auto panels = panelsBySlot(registry, scenario);
    for (int slot = 0; slot < kSlotCount; ++slot) {
      EXPECT_NE(panels[slot], nullptr) << "slot " << slotName(static_cast<Slot>(slot)) << " empty";
    }
  }
}

TEST(PanelRegistryTest, ScenariosShareAllButTheirPictures) {
  const PanelRegistry registry;
  const auto figure1 = panelsBySlot(registry, Scenario::Figure1);
  const auto plane = panelsBySlot(registry, Scenario::Plane);
  for (int i = 0; i < kSlotCount; ++i) {
    const Slot slot = static_cast<Slot>(i);
    const bool own = slot == Slot::Main || slot == Slot::RightBottom;
    EXPECT_EQ(figure1[i] != plane[i], own) << slotName(slot);
  }
}

}  // namespace
}  // namespace ganscope
