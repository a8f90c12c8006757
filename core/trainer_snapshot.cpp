// The trainer's pictures: Figure 1's curves for 1-D data, the plane, D's field and mode
// coverage for 2-D data. A snapshot is a function of (seed, step): it samples from its own
// generator, reseeded per step, never from the training one.
#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <cmath>

#include "core/engine/step/step_helpers.hpp"
#include "core/losses.hpp"
#include "core/metrics/density.hpp"
#include "core/metrics/modes.hpp"
#include "core/tensor_span.hpp"
#include "core/trainer.hpp"

namespace ganscope {
namespace {

constexpr int kCurveSamples = 1024;     // 1-D: G samples behind p_g and the histograms
constexpr int kCoverageSamples = 2500;  // 2-D: fresh samples per evaluation (the papers' count)
constexpr int kJsBins = 32;             // 2-D: bins per side of the binned JSD and KL
constexpr double kKlFloor = 0.5 / kCoverageSamples;  // half a sample per cell keeps KL finite

/// Counts of interleaved (x, y) points per cell of a bins x bins grid over `view`, as
/// fractions of all points (points outside are missing mass).
std::vector<float> histogram2d(std::span<const float> xy, const float* view, int bins) {
  std::vector<float> cells(static_cast<size_t>(bins) * bins, 0.0f);
  const size_t n = xy.size() / 2;
  for (size_t i = 0; i < n; ++i) {
    const double u = (xy[2 * i] - view[0]) / (view[2] - view[0]) * bins;
    const double v = (xy[2 * i + 1] - view[1]) / (view[3] - view[1]) * bins;
    if (!(u >= 0 && u < bins && v >= 0 && v < bins)) continue;
    cells[static_cast<size_t>(v) * bins + static_cast<size_t>(u)] += 1.0f / n;
  }
  return cells;
}

/// The display mapping of `out` applied to raw outputs `raw`, in place: probabilities for
/// minimax and non-saturating; otherwise d_lo..d_hi to 0..1, clamped (LSGAN: 0..1 itself).
void toDisplayLike(LossKind loss, const Snapshot& out, torch::Tensor& raw) {
  if (outputIsProbability(loss)) {
    raw.sigmoid_();
  } else {
    raw.sub_(out.d_lo).div_(std::max(out.d_hi - out.d_lo, 1e-12f)).clamp_(0, 1);
  }
}

/// Chooses the display mapping for D's raw outputs `raw` and records it in `out` (a critic is
/// rescaled over its range on `raw`), then applies it to `raw`.
void toDisplay(LossKind loss, torch::Tensor& raw, Snapshot& out) {
  out.d_normalised = isCritic(loss);
  out.d_lo = out.d_normalised ? raw.min().item<float>() : 0.0f;
  out.d_hi = out.d_normalised ? raw.max().item<float>() : 1.0f;
  toDisplayLike(loss, out, raw);
}

}  // namespace

torch::Tensor Trainer::judge(const torch::Tensor& samples, const torch::Tensor& companions,
                             const torch::Tensor& stddev) {
  if (state_.input.identity()) return state_.discriminator->forward(samples);
  const int64_t n = samples.size(0), dim = state_.data.dim();
  torch::Tensor rows = torch::empty({n, state_.input.width()});
  rows.narrow(1, 0, dim).copy_(samples);
  for (int k = 1; k < state_.input.pack(); ++k) {
    rows.narrow(1, k * dim, dim).copy_(companions.narrow(0, k - 1, 1).expand({n, dim}));
  }
  if (state_.input.width() > dim * state_.input.pack())
    rows.select(1, dim * state_.input.pack()).fill_(stddev);
  return state_.discriminator->forward(rows);
}

torch::Tensor Trainer::generatorPush(const torch::Tensor& fakes) {
  // As in G's update: each fake is packed with other fakes (the shown set, rotated; held
  // fixed, so each fake is pushed through its own row only), and the stddev feature is the
  // fakes' own, so the push includes its path through the batch's spread.
  c10::InferenceMode autograd_on(false);
  const torch::Tensor x = fakes.detach().clone().requires_grad_(true);
  const int64_t n = x.size(0);
  std::vector<torch::Tensor> columns = {x};
  for (int k = 1; k < state_.input.pack(); ++k) columns.push_back(fakes.roll(k, 0));
  if (state_.input.width() > state_.data.dim() * state_.input.pack()) {
    columns.push_back(DiscriminatorInput::groupStddev(x).expand({n, 1}));
  }
  const torch::Tensor output = state_.discriminator->forward(torch::cat(columns, 1));
  // dloss/doutput per fake, unscaled by the batch mean, from the same loss code as training.
  torch::Tensor output_grad = torch::empty({n, 1});
  {
    torch::NoGradGuard no_grad;
    const torch::Tensor values = output.detach().contiguous();
    generatorLoss(state_.config.hyper.loss, asSpan(values), asMutableSpan(output_grad));
    output_grad.mul_(-static_cast<double>(n));
  }
  return torch::autograd::grad({output}, {x}, {output_grad})[0].detach();
}

void Trainer::prepareSnapshotInputs() {
  c10::InferenceMode inference;
  if (state_.data.dim() == 1) {
    // Evenly spaced quantiles of z: a low-noise estimate of p_g, and mapping lines at even
    // positions along the z-line (the latent's CDF).
    const torch::Tensor u = (torch::arange(kCurveSamples, torch::kFloat) + 0.5) / kCurveSamples;
    mapping_position_ = torch::linspace(0.0, 1.0, kMapLines).unsqueeze(1);
    const torch::Tensor ends =
        mapping_position_.clamp(0.5 / kCurveSamples, 1 - 0.5 / kCurveSamples);
    auto quantile = [&](const torch::Tensor& p) {
      return state_.config.latent.kind == LatentKind::Uniform
                 ? p.clone()
                 : torch::erfinv(p * 2 - 1) * std::sqrt(2.0);
    };
    snapshot_z_ =
        quantile(u).unsqueeze(1).expand({kCurveSamples, state_.config.latent.dim}).contiguous();
    mapping_z_ = quantile(ends).expand({kMapLines, state_.config.latent.dim}).contiguous();
  } else {
    shown_z_ = torch::empty({kShownPoints, state_.config.latent.dim});
    snapshot_random_.set_current_seed(state_.config.seed);
    sampleLatent(state_.config.latent, shown_z_, snapshot_random_);
  }
}

void Trainer::fillSnapshot(Snapshot& out) {
  c10::InferenceMode inference;
  out.step = state_.stats.step;
  out.dims = state_.data.dim();
  // Reseeded per step: a snapshot is a function of (seed, step), however often snapshots come.
  snapshot_random_.set_current_seed(state_.config.seed +
                                    0x9E3779B97F4A7C15ull * (state_.stats.step + 1));
  if (out.dims == 1) {
    fillSnapshot1d(out);
  } else {
    fillSnapshot2d(out);
  }
}

std::vector<float> Trainer::sampleGenerator(int count) {
  c10::InferenceMode inference;
  at::Generator generator =
      at::make_generator<at::CPUGeneratorImpl>(state_.config.seed ^ (state_.stats.step << 20));
  torch::Tensor z = torch::empty({count, state_.config.latent.dim});
  sampleLatent(state_.config.latent, z, generator);
  const torch::Tensor fake = state_.generator->forward(z).contiguous();
  const std::span<const float> values = asSpan(fake);
  return {values.begin(), values.end()};
}

void Trainer::fillDiscriminatorStats(const torch::Tensor& real, const torch::Tensor& fake,
                                     Snapshot& out) {
  const torch::Tensor companions = real.narrow(0, 0, state_.input.pack());
  torch::Tensor scores =
      torch::cat({judge(real, companions, DiscriminatorInput::groupStddev(real)),
                  judge(fake, companions, DiscriminatorInput::groupStddev(fake))})
          .contiguous();
  std::vector<float> unused(scores.size(0));
  out.value =
      static_cast<float>(-discriminatorLoss(state_.config.hyper.loss, asSpan(scores), unused));
  toDisplayLike(state_.config.hyper.loss, out, scores);
  const std::span<const float> outputs = asSpan(scores);
  histogram(outputs.first(real.size(0)), 0, 1, out.hist_real);
  histogram(outputs.last(fake.size(0)), 0, 1, out.hist_fake);
}

void Trainer::fillSnapshot1d(Snapshot& out) {
  const torch::Tensor fake = state_.generator->forward(snapshot_z_).contiguous();
  const torch::Tensor mapped = state_.generator->forward(mapping_z_).contiguous();
  const std::span<const float> fake_values = asSpan(fake);

  // View range: the data's support widened to the G samples shown, padded by 5%, but at most
  // ten data widths either side (samples beyond count as missing mass in the JSD).
  auto [lo, hi] = state_.data.support()[0];
  const auto [fake_lo, fake_hi] = std::minmax_element(fake_values.begin(), fake_values.end());
  const std::span<const float> mapped_values = asSpan(mapped);
  const auto [map_lo, map_hi] = std::minmax_element(mapped_values.begin(), mapped_values.end());
  const double width = hi - lo;
  lo = std::max(lo - 10 * width, std::min<double>({lo, *fake_lo, *map_lo}));
  hi = std::min(hi + 10 * width, std::max<double>({hi, *fake_hi, *map_hi}));
  const double pad = 0.05 * (hi - lo);
  if (std::isfinite(lo) && std::isfinite(hi)) {
    lo -= pad;
    hi += pad;
  } else {
    std::tie(lo, hi) = state_.data.support()[0];
  }
  out.x_min = static_cast<float>(lo);
  out.x_max = static_cast<float>(hi);

  torch::Tensor real = torch::empty({kCurveSamples, 1});
  state_.data.sample(real, snapshot_random_);
  const torch::Tensor grid = torch::linspace(lo, hi, kCurvePoints).unsqueeze(1);
  torch::Tensor d_grid = judge(grid, real, DiscriminatorInput::groupStddev(real)).contiguous();
  toDisplay(state_.config.hyper.loss, d_grid, out);
  std::copy_n(d_grid.data_ptr<float>(), kCurvePoints, out.d);
  const float* x = grid.data_ptr<float>();
  for (int i = 0; i < kCurvePoints; ++i)
    out.p_data[i] = static_cast<float>(state_.data.density1d(x[i]));
  kernelDensity(fake_values, lo, hi, silvermanBandwidth(fake_values), out.p_g);
  optimalDiscriminator(out.p_data, out.p_g, out.d_star);
  out.js = static_cast<float>(jensenShannon(out.p_data, out.p_g, (hi - lo) / (kCurvePoints - 1)));

  std::copy_n(mapping_position_.data_ptr<float>(), kMapLines, out.z);
  std::copy_n(mapped.data_ptr<float>(), kMapLines, out.g_of_z);
  fillDiscriminatorStats(real, fake, out);
}

void Trainer::fillSnapshot2d(Snapshot& out) {
  // A fixed view: the data's support with a margin, so the picture holds still while G moves.
  const auto support = state_.data.support();
  const double margin =
      0.15 * std::max(support[0].second - support[0].first, support[1].second - support[1].first);
  out.view[0] = static_cast<float>(support[0].first - margin);
  out.view[1] = static_cast<float>(support[1].first - margin);
  out.view[2] = static_cast<float>(support[0].second + margin);
  out.view[3] = static_cast<float>(support[1].second + margin);

  torch::Tensor z = torch::empty({kCoverageSamples, state_.config.latent.dim});
  sampleLatent(state_.config.latent, z, snapshot_random_);
  const torch::Tensor fake = state_.generator->forward(z).contiguous();
  torch::Tensor real = torch::empty({kCoverageSamples, 2});
  state_.data.sample(real, snapshot_random_);
  std::copy_n(real.data_ptr<float>(), 2 * kShownPoints, out.real_xy);
  const torch::Tensor companions = real.narrow(0, 0, state_.input.pack());
  const torch::Tensor real_stddev = DiscriminatorInput::groupStddev(real);

  // D over the view, the top row first, as it judges a point among real ones.
  const torch::Tensor xs = torch::linspace(out.view[0], out.view[2], kFieldSize);
  const torch::Tensor ys = torch::linspace(out.view[3], out.view[1], kFieldSize);
  const auto mesh = torch::meshgrid({ys, xs}, "ij");
  const torch::Tensor points = torch::stack({mesh[1].flatten(), mesh[0].flatten()}, 1);
  torch::Tensor field = judge(points, companions, real_stddev).contiguous();
  toDisplay(state_.config.hyper.loss, field, out);
  std::copy_n(field.data_ptr<float>(), kFieldSize * kFieldSize, out.field);

  // The fixed-z fakes: where they are, their z, D's verdict, and where G's loss pushes them.
  const torch::Tensor shown = state_.generator->forward(shown_z_).contiguous();
  std::copy_n(shown.data_ptr<float>(), 2 * kShownPoints, out.fake_xy);
  out.latent_dim = state_.config.latent.dim;
  const torch::Tensor z2 = state_.config.latent.dim >= 2
                               ? shown_z_.narrow(1, 0, 2).contiguous()
                               : torch::cat({shown_z_, torch::zeros_like(shown_z_)}, 1);
  std::copy_n(z2.data_ptr<float>(), 2 * kShownPoints, out.shown_z);
  const torch::Tensor shown_stddev = DiscriminatorInput::groupStddev(shown);
  torch::Tensor verdict = judge(shown, companions, shown_stddev).contiguous();
  if (outputIsProbability(state_.config.hyper.loss)) verdict.sigmoid_();
  std::copy_n(verdict.data_ptr<float>(), kShownPoints, out.fake_d);
  const torch::Tensor push = generatorPush(shown).contiguous();
  std::copy_n(push.data_ptr<float>(), 2 * kShownPoints, out.fake_push);
  fillManifold(out);

  // Binned densities over the view: JSD and KL for every dataset.
  const std::vector<float> p = histogram2d(asSpan(real), out.view, kJsBins);
  const std::vector<float> q = histogram2d(asSpan(fake), out.view, kJsBins);
  out.js = static_cast<float>(jensenShannon(p, q, 1.0));
  out.kl = static_cast<float>(binnedKl(p, q, kKlFloor));

  // Mode coverage on fresh samples, by the published protocol, where there are modes.
  if (state_.data.hasModes()) {
    const std::vector<float>& centres = state_.data.centres();
    const ModeCoverage coverage = evaluateModes(asSpan(fake), centres, state_.data.std());
    out.modes_total = std::min<int>(coverage.modes_total, kMaxModes);
    std::copy_n(centres.begin(), 2 * out.modes_total, out.centres);
    std::copy_n(coverage.share.begin(), out.modes_total, out.mode_share);
    out.modes_covered = coverage.modes_covered;
    out.modes_covered_1pct = coverage.modes_covered_1pct;
    out.hq_fraction = static_cast<float>(coverage.hq_fraction);
    out.mode_kl = static_cast<float>(coverage.kl_uniform);
  } else {
    out.modes_total = out.modes_covered = out.modes_covered_1pct = 0;
    out.hq_fraction = out.mode_kl = 0;
  }
  // D's histograms on the points drawn: D is the costly network here, and 512 + 512 suffice.
  fillDiscriminatorStats(real.narrow(0, 0, kShownPoints), shown, out);
}

void Trainer::fillManifold(Snapshot& out) {
  // A regular grid over the first two coordinates of z (the likely region of each); any other
  // coordinates sit at their mean.
  const bool uniform = state_.config.latent.kind == LatentKind::Uniform;
  const double lo = uniform ? 0.0 : -2.5, hi = uniform ? 1.0 : 2.5;
  const torch::Tensor axis = torch::linspace(lo, hi, kManifoldSide);
  const auto mesh = torch::meshgrid({axis, axis}, "ij");
  torch::Tensor z =
      torch::full({kManifoldSide * kManifoldSide, state_.config.latent.dim}, uniform ? 0.5 : 0.0);
  z.select(1, 0).copy_(mesh[1].flatten());
  if (state_.config.latent.dim >= 2) z.select(1, 1).copy_(mesh[0].flatten());
  const torch::Tensor image = state_.generator->forward(z).contiguous();
  std::copy_n(image.data_ptr<float>(), 2 * kManifoldSide * kManifoldSide, out.manifold_xy);
  out.manifold_z[0] = out.manifold_z[1] = static_cast<float>(lo);
  out.manifold_z[2] = out.manifold_z[3] = static_cast<float>(hi);
}

}  // namespace ganscope
