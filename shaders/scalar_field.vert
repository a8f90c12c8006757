#version 330 core
// Scalar field view: a screen rectangle given in normalised device coordinates, with texture
// coordinates running over the field.
uniform vec4 rect;  // x0, y0, x1, y1 in NDC
out vec2 uv;

void main() {
  vec2 corner = vec2(gl_VertexID & 1, gl_VertexID >> 1);  // (0,0) (1,0) (0,1) (1,1)
  uv = vec2(corner.x, 1.0 - corner.y);
  gl_Position = vec4(mix(rect.xy, rect.zw, corner), 0.0, 1.0);
}
