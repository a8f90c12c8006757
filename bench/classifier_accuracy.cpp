// classifier_accuracy: trains the image classifier on a labelled IDX set and prints its test
// accuracy and training time, to choose its architecture and schedule by measurement.
// Usage: classifier_accuracy [DIR] [epochs=2] [batch=64] [lr=1e-3] [conv1=32] [conv2=64]
//        [hidden=128] [threads=1] [decay=0.3]   (DIR:
//        {train,t10k}-{images-idx3,labels-idx1}-ubyte.gz)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "common/idx_file.hpp"
#include "core/metrics/class_coverage.hpp"
#include "core/metrics/classifier_cache.hpp"
#include "core/metrics/image_metrics.hpp"

int main(int argc, char** argv) {
  using namespace ganscope;
  auto arg = [&](int i, const char* fallback) {
    return std::string(argc > i ? argv[i] : fallback);
  };
  const std::string dir = arg(1, "/usr/share/datasets/fashion-mnist");
  ClassifierTrainOptions train_options;
  train_options.epochs = std::stoi(arg(2, "2"));
  train_options.batch = std::stoll(arg(3, "64"));
  train_options.learning_rate = std::stod(arg(4, "1e-3"));
  ImageClassifierOptions options;
  options.conv1(std::stoll(arg(5, "32")))
      .conv2(std::stoll(arg(6, "64")))
      .hidden(std::stoll(arg(7, "128")));
  torch::set_num_threads(std::stoi(arg(8, "1")));
  train_options.epoch_decay = std::stod(arg(9, "0.3"));
  try {
    auto clock = std::chrono::steady_clock::now;
    const auto t0 = clock();
    const LabelledTensors train = toTensors(readLabelledImages(
        dir + "/train-images-idx3-ubyte.gz", dir + "/train-labels-idx1-ubyte.gz"));
    const LabelledTensors test = toTensors(
        readLabelledImages(dir + "/t10k-images-idx3-ubyte.gz", dir + "/t10k-labels-idx1-ubyte.gz"));
    const auto t1 = clock();
    const std::string cache_dir = argc > 10 ? argv[10] : defaultCacheDir();
    LoadedClassifier loaded =
        loadOrTrain(train, test, cache_dir,
                    [](float fraction, const std::string& text) {
                      std::fprintf(stderr, "\r%3.0f%% %s", fraction * 100, text.c_str());
                    },
                    nullptr, {options, train_options});
    const auto t2 = clock();
    auto seconds = [](auto d) { return std::chrono::duration<double>(d).count(); };
    std::printf(
        "\nepochs %d batch %lld lr %g decay %g conv %lld-%lld fc %lld threads %d: test "
        "accuracy %.4f (%lld images), load %.2f s, %s %.1f s%s%s\n",
        train_options.epochs, static_cast<long long>(train_options.batch),
        train_options.learning_rate, train_options.epoch_decay,
        static_cast<long long>(options.conv1()), static_cast<long long>(options.conv2()),
        static_cast<long long>(options.hidden()), torch::get_num_threads(), loaded.accuracy,
        static_cast<long long>(test.images.size(0)), seconds(t1 - t0),
        loaded.from_cache ? "read from the cache in" : "trained and tested in", seconds(t2 - t1),
        loaded.note.empty() ? "" : "; ", loaded.note.c_str());

    const std::vector<int> classes = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    ImageMetricsEvaluator metrics(loaded.model, loaded.accuracy, train, test, classes);
    const auto t3 = clock();
    std::printf("image metrics: real statistics in %.2f s\n", seconds(t3 - t2));
    for (int64_t n : {1000, 2000}) {
      const torch::Tensor samples = train.images.narrow(0, 50000, n);  // stand-ins for G's
      metrics.evaluate(samples, 0);  // the floor and real radii for n, once
      const auto a = clock();
      const ImageMetrics m = metrics.evaluate(samples, 1);
      const auto b = clock();
      (void)loaded.model->features(samples);
      const auto c = clock();
      (void)meanPairwiseDistance(samples);
      const auto d = clock();
      std::printf(
          "  %lld samples: fill %.0f ms (classifier pass %.0f ms, diversity %.0f ms); "
          "frechet %.3f floor %.3f precision %.3f recall %.3f covered %d\n",
          static_cast<long long>(n), 1e3 * seconds(b - a), 1e3 * seconds(c - b),
          1e3 * seconds(d - c), m.frechet, m.frechet_floor, m.precision, m.recall,
          m.classes_covered);
    }
  } catch (const std::exception& error) {
    std::fprintf(stderr, "classifier_accuracy: %s\n", error.what());
    return 1;
  }
}
