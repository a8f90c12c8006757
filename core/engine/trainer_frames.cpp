// The Trainer's frame entry points: each stamps the frame's header, draws the frame's samples
// from the frame generator (reseeded per step: a frame is a function of (seed, step) and never
// draws from the training generator), and runs the probes of its picture with G and D in eval
// mode. Also G's samples on request, in eval mode too.
#include <ATen/CPUGeneratorImpl.h>

#include <stdexcept>

#include "core/api/latent.hpp"
#include "core/data/image_data.hpp"
#include "core/engine/step/step_helpers.hpp"
#include "core/engine/trainer.hpp"
#include "core/models/networks.hpp"
#include "core/probes/discriminator_probe.hpp"
#include "core/probes/figure1_probe.hpp"
#include "core/probes/manifold_probe.hpp"
#include "core/probes/modes_probe.hpp"
#include "core/probes/plane_probe.hpp"
#include "core/probes/push_probe.hpp"
#include "core/tensor_span.hpp"

namespace ganscope {

void Trainer::prepareProbes() {
  c10::InferenceMode inference;
  if (scenario_ == Scenario::Figure1) {
    figure1_probe_ = std::make_unique<Figure1Probe>(state_.config.latent);
    return;
  }
  if (scenario_ == Scenario::Image) {
    prepareImageProbe();
    return;
  }
  // The latents of the fakes drawn on the plane, fixed for the run.
  torch::Tensor shown_z = torch::empty({kShownPoints, state_.config.latent.dim});
  frame_random_.set_current_seed(state_.config.seed);
  sampleLatent(state_.config.latent, shown_z, frame_random_);
  plane_probe_ = std::make_unique<PlaneProbe>(std::move(shown_z));
}

void Trainer::prepareImageProbe() {
  // The grid's latents: sample i is latent seed i, so the explorer can name a pinned sample's z.
  // The real images, fixed for the run, come from the frame generator.
  const int dim = state_.config.latent.dim;
  torch::Tensor fixed_z = torch::empty({kGridImages, dim});
  for (int i = 0; i < kGridImages; ++i) {
    const Latent z = latentFromSeed(state_.config.latent, static_cast<uint64_t>(i));
    std::copy(z.begin(), z.end(), fixed_z.data_ptr<float>() + int64_t{i} * dim);
  }
  frame_random_.set_current_seed(state_.config.seed);
  const auto& data = dynamic_cast<const ImageData&>(*state_.data);
  const torch::Tensor pick = data.trainIndices().index_select(
      0, torch::randperm(data.trainIndices().size(0), frame_random_, torch::kLong)
             .narrow(0, 0, std::min<int64_t>(kGridImages, data.trainIndices().size(0))));
  // A filter to a few small classes may leave fewer than kGridImages: repeat them.
  const torch::Tensor rows =
      pick.repeat({(kGridImages + pick.size(0) - 1) / pick.size(0)}).narrow(0, 0, kGridImages);
  image_probe_ = std::make_unique<ImageProbe>(
      std::move(fixed_z), pixelsToRows(data.set().train_images.index_select(0, rows)),
      data.set().train_labels.index_select(0, rows));
  metric_z_ = torch::empty({kMetricSamples, state_.config.latent.dim});
  sampleLatent(state_.config.latent, metric_z_, frame_random_);
  metrics_ = std::make_unique<ImageMetricsWorker>(data);
  if (!state_.g_average.defined()) return;
  {
    std::lock_guard lock(networkInitMutex());
    average_generator_ = makeGenerator(state_.config, state_.data->dim());
  }
  average_params_ = std::make_unique<FlatParameters>(*average_generator_);
  average_generator_->eval();
}

Network& Trainer::previewGenerator() {
  if (!average_generator_ || state_.config.hyper.preview != PreviewKind::Ema) {
    return *state_.generator;  // in eval mode: the callers hold an EvalMode
  }
  average_params_->values().copy_(state_.g_average);
  const auto from = state_.generator->buffers();
  auto to = average_generator_->buffers();
  for (size_t i = 0; i < to.size(); ++i) to[i].copy_(from[i]);
  return *average_generator_;
}

const torch::Tensor& Trainer::previewValues() const {
  const bool average = average_generator_ && state_.config.hyper.preview == PreviewKind::Ema;
  return average ? state_.g_average : state_.g_params->values();
}

void Trainer::keepSnapshot() {
  if (!history_.due(state_.stats.step)) return;
  history_.record(state_.stats.step, previewValues(), state_.generator->buffers());
}

GeneratorSnapshot Trainer::previewSnapshot() const {
  GeneratorSnapshot snapshot{state_.stats.step, previewValues().detach().clone(), {}};
  for (const torch::Tensor& buffer : state_.generator->buffers()) {
    snapshot.buffers.push_back(buffer.detach().clone());
  }
  return snapshot;
}

LatentWorker& Trainer::latentWorker() {
  if (!latent_worker_) {
    latent_worker_ = std::make_unique<LatentWorker>(state_.config, state_.data->dim());
  }
  return *latent_worker_;
}

std::string Trainer::latentWorkerFailure() const {
  return latent_worker_ ? latent_worker_->failure() : std::string();
}

Network& Trainer::snapshotGenerator(const GeneratorSnapshot& snapshot) {
  if (!snapshot_generator_) {
    {
      std::lock_guard lock(networkInitMutex());
      snapshot_generator_ = makeGenerator(state_.config, state_.data->dim());
    }
    snapshot_params_ = std::make_unique<FlatParameters>(*snapshot_generator_);
    snapshot_generator_->eval();
  }
  snapshot_params_->values().copy_(snapshot.values);
  auto to = snapshot_generator_->buffers();
  for (size_t i = 0; i < to.size(); ++i) to[i].copy_(snapshot.buffers[i]);
  return *snapshot_generator_;
}

ProbeInputs Trainer::beginFrame(FrameHeader& header) {
  header = FrameHeader{};
  header.step = state_.stats.step;
  header.loss = state_.config.hyper.loss;
  // Reseeded per step: a frame is a function of (seed, step), however often frames come.
  frame_random_.set_current_seed(state_.config.seed +
                                 0x9E3779B97F4A7C15ull * (state_.stats.step + 1));
  return probeInputs();
}

ProbeInputs Trainer::probeInputs() {
  return {*state_.generator,       *state_.discriminator, state_.input,
          state_.data->dim(),      state_.mixture(),      state_.config.latent,
          state_.config.hyper.loss};
}

bool Trainer::fillFrame(Figure1Frame& out, const std::atomic<bool>*) {
  if (!figure1_probe_) throw std::logic_error("a 2-D run makes plane frames, not Figure 1 frames");
  c10::InferenceMode inference;
  const ProbeInputs in = beginFrame(out.header);
  const EvalMode eval(*state_.generator, *state_.discriminator);
  torch::Tensor real = torch::empty({Figure1Probe::kSamples, 1});
  state_.data->sample(real, frame_random_);
  const torch::Tensor fake = figure1_probe_->fill(in, real, out);
  fillDiscriminatorStats(in, real, fake, out);
  return true;  // small and quick: never interrupted
}

bool Trainer::fillFrame(PlaneFrame& out, const std::atomic<bool>* cancel) {
  const auto cancelled = [cancel] { return cancel && cancel->load(std::memory_order_relaxed); };
  if (!plane_probe_) throw std::logic_error("a 1-D run makes Figure 1 frames, not plane frames");
  c10::InferenceMode inference;
  const ProbeInputs in = beginFrame(out.header);
  const EvalMode eval(*state_.generator, *state_.discriminator);
  // This step's fresh samples: mode coverage and the binned divergences count all of them, the
  // plane shows the first real ones.
  torch::Tensor z = torch::empty({kCoverageSamples, state_.config.latent.dim});
  sampleLatent(state_.config.latent, z, frame_random_);
  const torch::Tensor fake = state_.generator->forward(z).contiguous();
  torch::Tensor real = torch::empty({kCoverageSamples, 2});
  state_.data->sample(real, frame_random_);
  // A large D makes every part costly: each checks the cancel flag first.
  if (cancelled()) return false;
  const torch::Tensor shown = plane_probe_->fill(in, real, out);
  if (cancelled()) return false;
  fillPush(in, shown, out);
  if (cancelled()) return false;
  fillManifold(in, out);
  if (cancelled()) return false;
  fillModes(in, real, fake, out);
  if (cancelled()) return false;
  // D's histograms on the points drawn: D is the costly network here, and 512 + 512 suffice.
  fillDiscriminatorStats(in, real.narrow(0, 0, kShownPoints), shown, out);
  return true;
}

bool Trainer::fillFrame(ImageFrame& out, const std::atomic<bool>*) {
  if (!image_probe_) throw std::logic_error("only an image run makes image frames");
  c10::InferenceMode inference;
  const ProbeInputs in = beginFrame(out.header);
  const EvalMode eval(*state_.generator, *state_.discriminator);
  out.ema_preview = average_generator_ && state_.config.hyper.preview == PreviewKind::Ema;
  image_probe_->fill(in, previewGenerator(), out);
  if (const std::string failure = metrics_->failure(); !failure.empty()) {
    throw std::runtime_error(failure);
  }
  if (metrics_->wantsSamples()) metrics_->submit(metricSamples(), state_.stats.step);
  out.metrics = metrics_->latest();
  return true;
}

torch::Tensor Trainer::metricSamples() {
  c10::InferenceMode inference;
  const EvalMode eval(*state_.generator, *state_.discriminator);
  return previewGenerator().forward(metric_z_).clone();
}

void Trainer::settleImageMetrics(const std::atomic<bool>& stop) {
  if (!metrics_) return;
  const int64_t step = state_.stats.step;
  if (metrics_->latest().step != step) metrics_->submit(metricSamples(), step);
  metrics_->waitFor(step, stop);
}

std::shared_ptr<ClassifierJob> Trainer::classifierJob() const {
  return metrics_ ? metrics_->job() : nullptr;
}

std::vector<float> Trainer::sampleGenerator(int count) {
  c10::InferenceMode inference;
  const EvalMode eval(*state_.generator, *state_.discriminator);
  at::Generator generator =
      at::make_generator<at::CPUGeneratorImpl>(state_.config.seed ^ (state_.stats.step << 20));
  torch::Tensor z = torch::empty({count, state_.config.latent.dim});
  sampleLatent(state_.config.latent, z, generator);
  const torch::Tensor fake = previewGenerator().forward(z).contiguous();
  const std::span<const float> values = asSpan(fake);
  return {values.begin(), values.end()};
}

LatentPicture Trainer::renderLatent(const RenderLatent& request) {
  const int dim = state_.config.latent.dim;
  if (request.count < 1 || request.count > kMaxLatentBatch) {
    throw std::invalid_argument("RenderLatent: count " + std::to_string(request.count) +
                                "; give 1 to " + std::to_string(kMaxLatentBatch) + " latents");
  }
  if (request.z.size() != size_t(request.count) * size_t(dim)) {
    throw std::invalid_argument("RenderLatent: z has " + std::to_string(request.z.size()) +
                                " values; " + std::to_string(request.count) + " latents of " +
                                std::to_string(dim) + " dimensions need " +
                                std::to_string(request.count * dim));
  }
  if (request.history_from < 0 || request.history_count < 0 ||
      request.history_from + request.history_count > request.count) {
    throw std::invalid_argument("RenderLatent: history rows " +
                                std::to_string(request.history_from) + " + " +
                                std::to_string(request.history_count) + " outside the " +
                                std::to_string(request.count) + " latents");
  }
  c10::InferenceMode inference;
  const EvalMode eval(*state_.generator, *state_.discriminator);
  const torch::Tensor z =
      torch::from_blob(const_cast<float*>(request.z.data()), {request.count, dim}).clone();
  const torch::Tensor fake = previewGenerator().forward(z).contiguous();
  const ProbeInputs in = probeInputs();
  // D judges the latents as a batch, as the grid does: packed with its first samples, with the
  // batch's stddev feature.
  const int64_t pack = in.input.pack();
  const torch::Tensor companions =
      fake.repeat({(pack + fake.size(0) - 1) / fake.size(0), 1}).narrow(0, 0, pack);
  const torch::Tensor scores =
      shownScores(in.loss, judge(in, fake, companions, DiscriminatorInput::groupStddev(fake)));
  LatentPicture out;
  out.request = request.request;
  out.step = state_.stats.step;
  out.count = request.count;
  out.dims = static_cast<int>(fake.size(1));
  const std::span<const float> samples = asSpan(fake), d = asSpan(scores);
  out.samples.assign(samples.begin(), samples.end());
  out.d_score.assign(d.begin(), d.end());
  if (request.history_count == 0) return out;
  const torch::Tensor earlier = z.narrow(0, request.history_from, request.history_count);
  for (const GeneratorSnapshot& snapshot : history_.snapshots()) {
    const torch::Tensor then = snapshotGenerator(snapshot).forward(earlier).contiguous();
    const std::span<const float> rows = asSpan(then);
    out.history_steps.push_back(snapshot.step);
    out.history_samples.insert(out.history_samples.end(), rows.begin(), rows.end());
  }
  return out;
}

}  // namespace ganscope
