// The controls' model combo in a real Dear ImGui context (no GL), clicked through the app's input
// queue: for image data it switches the edited config's model (mlp_gan -> dcgan) and marks it
// for Reset, and each model shows only its own fields (the DCGAN's channels, not MLP layers).
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>  // the combo's popup window, to click one of its items

#include "app/panels/panels.hpp"
#include "app/shell/imgui_input.hpp"
#include "core/config/presets.hpp"

namespace ganscope {
namespace {

class ModelFieldsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    context_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(700, 3000);
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    session_ = std::make_unique<Session>(presetConfig("figure1"), SessionOptions{});
    run_ = std::make_unique<RunView>(std::move(session_), "A", std::vector<FieldDifference>{});
    ui_.edit = presetConfig("fashion-mlp");  // what the controls show, not what trains
  }
  void TearDown() override {
    run_.reset();
    ImGui::DestroyContext(context_);
  }

  /// One frame of the whole Controls panel, tall enough that nothing scrolls away.
  void frame(const std::vector<InputEvent>& events = {}) {
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = 1.0f / 30;
    applyFrameInput(events, held_, io);
    ImGui::NewFrame();
    RunView* runs[] = {run_.get()};
    PanelContext ctx{*run_, runs, run_->views, view_, ui_, 30, blas_};
    panel_->draw(ctx, "controls", ImVec2(0, 0), io.DisplaySize);
    ImGui::Render();
  }
  /// A click at (x, y): press in one frame, release in the next.
  void click(float x, float y) {
    InputEvent press{InputEvent::Kind::MouseButton, 0, true};
    press.x = x;
    press.y = y;
    InputEvent release = press;
    release.down = false;
    frame({press});
    frame({release});
  }
  /// Opens the model combo and clicks its item `index`.
  void pickModel(int index) {
    frame();
    ASSERT_TRUE(ui_.fields.rects.count("model")) << "no model combo";
    const FieldRect box = ui_.fields.rects.at("model");
    click(box.handle_x, box.handle_y);
    frame();
    const ImGuiWindow* popup = ImGui::FindWindowByName("##Combo_00");
    ASSERT_NE(popup, nullptr) << "the combo did not open";
    const float row = ImGui::GetTextLineHeightWithSpacing();
    click(popup->DC.CursorStartPos.x + 20,
          popup->DC.CursorStartPos.y + row * static_cast<float>(index) + row * 0.4f);
    frame();
  }
  /// Whether the last frame drew a field with config path `path` (a fresh record each time).
  bool shows(const std::string& path) {
    ui_.fields.rects.clear();
    frame();
    return ui_.fields.rects.count(path) > 0;
  }

  ImGuiContext* context_ = nullptr;
  HeldInput held_;
  std::unique_ptr<Session> session_;
  std::unique_ptr<RunView> run_;
  std::unique_ptr<Panel> panel_ = makeControlsPanel();
  ViewSettings view_;
  UiState ui_;
  const std::string blas_ = "test";
};

TEST_F(ModelFieldsTest, PickingDcganChangesTheEditedModelAndAsksForReset) {
  ASSERT_EQ(ui_.edit.model, ModelKind::MlpGan);
  pickModel(static_cast<int>(ModelKind::Dcgan));  // the combo lists the enum's order
  EXPECT_EQ(ui_.edit.model, ModelKind::Dcgan);
  EXPECT_TRUE(ui_.needs_reset);
  EXPECT_EQ(run_->session().config().model, ModelKind::Mlp) << "nothing sent before Reset";
}

TEST_F(ModelFieldsTest, PickingTheModelItHasChangesNothing) {
  // The control: the same clicks on the item already chosen.
  pickModel(static_cast<int>(ModelKind::MlpGan));
  EXPECT_EQ(ui_.edit.model, ModelKind::MlpGan);
  EXPECT_FALSE(ui_.needs_reset);
}

TEST_F(ModelFieldsTest, EachModelShowsItsOwnFields) {
  // The MLP GAN's sizes are fixed: no width or layer fields; D's input fields stay.
  EXPECT_FALSE(shows("generator.width"));
  EXPECT_FALSE(shows("generator.hidden_layers"));
  EXPECT_TRUE(shows("discriminator.pack"));
  ui_.edit.model = ModelKind::Dcgan;  // channels, no layers
  EXPECT_TRUE(shows("generator.width"));
  EXPECT_TRUE(shows("discriminator.width"));
  EXPECT_FALSE(shows("generator.hidden_layers"));
  ui_.edit.model = ModelKind::Mlp;  // the plain MLP: layers and widths
  EXPECT_TRUE(shows("generator.hidden_layers"));
  EXPECT_TRUE(shows("discriminator.hidden_layers"));
  EXPECT_TRUE(shows("model"));
}

TEST_F(ModelFieldsTest, DataThatIsNotImagesTakesThePlainMlpAndHidesTheCombo) {
  ui_.edit.data.kind = DataKind::Ring;
  EXPECT_FALSE(shows("model"));
  EXPECT_EQ(ui_.edit.model, ModelKind::Mlp) << "an image model cannot train on the ring";
  EXPECT_TRUE(ui_.needs_reset);
  EXPECT_TRUE(shows("generator.hidden_layers"));
}

}  // namespace
}  // namespace ganscope
