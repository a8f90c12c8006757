#version 330 core
// Scalar field view: each value in [0, 1] looked up in a 256-entry colormap, linearly
// interpolated between field samples.
uniform sampler2D field;     // R32F, one value per sample
uniform sampler2D colormap;  // 256 x 1 RGBA
in vec2 uv;
out vec4 color;

void main() {
  float value = clamp(texture(field, uv).r, 0.0, 1.0);
  color = texture(colormap, vec2((value * 255.0 + 0.5) / 256.0, 0.5));
}
