// The participation chart as SVG: one labelled bar per month, its rate
// written above it, so the figure reads without colour and without the
// table; role="img" with title and desc for screen readers.
#include <fmt/format.h>

#include "publish/formats/html.h"
#include "publish/formats/renderers.h"

namespace plenary {
namespace {

constexpr int kBarWidth = 48;
constexpr int kGap = 24;
constexpr int kPlotHeight = 160;
constexpr int kTop = 30;
constexpr int kLeft = 40;

}  // namespace

std::string RenderSvgChart(const BarChart& chart) {
  int width = kLeft + static_cast<int>(chart.labels.size()) * (kBarWidth + kGap) + kGap;
  int height = kTop + kPlotHeight + 40;
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{0}\" height=\"{1}\" "
      "viewBox=\"0 0 {0} {1}\" aria-labelledby=\"chart-title chart-desc\">\n"
      "<title id=\"chart-title\">{2}</title>\n<desc id=\"chart-desc\">{3}</desc>\n",
      width, height, EscapeHtml(chart.title), EscapeHtml(chart.description));
  int base = kTop + kPlotHeight;
  for (int pct : {0, 50, 100}) {
    int y = base - kPlotHeight * pct / 100;
    out += fmt::format(
        "<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#ccc\"/>"
        "<text x=\"{3}\" y=\"{4}\" font-size=\"11\" text-anchor=\"end\">{5}%</text>\n",
        kLeft, y, width - kGap / 2, kLeft - 4, y + 4, pct);
  }
  for (std::size_t i = 0; i < chart.labels.size(); ++i) {
    double value = chart.values[i] < 0 ? 0 : chart.values[i] > 1 ? 1 : chart.values[i];
    int h = static_cast<int>(value * kPlotHeight + 0.5);
    int x = kLeft + kGap + static_cast<int>(i) * (kBarWidth + kGap);
    int percent = static_cast<int>(value * 100 + 0.5);
    out += fmt::format(
        "<rect x=\"{0}\" y=\"{1}\" width=\"{2}\" height=\"{3}\" fill=\"#2f6fad\"/>"
        "<text x=\"{4}\" y=\"{5}\" font-size=\"12\" text-anchor=\"middle\">{6}%</text>"
        "<text x=\"{4}\" y=\"{7}\" font-size=\"12\" text-anchor=\"middle\">{8}</text>\n",
        x, base - h, kBarWidth, h, x + kBarWidth / 2, base - h - 4, percent, base + 16,
        EscapeHtml(chart.labels[i]));
  }
  return out + "</svg>\n";
}

}  // namespace plenary
