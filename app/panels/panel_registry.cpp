// PanelRegistry: the one list of which panels each scenario shows, and where.
#include "app/panels/panel_registry.hpp"

#include "app/panels/panels.hpp"

namespace ganscope {

const char* slotName(Slot slot) {
  switch (slot) {
    case Slot::Controls:
      return "controls";
    case Slot::Main:
      return "main";
    case Slot::Below:
      return "below";
    case Slot::RightTop:
      return "right-top";
    case Slot::RightMiddle:
      return "right-middle";
    case Slot::RightLower:
      return "right-lower";
    case Slot::RightBottom:
      return "right-bottom";
    case Slot::Status:
      return "status";
  }
  return "?";
}

std::optional<Slot> slotNamed(std::string_view name) {
  for (int i = 0; i < kSlotCount; ++i) {
    if (name == slotName(static_cast<Slot>(i))) return static_cast<Slot>(i);
  }
  return std::nullopt;
}

std::string slotNameList() {
  std::string names;
  for (int i = 0; i < kSlotCount; ++i) {
    names += (i > 0 ? ", " : "") + std::string(slotName(static_cast<Slot>(i)));
  }
  return names;
}

Panel* PanelRegistry::add(std::unique_ptr<Panel> panel) {
  panels_.push_back(std::move(panel));
  return panels_.back().get();
}

PanelRegistry::PanelRegistry() {
  Panel* controls = add(makeControlsPanel());
  Panel* captures = add(makeCapturePanel());
  Panel* losses = add(makeLossesPanel());
  Panel* d_means = add(makeDMeansPanel());
  Panel* gradients = add(makeGradientsPanel());
  Panel* status = add(makeStatusBar());
  Panel* histogram = add(makeDHistogramPanel());
  // The latent explorer shares a slot by a tab: below Figure 1 and the plane with the captures
  // (the path shows on the picture above it), and with the sample grids for images (where its
  // pictures need the centre's height; the grids' pins are its endpoints).
  Panel* explorer = add(makeLatentExplorerPanel());
  Panel* captures_or_explorer = add(makeExplorerTabs(captures, explorer));
  auto& figure1 = layouts_[static_cast<size_t>(Scenario::Figure1)];
  figure1 = {{Slot::Controls, controls},          {Slot::Main, add(makeFigure1Panel())},
             {Slot::Below, captures_or_explorer}, {Slot::RightTop, losses},
             {Slot::RightMiddle, d_means},        {Slot::RightLower, gradients},
             {Slot::RightBottom, histogram},      {Slot::Status, status}};
  auto& plane = layouts_[static_cast<size_t>(Scenario::Plane)];
  plane = {{Slot::Controls, controls},
           {Slot::Main, add(makePlanePanel())},
           {Slot::Below, captures_or_explorer},
           {Slot::RightTop, losses},
           {Slot::RightMiddle, d_means},
           {Slot::RightLower, gradients},
           {Slot::RightBottom, add(makeModesPanel())},
           {Slot::Status, status}};
  // Images: the grids need the centre's height, the class coverage its width (its bars and
  // Fréchet plot side by side), so coverage goes Below and the right column keeps four plots.
  auto& image = layouts_[static_cast<size_t>(Scenario::Image)];
  image = {{Slot::Controls, controls},
           {Slot::Main, add(makeExplorerTabs(add(makeSampleGridPanel()), explorer))},
           {Slot::Below, add(makeClassCoveragePanel())},
           {Slot::RightTop, losses},
           {Slot::RightMiddle, d_means},
           {Slot::RightLower, histogram},
           {Slot::RightBottom, gradients},
           {Slot::Status, status}};
}

std::span<const Placement> PanelRegistry::layout(Scenario scenario) const {
  return layouts_[static_cast<size_t>(scenario)];
}

}  // namespace ganscope
