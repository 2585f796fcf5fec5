// The participation chart as SVG: one labelled bar per month, its rate
// written above it, so the figure reads without colour and without the
// table; role="img" with title and desc for screen readers.
#include <fmt/format.h>

#include "publish/formats/html_writer.h"
#include "publish/formats/renderers.h"

namespace plenary {
namespace {

constexpr int kBarWidth = 48;
constexpr int kGap = 24;
constexpr int kPlotHeight = 160;
constexpr int kTop = 30;
constexpr int kLeft = 40;

std::string Num(int n) { return std::to_string(n); }

void Gridlines(html::HtmlWriter& w, int width, int base) {
  for (int pct : {0, 50, 100}) {
    const std::string y = Num(base - kPlotHeight * pct / 100);
    w.Void("line", {{"x1", Num(kLeft)},
                    {"y1", y},
                    {"x2", Num(width - kGap / 2)},
                    {"y2", y},
                    {"stroke", "#ccc"}});
    w.Element("text", fmt::format("{}%", pct),
              {{"x", Num(kLeft - 4)},
               {"y", Num(base - kPlotHeight * pct / 100 + 4)},
               {"font-size", "11"},
               {"text-anchor", "end"}});
    w.Raw("\n");
  }
}

void Bar(html::HtmlWriter& w, const BarChart& chart, std::size_t i, int base) {
  double value = chart.values[i] < 0 ? 0 : chart.values[i] > 1 ? 1 : chart.values[i];
  int h = static_cast<int>(value * kPlotHeight + 0.5);
  int x = kLeft + kGap + static_cast<int>(i) * (kBarWidth + kGap);
  int percent = static_cast<int>(value * 100 + 0.5);
  const std::string middle = Num(x + kBarWidth / 2);
  w.Void("rect", {{"class", "bar"},
                  {"x", Num(x)},
                  {"y", Num(base - h)},
                  {"width", Num(kBarWidth)},
                  {"height", Num(h)},
                  {"fill", "#2f6fad"}});
  w.Element(
      "text", fmt::format("{}%", percent),
      {{"x", middle}, {"y", Num(base - h - 4)}, {"font-size", "12"}, {"text-anchor", "middle"}});
  w.Element("text", chart.labels[i],
            {{"x", middle}, {"y", Num(base + 16)}, {"font-size", "12"}, {"text-anchor", "middle"}});
  w.Raw("\n");
}

}  // namespace

void WriteSvgChart(html::HtmlWriter& w, const BarChart& chart) {
  const int width = kLeft + static_cast<int>(chart.labels.size()) * (kBarWidth + kGap) + kGap;
  const int height = kTop + kPlotHeight + 40;
  w.Open("svg", {{"xmlns", "http://www.w3.org/2000/svg"},
                 {"class", "chart"},
                 {"role", "img"},
                 {"width", Num(width)},
                 {"height", Num(height)},
                 {"viewBox", fmt::format("0 0 {} {}", width, height)},
                 {"aria-labelledby", "chart-title chart-desc"}});
  w.Raw("\n").Element("title", chart.title, {{"id", "chart-title"}}).Raw("\n");
  w.Element("desc", chart.description, {{"id", "chart-desc"}}).Raw("\n");
  const int base = kTop + kPlotHeight;
  Gridlines(w, width, base);
  for (std::size_t i = 0; i < chart.labels.size() && i < chart.values.size(); ++i)
    Bar(w, chart, i, base);
  w.Close("svg").Raw("\n");
}

std::string RenderSvgChart(const BarChart& chart) {
  html::HtmlWriter w;
  WriteSvgChart(w, chart);
  return w.str();
}

}  // namespace plenary
