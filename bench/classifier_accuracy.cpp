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
#include "core/metrics/classifier_training.hpp"

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
    ImageClassifier model(options);
    trainClassifier(model, train, train_options, [](float fraction, const std::string& text) {
      std::fprintf(stderr, "\r%3.0f%% %s", fraction * 100, text.c_str());
    });
    const auto t2 = clock();
    const double accuracy = classifierAccuracy(model, test);
    const auto t3 = clock();
    auto seconds = [](auto d) { return std::chrono::duration<double>(d).count(); };
    std::printf(
        "\nepochs %d batch %lld lr %g decay %g conv %lld-%lld fc %lld threads %d: test accuracy "
        "%.4f (%lld images), load %.2f s, train %.1f s, test pass %.2f s\n",
        train_options.epochs, static_cast<long long>(train_options.batch),
        train_options.learning_rate, train_options.epoch_decay,
        static_cast<long long>(options.conv1()), static_cast<long long>(options.conv2()),
        static_cast<long long>(options.hidden()), torch::get_num_threads(), accuracy,
        static_cast<long long>(test.images.size(0)), seconds(t1 - t0), seconds(t2 - t1),
        seconds(t3 - t2));
  } catch (const std::exception& error) {
    std::fprintf(stderr, "classifier_accuracy: %s\n", error.what());
    return 1;
  }
}
