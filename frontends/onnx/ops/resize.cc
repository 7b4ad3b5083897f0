// Imports ONNX Resize (opset 10 and 11+) and Upsample (opset 7 and 9) as an
// NCHW IR resize of the spatial axes: nearest (every nearest_mode), linear
// (bilinear) or cubic (bicubic); scales, sizes and roi as compile-time inputs.
#include <algorithm>
#include <cmath>
#include <iterator>

#include "frontends/onnx/op_registry.h"

namespace kiln::onnx_frontend {
namespace {

struct ResizeSpec {
  std::string mode, coord_mode, nearest_mode;
  std::vector<float> scales;  // per axis of the input; empty: from sizes
  float cubic_a = -0.75f;
  int64_t exclude_outside = 0;
  // tf_crop_and_resize: starts of every axis, then ends (ONNX's roi layout).
  std::vector<float> roi;
  float extrapolation_value = 0.0f;
};

Status AddResize(OpContext& ctx, const ResizeSpec& s) {
  KILN_ASSIGN_OR_RETURN(ir::TensorType xt, ctx.InputType(0));
  if (xt.dtype != ir::DType::kF32)
    return ctx.Unsupported(
        "{} of {} tensors: only float32 kernels exist on this target",
        ctx.node().op_type(), ir::DTypeName(xt.dtype));
  const int64_t r = xt.rank();
  if (r != 3 && r != 4)
    return ctx.Unsupported(
        "input rank {}: kiln resizes 1-D and 2-D spatial inputs (rank 3 or 4, "
        "N x C x spatial)",
        r);
  if (s.mode != "nearest" && s.mode != "linear" && s.mode != "cubic")
    return ctx.Error("mode '{}' is not one of nearest, linear, cubic", s.mode);
  const bool crop = s.coord_mode == "tf_crop_and_resize";
  if (crop && static_cast<int64_t>(s.roi.size()) != 2 * r)
    return ctx.Error(
        "roi has {} values; tf_crop_and_resize needs 2 per input axis ({})",
        s.roi.size(), 2 * r);
  KILN_ASSIGN_OR_RETURN(ir::TensorId x, ctx.Input(0));
  KILN_ASSIGN_OR_RETURN(ir::TensorId y, ctx.Output(0));
  const ir::Shape& out = ctx.graph().type(y).shape;
  if (static_cast<int64_t>(out.size()) != r)
    return ctx.Error("output rank {} differs from the input's {}", out.size(),
                     r);
  if (!s.scales.empty() && static_cast<int64_t>(s.scales.size()) != r)
    return ctx.Error("scales has {} values for an input of rank {}",
                     s.scales.size(), r);
  // N and C: kiln resizes (and crops) the spatial axes only.
  for (int d = 0; d < 2; ++d) {
    bool kept = s.scales.empty() ? out[d] == xt.shape[d] : s.scales[d] == 1.0f;
    if (crop && (s.roi[d] != 0.0f || s.roi[r + d] != 1.0f)) kept = false;
    if (!kept || out[d] != xt.shape[d])
      return ctx.Unsupported(
          "axis {} (batch or channels) is resized: kiln resizes the spatial "
          "axes only",
          d);
  }
  std::vector<float> sp(2, 1.0f);  // scale_h, scale_w (1-D: width only)
  // roi_start_h, roi_end_h, roi_start_w, roi_end_w (1-D: H is the whole
  // extent-1 axis).
  std::vector<float> box = {0.0f, 1.0f, 0.0f, 1.0f};
  for (int64_t d = 2; d < r; ++d) {
    if (out[d] < 1)
      return ctx.Error(
          "output extent {} on axis {} (kiln has no zero-sized "
          "tensors)",
          out[d], d);
    float scale = s.scales.empty() ? static_cast<float>(out[d]) /
                                         static_cast<float>(xt.shape[d])
                                   : s.scales[d];
    if (!(scale > 0.0f) || !std::isfinite(scale))
      return ctx.Error("scale {} on axis {} is not positive", scale, d);
    const int64_t k = r == 4 ? d - 2 : 1;
    sp[k] = scale;
    if (crop) {
      if (!std::isfinite(s.roi[d]) || !std::isfinite(s.roi[r + d]))
        return ctx.Error("roi of axis {} is not finite", d);
      box[2 * k] = s.roi[d];
      box[2 * k + 1] = s.roi[r + d];
    }
  }
  if (s.mode == "cubic" && !std::isfinite(s.cubic_a))
    return ctx.Error("cubic_coeff_a {} is not finite", s.cubic_a);
  auto& a = ctx.AddNode(ir::OpKind::kResize, {x}, {y}).attr<ir::ResizeAttrs>();
  a.mode = s.mode;
  a.coord_mode = s.coord_mode;
  a.nearest_mode = s.nearest_mode;
  a.scale_h = sp[0];
  a.scale_w = sp[1];
  // Attributes of other modes are dropped, so equal resizes print alike.
  if (s.mode == "cubic") {
    a.cubic_a = s.cubic_a;
    a.exclude_outside = s.exclude_outside != 0;
  }
  if (crop) {
    a.roi_start_h = box[0];
    a.roi_end_h = box[1];
    a.roi_start_w = box[2];
    a.roi_end_w = box[3];
    a.extrapolation_value = s.extrapolation_value;
  }
  a.layout = "nchw";  // ONNX order; the layout pass moves to NHWC
  return Status::Ok();
}

// "linear" and Upsample-7's "bilinear" are one mode for kiln.
StatusOr<std::string> ReadMode(const OpContext& ctx) {
  KILN_ASSIGN_OR_RETURN(std::string mode, ctx.AttrString("mode", "nearest"));
  return mode == "bilinear" ? std::string("linear") : mode;
}

}  // namespace

Status ImportResize(OpContext& ctx) {
  ResizeSpec s;
  KILN_ASSIGN_OR_RETURN(s.mode, ReadMode(ctx));
  if (ctx.opset() < 11) {
    // Resize-10: X, scales; asymmetric coordinates and ONNX Runtime's
    // original nearest rounding.
    s.coord_mode = "asymmetric";
    s.nearest_mode = "simple";
    KILN_ASSIGN_OR_RETURN(s.scales, ctx.ConstFloats(1));
    return AddResize(ctx, s);
  }
  KILN_ASSIGN_OR_RETURN(
      s.coord_mode,
      ctx.AttrString("coordinate_transformation_mode", "half_pixel"));
  KILN_ASSIGN_OR_RETURN(s.nearest_mode,
                        ctx.AttrString("nearest_mode", "round_prefer_floor"));
  if (s.nearest_mode != "round_prefer_floor" &&
      s.nearest_mode != "round_prefer_ceil" && s.nearest_mode != "floor" &&
      s.nearest_mode != "ceil")
    return ctx.Error(
        "nearest_mode '{}' is not one of round_prefer_floor, "
        "round_prefer_ceil, floor, ceil",
        s.nearest_mode);
  static const char* kCoord[] = {"half_pixel",           "pytorch_half_pixel",
                                 "align_corners",        "asymmetric",
                                 "tf_half_pixel_for_nn", "tf_crop_and_resize"};
  if (std::find(std::begin(kCoord), std::end(kCoord), s.coord_mode) ==
      std::end(kCoord))
    return ctx.Error("coordinate_transformation_mode '{}' is not an ONNX mode",
                     s.coord_mode);
  KILN_ASSIGN_OR_RETURN(s.cubic_a, ctx.AttrFloat("cubic_coeff_a", -0.75f));
  KILN_ASSIGN_OR_RETURN(s.exclude_outside, ctx.AttrInt("exclude_outside", 0));
  KILN_ASSIGN_OR_RETURN(s.extrapolation_value,
                        ctx.AttrFloat("extrapolation_value", 0.0f));
  // Inputs X, roi, scales, sizes: one of scales and sizes is given (an empty
  // scales tensor stands for "absent", as exporters write it). roi matters
  // only for tf_crop_and_resize.
  if (s.coord_mode == "tf_crop_and_resize") {
    if (!ctx.HasInput(1))
      return ctx.Error("tf_crop_and_resize needs the roi input");
    KILN_ASSIGN_OR_RETURN(s.roi, ctx.ConstFloats(1));
  }
  if (ctx.HasInput(2)) {
    KILN_ASSIGN_OR_RETURN(s.scales, ctx.ConstFloats(2));
  }
  if (s.scales.empty() && !ctx.HasInput(3))
    return ctx.Error("neither scales nor sizes is given");
  if (s.scales.empty()) {
    KILN_ASSIGN_OR_RETURN(std::vector<int64_t> sizes, ctx.ConstInts(3));
    KILN_ASSIGN_OR_RETURN(ir::TensorType xt, ctx.InputType(0));
    if (static_cast<int64_t>(sizes.size()) != xt.rank())
      return ctx.Error("sizes has {} values for an input of rank {}",
                       sizes.size(), xt.rank());
  }
  return AddResize(ctx, s);
}

Status ImportUpsample(OpContext& ctx) {
  ResizeSpec s;
  KILN_ASSIGN_OR_RETURN(s.mode, ReadMode(ctx));
  if (s.mode == "cubic") return ctx.Error("Upsample has no mode 'cubic'");
  s.coord_mode = "asymmetric";
  s.nearest_mode = "simple";
  if (ctx.opset() < 9) {
    const onnx::AttributeProto* attr = ctx.Attr("scales");
    if (!attr) return ctx.Error("attribute 'scales' is required");
    s.scales.assign(attr->floats().begin(), attr->floats().end());
  } else {
    KILN_ASSIGN_OR_RETURN(s.scales, ctx.ConstFloats(1));
  }
  for (float v : s.scales)
    if (!(v >= 1.0f))
      return ctx.Error("scale {} is below 1 (Upsample only enlarges)", v);
  return AddResize(ctx, s);
}

}  // namespace kiln::onnx_frontend
