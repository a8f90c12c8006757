// The sample grids: G on the fixed z, D on both grids, pixels and scores into the frame.
#include "core/probes/image_probe.hpp"

#include <algorithm>
#include <cstring>

#include "core/data/image_data.hpp"
#include "core/losses/losses.hpp"
#include "core/probes/discriminator_probe.hpp"
#include "core/tensor_span.hpp"

namespace ganscope {
namespace {

void copyScores(LossKind loss, const torch::Tensor& raw, float* out) {
  const torch::Tensor shown = shownScores(loss, raw);
  std::memcpy(out, shown.data_ptr<float>(), sizeof(float) * shown.numel());
}

}  // namespace

ImageProbe::ImageProbe(torch::Tensor fixed_z, torch::Tensor real_rows, torch::Tensor real_labels)
    : fixed_z_(std::move(fixed_z)),
      real_rows_(std::move(real_rows)),
      real_pixels_(rowsToPixels(real_rows_).contiguous()),
      real_labels_(real_labels.to(torch::kUInt8).contiguous()) {}

void ImageProbe::fill(const ProbeInputs& in, Network& preview, ImageFrame& out) const {
  const torch::Tensor fake = preview.forward(fixed_z_).contiguous();
  const torch::Tensor pixels = rowsToPixels(fake).contiguous();
  std::memcpy(out.fake, pixels.data_ptr<uint8_t>(), sizeof(out.fake));
  std::memcpy(out.real, real_pixels_.data_ptr<uint8_t>(), sizeof(out.real));
  std::memcpy(out.real_label, real_labels_.data_ptr<uint8_t>(), sizeof(out.real_label));
  // D judges each grid as it judges a batch: packed with the grid's first images, with the
  // grid's stddev feature. The histograms judge the fakes beside the real grid's first images
  // (judgeSamples): the grid's own pass when D sees one sample at a time, so D runs once per
  // grid unless it is packed.
  const int64_t pack = in.input.pack();
  const torch::Tensor real_raw = judge(in, real_rows_, real_rows_.narrow(0, 0, pack),
                                       DiscriminatorInput::groupStddev(real_rows_));
  const torch::Tensor fake_stddev = DiscriminatorInput::groupStddev(fake);
  const torch::Tensor fake_raw = judge(in, fake, fake.narrow(0, 0, pack), fake_stddev);
  copyScores(in.loss, real_raw, out.real_d);
  copyScores(in.loss, fake_raw, out.fake_d);
  torch::Tensor all = torch::cat({real_raw, fake_raw});
  toDisplay(all, out.header);
  const torch::Tensor fake_beside_real =
      pack == 1 ? fake_raw : judge(in, fake, real_rows_.narrow(0, 0, pack), fake_stddev);
  scoreSamples(in.loss, real_raw, fake_beside_real, out.header, out.value, out.hist_real,
               out.hist_fake);
}

}  // namespace ganscope
