// postClassMap: the checks on the training thread, the computation on the latent worker.
#include "core/engine/class_map_job.hpp"

#include "core/data/image_data.hpp"
#include "core/engine/trainer.hpp"
#include "core/latent/class_map.hpp"

namespace ganscope {

void postClassMap(Trainer* trainer, const RenderClassMap& request, uint32_t generation,
                  const std::shared_ptr<LatentOutbox>& outbox) {
  ClassMap refusal;
  refusal.request = request.request;
  refusal.generation = generation;
  refusal.side = request.side;
  const auto refuse = [&](std::string why) {
    refusal.error = std::move(why);
    outbox->class_maps.push(std::move(refusal));
  };
  if (!trainer) return refuse("the run is being replaced; try again");
  refusal.step = trainer->state().stats.step;
  if (trainer->scenario() != Scenario::Image) {
    return refuse("RenderClassMap: the class map needs an image run (data.kind \"images\")");
  }
  const int dim = trainer->state().config.latent.dim;
  if (std::string why = classMapRequestError(request, dim); !why.empty()) return refuse(why);
  const std::shared_ptr<ClassifierJob> job = trainer->classifierJob();
  ImageClassifier classifier = job ? job->classifier() : ImageClassifier(nullptr);
  if (!classifier) {
    const ClassifierStatus status = job ? job->status() : ClassifierStatus{};
    return refuse("the image classifier is not ready (" + status.text + ")");
  }
  const std::vector<int> classes = dynamic_cast<const ImageData&>(*trainer->state().data).classes();
  const int64_t step = trainer->state().stats.step;
  trainer->latentWorker().post(
      LatentJobSlot::ClassMap, trainer->previewSnapshot(),
      [request, dim, classes, classifier, generation, step, outbox](
          Network& generator, const std::atomic<bool>& cancel) mutable {
        ClassMap out;
        try {
          // A copy of its own: the metrics worker uses the shared one on its thread.
          ImageClassifier own = copyClassifier(classifier);
          std::optional<ClassMap> map =
              computeClassMap(generator, own, request, dim, classes, &cancel);
          if (!map) return;  // cancelled: the run is ending or being replaced
          out = std::move(*map);
        } catch (const std::exception& error) {
          const auto* torch_error = dynamic_cast<const c10::Error*>(&error);
          out = ClassMap{};
          out.side = request.side;
          out.error = torch_error ? torch_error->what_without_backtrace() : error.what();
        }
        out.request = request.request;
        out.step = step;
        out.generation = generation;
        outbox->class_maps.push(std::move(out));  // full: the window stopped polling
      });
}

}  // namespace ganscope
