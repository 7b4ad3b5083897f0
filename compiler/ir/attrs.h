// Typed attribute structs of IR ops. Each struct lists its fields once, in
// Reflect(), which the printer, parser and equality use: adding a field is one line.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <variant>
#include <vector>

namespace kiln::ir {

constexpr float kInf = std::numeric_limits<float>::infinity();

// Fused activation as a clamp after the op (ReLU: [0, inf), ReLU6: [0, 6]).
#define KILN_ACT_FIELDS(v)      \
  v("act_min", act_min, -kInf); \
  v("act_max", act_max, kInf)

struct NoAttrs {
  template <class V> void Reflect(V&) {}
};

// Conv: `layout` "nchw" means ONNX semantics (input NCHW, weights OIHW);
// "nhwc" means input NHWC with weights OHWI (CMSIS-NN / PULP-NN order).
// pads: [begin per spatial axis..., end per spatial axis...] as ONNX.
struct ConvAttrs {
  std::vector<int64_t> kernel_shape, strides, pads, dilations;
  int64_t group = 1;
  std::string layout = "nchw";
  float act_min = -kInf, act_max = kInf;
  template <class V> void Reflect(V& v) {
    v("kernel_shape", kernel_shape, std::vector<int64_t>{});
    v("strides", strides, std::vector<int64_t>{});
    v("pads", pads, std::vector<int64_t>{});
    v("dilations", dilations, std::vector<int64_t>{});
    v("group", group, int64_t{1});
    v("layout", layout, std::string("nchw"));
    KILN_ACT_FIELDS(v);
  }
};

struct PoolAttrs {
  std::vector<int64_t> kernel_shape, strides, pads, dilations;
  int64_t ceil_mode = 0;
  int64_t count_include_pad = 0;
  std::string layout = "nchw";
  template <class V> void Reflect(V& v) {
    v("kernel_shape", kernel_shape, std::vector<int64_t>{});
    v("strides", strides, std::vector<int64_t>{});
    v("pads", pads, std::vector<int64_t>{});
    v("dilations", dilations, std::vector<int64_t>{});
    v("ceil_mode", ceil_mode, int64_t{0});
    v("count_include_pad", count_include_pad, int64_t{0});
    v("layout", layout, std::string("nchw"));
  }
};

struct LayoutAttrs {
  std::string layout = "nchw";
  template <class V> void Reflect(V& v) {
    v("layout", layout, std::string("nchw"));
  }
};

struct GemmAttrs {
  float alpha = 1.0f, beta = 1.0f;
  int64_t trans_a = 0, trans_b = 0;
  template <class V> void Reflect(V& v) {
    v("alpha", alpha, 1.0f);
    v("beta", beta, 1.0f);
    v("trans_a", trans_a, int64_t{0});
    v("trans_b", trans_b, int64_t{0});
  }
};

// Ops whose only attribute is a fused activation (fully connected, binary ops).
struct ActAttrs {
  float act_min = -kInf, act_max = kInf;
  template <class V> void Reflect(V& v) { KILN_ACT_FIELDS(v); }
};

struct ClipAttrs {
  float min = -kInf, max = kInf;
  // The bounds of a clip of an integer tensor (ONNX gives them in the tensor's
  // own type, which float holds exactly only up to 2^24); min/max are unused
  // then.
  int64_t int_min = std::numeric_limits<int64_t>::min();
  int64_t int_max = std::numeric_limits<int64_t>::max();
  template <class V> void Reflect(V& v) {
    v("min", min, -kInf);
    v("max", max, kInf);
    v("int_min", int_min, std::numeric_limits<int64_t>::min());
    v("int_max", int_max, std::numeric_limits<int64_t>::max());
  }
};

struct AxisAttrs {
  int64_t axis = 0;
  template <class V> void Reflect(V& v) { v("axis", axis, int64_t{0}); }
};

struct TransposeAttrs {
  std::vector<int64_t> perm;
  template <class V> void Reflect(V& v) {
    v("perm", perm, std::vector<int64_t>{});
  }
};

struct BatchNormAttrs {
  float epsilon = 1e-5f;
  std::string layout = "nchw";
  template <class V> void Reflect(V& v) {
    v("epsilon", epsilon, 1e-5f);
    v("layout", layout, std::string("nchw"));
  }
};

// leaky_relu (alpha = slope) and hard_sigmoid (y = clamp(alpha * x + beta, 0, 1)).
struct AlphaBetaAttrs {
  float alpha = 0.0f, beta = 0.0f;
  template <class V> void Reflect(V& v) {
    v("alpha", alpha, 0.0f);
    v("beta", beta, 0.0f);
  }
};

// slice: per dimension of the input, the first index taken (in range) and the
// step (non-zero, negative walks backwards); the extent is the output's.
struct SliceAttrs {
  std::vector<int64_t> starts, steps;
  template <class V> void Reflect(V& v) {
    v("starts", starts, std::vector<int64_t>{});
    v("steps", steps, std::vector<int64_t>{});
  }
};

// pad: [begin per dim..., end per dim...] (negative crops), mode "constant"
// (with `value`), "reflect" or "edge".
struct PadAttrs {
  std::vector<int64_t> pads;
  std::string mode = "constant";
  float value = 0.0f;
  template <class V> void Reflect(V& v) {
    v("pads", pads, std::vector<int64_t>{});
    v("mode", mode, std::string("constant"));
    v("value", value, 0.0f);
  }
};

// reduce: `kind` "sum", "mean", "max", "min" or "prod" over `axes` (sorted,
// in range); keepdims as ONNX (the element order is the same either way).
struct ReduceAttrs {
  std::string kind = "sum";
  std::vector<int64_t> axes;
  int64_t keepdims = 1;
  template <class V> void Reflect(V& v) {
    v("kind", kind, std::string("sum"));
    v("axes", axes, std::vector<int64_t>{});
    v("keepdims", keepdims, int64_t{1});
  }
};

// resize: `mode` "nearest", "linear" or "cubic"; `coord_mode` ONNX's
// coordinate_transformation_mode (half_pixel, asymmetric, align_corners,
// pytorch_half_pixel, tf_half_pixel_for_nn, tf_crop_and_resize);
// `nearest_mode` ONNX's rounding (round_prefer_floor, round_prefer_ceil,
// floor, ceil) or "simple" (Resize-10 and Upsample: ceil while shrinking, else
// floor); ONNX scales of the spatial axes (used by the coordinate mapping; the
// extents are the output's type). Cubic: ONNX cubic_coeff_a and
// exclude_outside. tf_crop_and_resize: the roi of H and W (fractions of the
// input extent) and the extrapolation_value of outputs whose source lies
// outside the input.
struct ResizeAttrs {
  std::string mode = "nearest";
  std::string coord_mode = "half_pixel";
  std::string nearest_mode = "round_prefer_floor";
  float scale_h = 1.0f, scale_w = 1.0f;
  float cubic_a = -0.75f;
  int64_t exclude_outside = 0;
  float roi_start_h = 0.0f, roi_end_h = 1.0f;
  float roi_start_w = 0.0f, roi_end_w = 1.0f;
  float extrapolation_value = 0.0f;
  std::string layout = "nchw";
  template <class V> void Reflect(V& v) {
    v("mode", mode, std::string("nearest"));
    v("coord_mode", coord_mode, std::string("half_pixel"));
    v("nearest_mode", nearest_mode, std::string("round_prefer_floor"));
    v("scale_h", scale_h, 1.0f);
    v("scale_w", scale_w, 1.0f);
    v("cubic_a", cubic_a, -0.75f);
    v("exclude_outside", exclude_outside, int64_t{0});
    v("roi_start_h", roi_start_h, 0.0f);
    v("roi_end_h", roi_end_h, 1.0f);
    v("roi_start_w", roi_start_w, 0.0f);
    v("roi_end_w", roi_end_w, 1.0f);
    v("extrapolation_value", extrapolation_value, 0.0f);
    v("layout", layout, std::string("nchw"));
  }
};

// One entry per distinct attribute struct (attrs.def), so the variant has no
// duplicate alternatives.
using Attrs = std::variant<
#define KILN_ATTRS(T) T,
#include "compiler/ir/attrs.def"
#undef KILN_ATTRS
    std::monostate>;

}  // namespace kiln::ir
