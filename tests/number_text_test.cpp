// Tests for the number field's logic: parsing and refusing typed text, the allowed-range
// message, compact printing, wheel steps and the drag handle; the specs made from the schema.
#include "app/widgets/number_text.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "app/widgets/config_number.hpp"

namespace ganscope {
namespace {

const NumberSpec kLearningRate{
    .lo = 0, .hi = 100, .lo_open = true, .log_scale = true, .handle_lo = 1e-5, .handle_hi = 100};
const NumberSpec kWidth{.lo = 1, .hi = 1024, .integer = true, .doubling = true};

TEST(NumberTextTest, ParsesDecimalAndScientificText) {
  EXPECT_DOUBLE_EQ(parseNumber("2e-4", kLearningRate).value, 2e-4);
  EXPECT_TRUE(parseNumber("2e-4", kLearningRate).ok());
  EXPECT_DOUBLE_EQ(parseNumber(" 0.001 ", kLearningRate).value, 0.001);
  EXPECT_DOUBLE_EQ(parseNumber("50", kLearningRate).value, 50);
  EXPECT_DOUBLE_EQ(parseNumber("1E1", kLearningRate).value, 10);
}

TEST(NumberTextTest, RefusesWhatIsNotOneNumber) {
  for (const char* text : {"abc", "", "   ", "1.2.3", "nan", "inf", "0x10", "5 0", "1e", "-"}) {
    EXPECT_EQ(parseNumber(text, kLearningRate).error, NumberError::NotANumber) << text;
  }
}

TEST(NumberTextTest, RefusesValuesOutsideTheRangeAndOpenEnds) {
  EXPECT_EQ(parseNumber("1e9", kLearningRate).error, NumberError::OutOfRange);
  EXPECT_EQ(parseNumber("-1", kLearningRate).error, NumberError::OutOfRange);
  EXPECT_EQ(parseNumber("0", kLearningRate).error, NumberError::OutOfRange);  // (0, 100]
  EXPECT_TRUE(parseNumber("100", kLearningRate).ok());                        // the closed end
  EXPECT_TRUE(parseNumber("1e-30", kLearningRate).ok());
}

TEST(NumberTextTest, IntegersTakeWholeNumbersOnly) {
  EXPECT_TRUE(parseNumber("256", kWidth).ok());
  EXPECT_TRUE(parseNumber("1e3", kWidth).ok());  // 1000 is whole
  EXPECT_EQ(parseNumber("2.5", kWidth).error, NumberError::NotWhole);
  EXPECT_EQ(parseNumber("0", kWidth).error, NumberError::OutOfRange);
  EXPECT_EQ(parseNumber("2048", kWidth).error, NumberError::OutOfRange);
}

TEST(NumberTextTest, TheRefusalNamesTheEntryAndTheAllowedRange) {
  EXPECT_EQ(refusalText("1000", NumberError::OutOfRange, kLearningRate),
            "\"1000\" is out of range; allowed: above 0, up to 100");
  EXPECT_EQ(refusalText("abc", NumberError::NotANumber, {.lo = 1e-6, .hi = 10}),
            "\"abc\" is not a number; allowed: 1e-6 to 10");
  EXPECT_EQ(refusalText("2.5", NumberError::NotWhole, kWidth),
            "\"2.5\" is not a whole number; allowed: 1 to 1024, whole numbers");
  EXPECT_EQ(allowedText({.lo = 0, .hi = 1, .hi_open = true}), "allowed: from 0, below 1");
  EXPECT_EQ(refusalText("50", NumberError::None, kWidth), "");
}

TEST(NumberTextTest, PrintsCompactly) {
  EXPECT_EQ(formatNumber(0.001, false), "0.001");
  EXPECT_EQ(formatNumber(static_cast<float>(0.001), false), "0.001");  // a float's value
  EXPECT_EQ(formatNumber(2e-4, false), "2e-4");
  EXPECT_EQ(formatNumber(static_cast<float>(2e-4), false), "2e-4");
  EXPECT_EQ(formatNumber(1.5e-5, false), "1.5e-5");
  EXPECT_EQ(formatNumber(0.99999, false), "0.99999");
  EXPECT_EQ(formatNumber(0.5, false), "0.5");
  EXPECT_EQ(formatNumber(50, false), "50");
  EXPECT_EQ(formatNumber(0, false), "0");
  EXPECT_EQ(formatNumber(-3.25, false), "-3.25");
  EXPECT_EQ(formatNumber(8192, true), "8192");
  EXPECT_EQ(formatNumber(1e9, true), "1000000000");
}

TEST(NumberTextTest, PrintedValuesParseBackToThemselves) {
  for (const double value : {0.001, 2e-4, 1.5e-5, 0.99999, 12.5, 3e-7}) {
    EXPECT_DOUBLE_EQ(parseNumber(formatNumber(value, false), kLearningRate).value, value);
  }
}

TEST(NumberTextTest, LogWheelStepsAlong125) {
  EXPECT_DOUBLE_EQ(wheelStep(0.001, 1, kLearningRate), 0.002);
  EXPECT_DOUBLE_EQ(wheelStep(0.002, 1, kLearningRate), 0.005);
  EXPECT_DOUBLE_EQ(wheelStep(0.005, 1, kLearningRate), 0.01);
  EXPECT_DOUBLE_EQ(wheelStep(0.01, -1, kLearningRate), 0.005);
  EXPECT_DOUBLE_EQ(wheelStep(0.001, -3, kLearningRate), 1e-4);
  EXPECT_DOUBLE_EQ(wheelStep(0.0003, 1, kLearningRate), 5e-4);   // off the grid: next one up
  EXPECT_DOUBLE_EQ(wheelStep(0.0003, -1, kLearningRate), 2e-4);  // and down
  EXPECT_DOUBLE_EQ(wheelStep(100, 1, kLearningRate), 100);       // clamped
}

TEST(NumberTextTest, LogWheelFromZeroReachesTheHandleFloorAndBack) {
  const NumberSpec gamma{.lo = 0, .hi = 1000, .log_scale = true, .handle_lo = 0, .handle_hi = 100};
  EXPECT_DOUBLE_EQ(wheelStep(0, 1, gamma), 0.01);  // 1e-4 of the handle's top
  EXPECT_DOUBLE_EQ(wheelStep(0.01, -1, gamma), 0);
}

TEST(NumberTextTest, IntegerWheelAddsOneOrDoubles) {
  const NumberSpec k{.lo = 1, .hi = 100, .integer = true};
  EXPECT_EQ(wheelStep(5, 1, k), 6);
  EXPECT_EQ(wheelStep(1, -1, k), 1);  // clamped
  EXPECT_EQ(wheelStep(128, 1, kWidth), 256);
  EXPECT_EQ(wheelStep(128, -1, kWidth), 64);
  EXPECT_EQ(wheelStep(100, 1, kWidth), 128);  // to the next power of two
  EXPECT_EQ(wheelStep(100, -1, kWidth), 64);
  EXPECT_EQ(wheelStep(1024, 1, kWidth), 1024);
}

TEST(NumberTextTest, LinearWheelAddsA125StepOfTheHandleRange) {
  const NumberSpec beta1{.lo = 0, .hi = 0.999, .handle_lo = 0, .handle_hi = 0.99};
  EXPECT_NEAR(wheelStep(0.5, 1, beta1), 0.505, 1e-12);  // 0.99 / 100 -> 0.005
  EXPECT_NEAR(wheelStep(0.5, -2, beta1), 0.49, 1e-12);
}

TEST(NumberTextTest, DragIsOneDecadePer150PixelsOnALogHandle) {
  EXPECT_NEAR(dragValue(0.001, 150, kLearningRate), 0.01, 1e-12);
  EXPECT_NEAR(dragValue(0.001, -300, kLearningRate), 1e-5, 1e-15);
  EXPECT_DOUBLE_EQ(dragValue(0.001, -3000, kLearningRate), 1e-5);  // the handle's left end
  EXPECT_DOUBLE_EQ(dragValue(0.001, 0, kLearningRate), 0.001);
}

TEST(NumberTextTest, DoublingIntegersDragOnALogScale) {
  EXPECT_EQ(dragValue(10, 150, kWidth), 100);
  EXPECT_EQ(dragValue(100, -150, kWidth), 10);
}

TEST(NumberTextTest, LinearDragCoversTheRangeIn300PixelsAndRoundsIntegers) {
  const NumberSpec layers{.lo = 1, .hi = 8, .integer = true};
  EXPECT_EQ(dragValue(1, 150, layers), 5);  // 1 + 3.5 rounds to 5 (half away from zero)
  EXPECT_EQ(dragValue(1, 1000, layers), 8);
  EXPECT_EQ(dragValue(4, -20, layers), 4);  // less than half a step
}

TEST(NumberTextTest, SpecsComeFromTheSchema) {
  const NumberSpec lr = configNumberSpec(configField("hyper.d_opt.lr"));
  EXPECT_TRUE(lr.log_scale);
  EXPECT_TRUE(lr.lo_open);
  EXPECT_EQ(lr.hi, 100);
  EXPECT_FALSE(lr.integer);
  const NumberSpec batch = configNumberSpec(configField("hyper.batch_size"));
  EXPECT_TRUE(batch.integer && batch.doubling);
  EXPECT_EQ(batch.hi, 8192);
  const NumberSpec beta1 = configNumberSpec(configField("hyper.d_opt.beta1"));
  EXPECT_FALSE(beta1.log_scale);
  EXPECT_TRUE(configNumberSpec(configField("hyper.lr_half_life")).integer);
  EXPECT_TRUE(configNumberSpec(configField("hyper.instance_noise")).log_scale);
  EXPECT_THROW(configNumberSpec(configField("hyper.loss")), std::logic_error);
}

}  // namespace
}  // namespace ganscope
