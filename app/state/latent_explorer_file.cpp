// The latent explorer's exports: pictures of G's images in a row, and the path's JSON file
// (written atomically, read back through the checked JSON reader).
#include "app/state/latent_explorer_file.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "common/atomic_file.hpp"
#include "common/gif_file.hpp"
#include "common/json_reader.hpp"
#include "common/read_file.hpp"
#include "core/api/config.hpp"
#include "core/config/enum_names.hpp"

namespace ganscope {

namespace {

constexpr const char* kFormat = "ganscope-latent-path";
constexpr int kVersion = 1;
constexpr EnumName kModeNames[] = {
    {"line", static_cast<uint8_t>(ExplorerMode::Line), "line"},
    {"square", static_cast<uint8_t>(ExplorerMode::Square), "square"}};
/// How far a z row of a file may be from the one its anchors give (float rounding in JSON).
constexpr double kRowTolerance = 1e-4;

}  // namespace

uint8_t pixelByte(float x) {
  const float v = std::round((x + 1.0f) * 0.5f * 255.0f);
  return static_cast<uint8_t>(std::clamp(v, 0.0f, 255.0f));
}

RgbaImage explorerImages(std::span<const float> samples, int count, int scale, int gap) {
  if (count < 1 || samples.size() != static_cast<size_t>(count) * kImagePixels) {
    throw std::invalid_argument("explorer images: expected " + std::to_string(count) +
                                " images of 28 x 28 values, got " + std::to_string(samples.size()) +
                                " values");
  }
  if (scale < 1 || scale > 32)
    throw std::invalid_argument("explorer images: scale must be 1 to 32");
  if (gap < 0 || gap > 16) throw std::invalid_argument("explorer images: gap must be 0 to 16");
  const int cell = kImageSide * scale, pad = gap * scale;
  RgbaImage image;
  image.width = count * cell + (count + 1) * pad;
  image.height = cell + 2 * pad;
  image.pixels.assign(static_cast<size_t>(image.width) * image.height * 4, 0);
  for (size_t i = 0; i < image.pixels.size(); i += 4) {  // the gaps: the grid's dark grey
    image.pixels[i] = image.pixels[i + 1] = image.pixels[i + 2] = 0x40;
    image.pixels[i + 3] = 255;
  }
  for (int k = 0; k < count; ++k) {
    const int x0 = pad + k * (cell + pad);
    for (int y = 0; y < cell; ++y) {
      for (int x = 0; x < cell; ++x) {
        const uint8_t byte = pixelByte(
            samples[static_cast<size_t>(k) * kImagePixels + (y / scale) * kImageSide + x / scale]);
        uint8_t* p = &image.pixels[4 * (static_cast<size_t>(pad + y) * image.width + x0 + x)];
        p[0] = p[1] = p[2] = byte;
        p[3] = 255;
      }
    }
  }
  return image;
}

void saveStripGif(const std::string& path, std::span<const float> samples, int count, int scale,
                  int delay_centiseconds) {
  const RgbaImage strip = explorerImages(samples, count, scale, 0);
  const int side = kImageSide * scale;
  // There and back: frames 0 .. count-1, then count-2 .. 1.
  std::vector<int> order;
  for (int k = 0; k < count; ++k) order.push_back(k);
  for (int k = count - 2; k >= 1; --k) order.push_back(k);
  std::vector<uint8_t> frames;
  frames.reserve(order.size() * side * side);
  for (const int k : order) {
    for (int y = 0; y < side; ++y) {
      for (int x = 0; x < side; ++x) {
        frames.push_back(strip.pixels[4 * (static_cast<size_t>(y) * strip.width + k * side + x)]);
      }
    }
  }
  writeGif(path, frames, static_cast<int>(order.size()), side, side, delay_centiseconds);
}

std::string pathToJson(const LatentConfig& latent, const LatentExplorerState& state,
                       std::span<const float> offset) {
  const std::vector<float> moved = explorerOffset(state, offset, latent.dim);
  nlohmann::json json;
  json["format"] = kFormat;
  json["version"] = kVersion;
  json["latent"] = {{"kind", toString(latent.kind)}, {"dim", latent.dim}};
  json["mode"] = state.mode == ExplorerMode::Square ? "square" : "line";
  json["anchors"] = nlohmann::json::array();
  for (const uint64_t seed : state.anchors) json["anchors"].push_back(seed);
  // Found z's (no seed's own) that anchors name: the file needs their values to be redrawn.
  json["found"] = nlohmann::json::array();
  for (const FreeLatent& free : state.free_latents) {
    if (std::find(state.anchors.begin(), state.anchors.end(), free.seed) != state.anchors.end()) {
      json["found"].push_back({{"seed", free.seed}, {"z", free.z}});
    }
  }
  json["t"] = state.t;
  json["u"] = state.u;
  json["v"] = state.v;
  json["spherical"] = state.spherical;
  json["psi"] = state.psi;
  json["frames"] = state.frames;
  json["sliders"] = nlohmann::json::array();
  for (const DimensionSlider& slider : state.sliders) {
    json["sliders"].push_back({{"index", slider.index}, {"value", slider.value}});
  }
  if (!moved.empty()) json["offset"] = moved;
  // The strip's z, one row per frame: what G drew, for any other tool to draw again.
  json["z"] = nlohmann::json::array();
  for (const double s : stripParameters(state.frames))
    json["z"].push_back(pathLatent(latent, state, s, moved));
  return json.dump(1) + "\n";
}

void loadPathJson(std::string_view text, const std::string& source, const LatentConfig& latent,
                  LatentExplorerState& state) {
  const nlohmann::json json = parseJson(text, source);
  if (!json.is_object()) throw ConfigError("", "a latent path file is a JSON object", source);
  try {
    // The sliders and z rows are arrays of their own, read by hand below; the reader takes the
    // rest (and refuses unknown fields).
    nlohmann::json top = json;
    top.erase("sliders");
    top.erase("z");
    top.erase("found");
    top.erase("offset");
    JsonReader reader(top, "");
    std::string format;
    reader.read("format", format);
    if (format != kFormat) {
      throw ConfigError("format", "expected \"" + std::string(kFormat) + "\" (a latent path)");
    }
    int version = 0;
    reader.read("version", version, 0, 1000000);
    if (version != kVersion) {
      throw ConfigError("version", "version " + std::to_string(version) +
                                       " is not readable; this "
                                       "ganscope reads version " +
                                       std::to_string(kVersion));
    }
    JsonReader latent_reader = reader.child("latent");
    uint8_t kind = 255;
    latent_reader.readEnum("kind", kind, kLatentNames);
    int dim = 0;
    latent_reader.read("dim", dim, 1, 1 << 20);
    latent_reader.rejectUnknown();
    if (kind != static_cast<uint8_t>(latent.kind) || dim != latent.dim) {
      throw ConfigError(
          "latent", "the path is for a " + std::to_string(dim) + "-dimensional " +
                        (kind == static_cast<uint8_t>(LatentKind::Normal) ? "normal" : "uniform") +
                        " latent; this run's is " + std::to_string(latent.dim) + "-dimensional " +
                        toString(latent.kind));
    }
    LatentExplorerState read = state;
    uint8_t mode = static_cast<uint8_t>(read.mode);
    reader.readEnum("mode", mode, kModeNames);
    read.mode = static_cast<ExplorerMode>(mode);
    int64_t anchors[4];
    for (int i = 0; i < 4; ++i) anchors[i] = static_cast<int64_t>(read.anchors[i]);
    reader.read("anchors", std::span<int64_t>(anchors), 0, static_cast<int64_t>(kMaxTypedSeed));
    for (int i = 0; i < 4; ++i) read.anchors[i] = static_cast<uint64_t>(anchors[i]);
    // t, u, v and psi are doubles in the file: checked by the reader, then read as written.
    auto unit = [&](const char* key, double& out) {
      float checked = 0;
      reader.read(key, checked, 0, 1);
      if (json.contains(key)) out = json[key].get<double>();
    };
    unit("t", read.t);
    unit("u", read.u);
    unit("v", read.v);
    unit("psi", read.psi);
    reader.read("spherical", read.spherical);
    reader.read("frames", read.frames, kMinStripFrames, kMaxStripFrames);
    read.sliders.clear();
    if (json.contains("sliders")) {
      const nlohmann::json& sliders = json["sliders"];
      if (!sliders.is_array() || sliders.size() > kMaxDimensionSliders) {
        throw ConfigError("sliders", "expected an array of at most " +
                                         std::to_string(kMaxDimensionSliders) +
                                         " {\"index\", \"value\"} objects");
      }
      const DimensionRange range = dimensionRange(latent.kind);
      for (size_t i = 0; i < sliders.size(); ++i) {
        if (!sliders[i].is_object()) {
          throw ConfigError("sliders." + std::to_string(i), "expected {\"index\", \"value\"}");
        }
        JsonReader item(sliders[i], "sliders." + std::to_string(i));
        DimensionSlider slider{-1, range.lo};
        item.read("index", slider.index, 0, latent.dim - 1);
        item.read("value", slider.value, range.lo, range.hi);
        item.rejectUnknown();
        if (slider.index < 0)
          throw ConfigError("sliders." + std::to_string(i) + ".index", "missing");
        read.sliders.push_back(slider);
      }
    }
    if (json.contains("found")) {  // written since found z's came; older files have none
      const nlohmann::json& found = json["found"];
      if (!found.is_array() || found.size() > kMaxFreeLatents) {
        throw ConfigError("found", "expected an array of at most " +
                                       std::to_string(kMaxFreeLatents) +
                                       " {\"seed\", \"z\"} objects");
      }
      for (size_t i = 0; i < found.size(); ++i) {
        const std::string field = "found." + std::to_string(i);
        const nlohmann::json& item = found[i];
        if (!item.is_object() || !item.contains("seed") || !item.contains("z") ||
            item.size() != 2 || !item["seed"].is_number_unsigned() || !item["z"].is_array() ||
            item["z"].size() != static_cast<size_t>(latent.dim)) {
          throw ConfigError(field, "expected {\"seed\": a whole number, \"z\": " +
                                       std::to_string(latent.dim) + " numbers}");
        }
        FreeLatent free{item["seed"].get<uint64_t>(), {}};
        for (const nlohmann::json& v : item["z"]) {
          if (!v.is_number() || !std::isfinite(v.get<double>())) {
            throw ConfigError(field + ".z", "expected finite numbers");
          }
          free.z.push_back(v.get<float>());
        }
        std::erase_if(read.free_latents, [&](const FreeLatent& f) { return f.seed == free.seed; });
        read.free_latents.push_back(std::move(free));
      }
    }
    read.loaded_offset.clear();
    if (json.contains("offset")) {  // written since the direction sliders came
      const nlohmann::json& offset = json["offset"];
      if (!offset.is_array() || offset.size() != static_cast<size_t>(latent.dim)) {
        throw ConfigError("offset", "expected " + std::to_string(latent.dim) + " numbers");
      }
      for (const nlohmann::json& v : offset) {
        if (!v.is_number() || !std::isfinite(v.get<double>())) {
          throw ConfigError("offset", "expected finite numbers");
        }
        read.loaded_offset.push_back(v.get<float>());
      }
    }
    const nlohmann::json* rows = json.contains("z") ? &json["z"] : nullptr;
    reader.rejectUnknown();
    if (!rows || !rows->is_array() || rows->size() != static_cast<size_t>(read.frames)) {
      throw ConfigError("z", "expected " + std::to_string(read.frames) + " rows (one per frame)");
    }
    const std::vector<double> s = stripParameters(read.frames);
    for (size_t i = 0; i < rows->size(); ++i) {
      const nlohmann::json& row = (*rows)[i];
      if (!row.is_array() || row.size() != static_cast<size_t>(latent.dim)) {
        throw ConfigError("z." + std::to_string(i),
                          "expected " + std::to_string(latent.dim) + " numbers");
      }
      const Latent expected = pathLatent(latent, read, s[i], read.loaded_offset);
      for (int j = 0; j < latent.dim; ++j) {
        if (!row[j].is_number() || std::abs(row[j].get<double>() - expected[j]) >
                                       kRowTolerance * (1 + std::abs(expected[j]))) {
          throw ConfigError("z." + std::to_string(i) + "." + std::to_string(j),
                            "is not the z the anchors' path gives (" + quoteJson(row[j]) +
                                ", expected " + shortestText(expected[j]) +
                                "): the file was edited, or made by a different ganscope");
        }
      }
    }
    state.mode = read.mode;
    state.anchors = read.anchors;
    state.t = read.t;
    state.u = read.u;
    state.v = read.v;
    state.spherical = read.spherical;
    state.psi = read.psi;
    state.frames = read.frames;
    state.sliders = read.sliders;
    state.free_latents = read.free_latents;
    state.loaded_offset = read.loaded_offset;
  } catch (const ConfigError& error) {
    throw ConfigError(error.field(), error.message(), source);
  }
}

void savePathFile(const std::string& path, const LatentConfig& latent,
                  const LatentExplorerState& state, std::span<const float> offset) {
  writeFileAtomically(path, pathToJson(latent, state, offset));
}

void loadPathFile(const std::string& path, const LatentConfig& latent, LatentExplorerState& state) {
  loadPathJson(readRegularFile(path, kMaxConfigBytes), path, latent, state);
}

}  // namespace ganscope
