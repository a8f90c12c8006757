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
  for (Scenario scenario : {Scenario::Figure1, Scenario::Plane, Scenario::Image}) {
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

TEST(PanelRegistryTest, ImagesShowTheirGridsAndCoverageWithTheSharedPlots) {
  const PanelRegistry registry;
  const auto figure1 = panelsBySlot(registry, Scenario::Figure1);
  const auto image = panelsBySlot(registry, Scenario::Image);
  // Their own: the grids (Main) and class coverage (Below, where the captures are otherwise).
  EXPECT_NE(image[static_cast<size_t>(Slot::Main)], figure1[static_cast<size_t>(Slot::Main)]);
  EXPECT_NE(image[static_cast<size_t>(Slot::Below)], figure1[static_cast<size_t>(Slot::Below)]);
  // Shared: losses and D means; the D histogram and gradient norms trade places.
  for (const Slot slot : {Slot::Controls, Slot::RightTop, Slot::RightMiddle, Slot::Status}) {
    EXPECT_EQ(image[static_cast<size_t>(slot)], figure1[static_cast<size_t>(slot)])
        << slotName(slot);
  }
  EXPECT_EQ(image[static_cast<size_t>(Slot::RightLower)],
            figure1[static_cast<size_t>(Slot::RightBottom)]);
  EXPECT_EQ(image[static_cast<size_t>(Slot::RightBottom)],
            figure1[static_cast<size_t>(Slot::RightLower)]);
}

}  // namespace
}  // namespace ganscope
