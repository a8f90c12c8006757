// The plots that overlay every run (losses, D means, gradient norms): their legend, one entry
// per series and run, and their lines, the second run's in its lighter colour.
#include <string>

#include "app/i18n/strings.hpp"
#include "app/panels/panels.hpp"

namespace ganscope {

std::vector<plot::LegendEntry> runsLegend(const PanelContext& ctx, const RunSeries& first,
                                          const RunSeries& second,
                                          std::array<std::string, 4>& names) {
  using Style = plot::LegendEntry::Style;
  if (!ctx.comparing()) {
    return {{first.color, first.name, Style::Line, first.short_name},
            {second.color, second.name, Style::Line, second.short_name}};
  }
  const std::string a = " " + ctx.runs[0]->name(), b = " " + ctx.runs[1]->name() + " " +
                                                       std::string(i18n::tr("runs_legend.lighter"));
  names = {first.short_name + a, second.short_name + a, first.short_name + b,
           second.short_name + b};
  return {{first.color, names[0].c_str()},
          {second.color, names[1].c_str()},
          {first.second_color, names[2].c_str()},
          {second.second_color, names[3].c_str()}};
}

void drawRunsLines(plot::PlotCanvas& canvas, const PanelContext& ctx, Series a,
                   const RunSeries& first, Series b, const RunSeries& second) {
  for (size_t i = ctx.runs.size(); i-- > 0;) {
    const MetricStore& store = ctx.runs[i]->store;
    canvas.decimatedLine(store.steps(), store.series(a), i == 0 ? first.color : first.second_color,
                         1.5f);
    canvas.decimatedLine(store.steps(), store.series(b),
                         i == 0 ? second.color : second.second_color, 1.5f);
  }
}

}  // namespace ganscope
