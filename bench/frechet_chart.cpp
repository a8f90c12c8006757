// Draws image runs' Frechet distance against their training time as a PNG (issue 9's picture),
// from the `image_history` of headless metrics JSON: one line per run with a dot at each
// evaluation, the floor dashed, and a tick where each run first covers 8 of 10 classes. Text by
// stb_truetype in DejaVu Sans. Usage: frechet_chart OUT.png RUN.json [RUN.json ...]
#define STB_TRUETYPE_IMPLEMENTATION
#include <stb_truetype.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/plot/ticks.hpp"
#include "common/png_file.hpp"
#include "common/read_file.hpp"

namespace {

using ganscope::RgbaImage;

constexpr const char* kFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
constexpr int kWidth = 1000, kHeight = 560;
constexpr int kLeft = 80, kRight = 30, kTop = 60, kBottom = 60;  ///< the plot area's margins
constexpr size_t kMaxJsonBytes = 64 << 20;                       ///< a metrics file read at most
constexpr int kCoveredMark = 8;                                  ///< classes covered to mark

struct Rgb {
  uint8_t r, g, b;
};
constexpr Rgb kBlack{0, 0, 0}, kGrey{150, 150, 150}, kGrid{225, 225, 225};
constexpr Rgb kLines[] = {{31, 119, 180}, {214, 39, 40}, {44, 160, 44}, {148, 103, 189}};

struct Run {
  std::string name;
  std::vector<double> seconds, frechet;
  double floor = NAN;
  double covered_seconds = NAN;  ///< when it first covered kCoveredMark classes (NaN: never)
};

Run readRun(const std::string& path) {
  const nlohmann::json m =
      nlohmann::json::parse(ganscope::readRegularFile(path, kMaxJsonBytes), nullptr, false);
  if (m.is_discarded() || !m.contains("image_history") || !m["image_history"].is_array()) {
    throw std::runtime_error(path + ": not the metrics JSON of an image run (no image_history)");
  }
  Run run;
  run.name = m.value("preset", path);
  for (const nlohmann::json& row : m["image_history"]) {
    if (!row["seconds"].is_number() || !row["frechet_distance"].is_number()) continue;
    run.seconds.push_back(row["seconds"].get<double>());
    run.frechet.push_back(row["frechet_distance"].get<double>());
    if (row["frechet_floor"].is_number()) run.floor = row["frechet_floor"].get<double>();
    if (std::isnan(run.covered_seconds) && row["classes_covered"].get<int>() >= kCoveredMark) {
      run.covered_seconds = run.seconds.back();
    }
  }
  if (run.seconds.empty()) throw std::runtime_error(path + ": image_history has no points");
  return run;
}

class Canvas {
 public:
  Canvas(int width, int height, const std::string& font_path) {
    image_.width = width;
    image_.height = height;
    image_.pixels.assign(static_cast<size_t>(width) * height * 4, 255);
    std::ifstream in(font_path, std::ios::binary);
    font_data_.assign(std::istreambuf_iterator<char>(in), {});
    if (font_data_.empty() ||
        !stbtt_InitFont(&font_, reinterpret_cast<const unsigned char*>(font_data_.data()), 0)) {
      throw std::runtime_error(font_path + ": not a font that can be read");
    }
  }

  void blend(int x, int y, Rgb c, float alpha) {
    if (x < 0 || y < 0 || x >= image_.width || y >= image_.height || alpha <= 0) return;
    uint8_t* p = &image_.pixels[4 * (static_cast<size_t>(y) * image_.width + x)];
    const float a = std::min(alpha, 1.0f);
    p[0] = static_cast<uint8_t>(p[0] + (c.r - p[0]) * a);
    p[1] = static_cast<uint8_t>(p[1] + (c.g - p[1]) * a);
    p[2] = static_cast<uint8_t>(p[2] + (c.b - p[2]) * a);
  }

  /// A line `width` pixels wide; `dash` > 0 draws dash pixels on, dash off.
  void line(double x0, double y0, double x1, double y1, Rgb c, double width, int dash = 0) {
    const double length = std::hypot(x1 - x0, y1 - y0);
    const int steps = std::max(1, static_cast<int>(length * 2));
    const double r = width / 2;
    for (int i = 0; i <= steps; ++i) {
      const double t = static_cast<double>(i) / steps;
      if (dash > 0 && static_cast<int>(t * length / dash) % 2 == 1) continue;
      const double x = x0 + (x1 - x0) * t, y = y0 + (y1 - y0) * t;
      for (int py = static_cast<int>(y - r - 1); py <= static_cast<int>(y + r + 1); ++py) {
        for (int px = static_cast<int>(x - r - 1); px <= static_cast<int>(x + r + 1); ++px) {
          const double d = std::hypot(px + 0.5 - x, py + 0.5 - y);
          blend(px, py, c, static_cast<float>(std::clamp(r + 0.5 - d, 0.0, 1.0)));
        }
      }
    }
  }

  /// Text of `size` pixels with its left end at x (align 0), centre (0.5) or right end (1), and
  /// its baseline at y.
  void text(const std::string& s, double x, double y, float size, Rgb c, double align = 0) {
    const float scale = stbtt_ScaleForPixelHeight(&font_, size);
    x -= align * width(s, size);
    for (const unsigned char ch : s) {
      int advance = 0, bearing = 0;
      stbtt_GetCodepointHMetrics(&font_, ch, &advance, &bearing);
      int w = 0, h = 0, ox = 0, oy = 0;
      unsigned char* glyph = stbtt_GetCodepointBitmap(&font_, 0, scale, ch, &w, &h, &ox, &oy);
      for (int gy = 0; gy < h; ++gy) {
        for (int gx = 0; gx < w; ++gx) {
          blend(static_cast<int>(x) + ox + gx, static_cast<int>(y) + oy + gy, c,
                glyph[gy * w + gx] / 255.0f);
        }
      }
      stbtt_FreeBitmap(glyph, nullptr);
      x += advance * scale;
    }
  }

  double width(const std::string& s, float size) const {
    const float scale = stbtt_ScaleForPixelHeight(&font_, size);
    int total = 0;
    for (const unsigned char ch : s) {
      int advance = 0, bearing = 0;
      stbtt_GetCodepointHMetrics(&font_, ch, &advance, &bearing);
      total += advance;
    }
    return total * scale;
  }

  const RgbaImage& image() const { return image_; }

 private:
  RgbaImage image_;
  std::string font_data_;
  stbtt_fontinfo font_{};
};

/// `value` with `decimals` decimals.
std::string fixed(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

void draw(const std::vector<Run>& runs, const std::string& out) {
  Canvas canvas(kWidth, kHeight, kFont);
  const double x0 = kLeft, x1 = kWidth - kRight, y0 = kTop, y1 = kHeight - kBottom;
  double t_max = 0, f_max = 0;
  for (const Run& run : runs) {
    t_max = std::max(t_max, run.seconds.back());
    f_max = std::max(f_max, *std::max_element(run.frechet.begin(), run.frechet.end()));
  }
  t_max = std::max(t_max, 1e-3);
  f_max *= 1.05;
  const auto px = [&](double t) { return x0 + (x1 - x0) * t / t_max; };
  const auto py = [&](double f) { return y1 - (y1 - y0) * f / f_max; };
  for (const ganscope::plot::Tick& tick : ganscope::plot::makeTicks(0, t_max, x1 - x0, 90)) {
    canvas.line(px(tick.value), y0, px(tick.value), y1, kGrid, 1);
    canvas.text(tick.label, px(tick.value), y1 + 20, 15, kBlack, 0.5);
  }
  for (const ganscope::plot::Tick& tick : ganscope::plot::makeTicks(0, f_max, y1 - y0, 60)) {
    canvas.line(x0, py(tick.value), x1, py(tick.value), kGrid, 1);
    canvas.text(tick.label, x0 - 8, py(tick.value) + 5, 15, kBlack, 1);
  }
  canvas.line(x0, y1, x1, y1, kBlack, 1.5);
  canvas.line(x0, y0, x0, y1, kBlack, 1.5);
  canvas.text("training time (s)", (x0 + x1) / 2, kHeight - 14, 16, kBlack, 0.5);
  canvas.text("Frechet distance on ganscope's own classifier's features (not Inception FID)", x0,
              26, 17, kBlack);
  for (size_t k = 0; k < runs.size(); ++k) {
    const Run& run = runs[k];
    const Rgb c = kLines[k % std::size(kLines)];
    for (size_t i = 0; i < run.seconds.size(); ++i) {
      const double x = px(run.seconds[i]), y = py(run.frechet[i]);
      canvas.line(x, y, x, y, c, 8);  // a dot at each evaluation
      if (i > 0) canvas.line(px(run.seconds[i - 1]), py(run.frechet[i - 1]), x, y, c, 2.5);
    }
    std::string legend = run.name;
    if (!std::isnan(run.covered_seconds)) {
      const double x = px(run.covered_seconds);
      canvas.line(x, y1, x, y1 - 14, c, 2.5);
      legend += ": " + std::to_string(kCoveredMark) + " of 10 classes at " +
                fixed(run.covered_seconds, 1) + " s (tick)";
    }
    legend += ", last " + fixed(run.frechet.back(), 0);
    const double ly = y0 + 22 + 22 * static_cast<double>(k);
    canvas.line(x1 - 420, ly - 5, x1 - 395, ly - 5, c, 2.5);
    canvas.text(legend, x1 - 388, ly, 15, kBlack);
    if (!std::isnan(run.floor) && k == 0) {
      canvas.line(x0, py(run.floor), x1, py(run.floor), kGrey, 1.5, 6);
      canvas.text("floor: real training vs real test images (" + fixed(run.floor, 1) + ")", x1 - 4,
                  py(run.floor) - 6, 14, kGrey, 1);
    }
  }
  ganscope::writePngFile(out, canvas.image());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s OUT.png RUN.json [RUN.json ...]\n", argv[0]);
    return 2;
  }
  try {
    std::vector<Run> runs;
    for (int i = 2; i < argc; ++i) runs.push_back(readRun(argv[i]));
    draw(runs, argv[1]);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "frechet_chart: %s\n", error.what());
    return 1;
  }
  return 0;
}
