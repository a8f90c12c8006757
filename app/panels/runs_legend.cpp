// The legend of the plots that overlay every run (losses, D means): one entry per series and
// run, the second run's in its lighter colour.
#include <string>

#include "app/panels/panels.hpp"

namespace ganscope {

void drawRunsLegend(plot::PlotCanvas& canvas, const PanelContext& ctx, const RunSeries& first,
                    const RunSeries& second) {
  if (!ctx.comparing()) {
    const plot::LegendEntry legend[] = {
        {first.color, first.name, plot::LegendEntry::Style::Line, first.short_name},
        {second.color, second.name, plot::LegendEntry::Style::Line, second.short_name}};
    canvas.legend(legend);
    return;
  }
  const std::string a = " " + ctx.runs[0]->name(), b = " " + ctx.runs[1]->name() + " (lighter)";
  const std::string names[] = {first.short_name + a, second.short_name + a, first.short_name + b,
                               second.short_name + b};
  const plot::LegendEntry legend[] = {{first.color, names[0].c_str()},
                                      {second.color, names[1].c_str()},
                                      {first.second_color, names[2].c_str()},
                                      {second.second_color, names[3].c_str()}};
  canvas.legend(legend);
}

}  // namespace ganscope
