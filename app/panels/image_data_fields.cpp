// The controls' fields for image data: the folder of IDX files and the class filter, typed and
// committed with Enter into the edited config (applied on Reset, like the other data fields).
// A folder without the files is a red line naming them, checked once per folder committed.
#include "app/i18n/strings.hpp"
#include "app/panels/panels.hpp"
#include "app/scenes/palette.hpp"
#include "common/config_error.hpp"

namespace ganscope {
namespace {

/// A text field over `text` (showing `committed` until typed in); true on Enter.
bool enterField(const char* label_key, const char* id, std::string& text, bool& typed,
                const std::string& committed) {
  if (!typed) text = committed;
  char buffer[1024];
  std::snprintf(buffer, sizeof(buffer), "%s", text.c_str());
  const std::string label = std::string(i18n::tr(label_key)) + "###" + id;
  const bool entered =
      ImGui::InputText(label.c_str(), buffer, sizeof(buffer), ImGuiInputTextFlags_EnterReturnsTrue);
  if (buffer != text) {
    text = buffer;
    typed = true;
  }
  if (entered) typed = false;
  return entered;
}

}  // namespace

bool drawImageDataFields(ImageDataFields& fields, DataConfig& data) {
  bool changed = false;
  if (enterField("controls.image_folder", "image_folder", fields.folder, fields.folder_typed,
                 data.path)) {
    changed = fields.folder != data.path;
    data.path = fields.folder;
  }
  hint(i18n::trf("controls.image_folder_hint", imageFolderFileList().c_str()).c_str());
  if (fields.checked != data.path) {
    fields.check = checkImageFolder(data.path);
    fields.checked = data.path;
  }
  if (!fields.check.ok()) {
    std::string missing;
    for (const std::string& name : fields.check.missing) {
      missing += (missing.empty() ? "" : ", ") + name;
    }
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(
        palette::kError, "%s",
        fields.check.is_folder
            ? i18n::trf("controls.image_folder_missing", data.path.c_str(), missing.c_str()).c_str()
            : i18n::trf("controls.image_folder_none", data.path.c_str(),
                        imageFolderFileList().c_str())
                  .c_str());
    ImGui::PopTextWrapPos();
  }
  if (enterField("controls.image_classes", "image_classes", fields.classes, fields.classes_typed,
                 data.classes)) {
    DataConfig candidate = data;
    candidate.classes = fields.classes;
    try {
      imageClasses(candidate);
      changed |= candidate.classes != data.classes;
      data.classes = candidate.classes;
      fields.classes_error.clear();
    } catch (const ConfigError& error) {
      fields.classes_error = error.what();
      fields.classes_typed = true;  // keep the refused text for correction
    }
  }
  hint(i18n::tr("controls.image_classes_hint"));
  if (!fields.classes_error.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(
        palette::kError, "%s",
        i18n::trf("controls.image_classes_bad", fields.classes_error.c_str()).c_str());
    ImGui::PopTextWrapPos();
  }
  return changed;
}

}  // namespace ganscope
