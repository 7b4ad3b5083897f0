// Imports ONNX Resize (opset 10 and 11+) and Upsample (opset 7 and 9) as an
// NCHW IR resize of the spatial axes: nearest (every nearest_mode) or linear
// (bilinear), scales or sizes as compile-time inputs.
#include <algorithm>
#include <cmath>
#include <iterator>

#include "frontends/onnx/op_registry.h"

namespace kiln::onnx_frontend {
namespace {

struct ResizeSpec {
  std::string mode, coord_mode, nearest_mode;
  std::vector<float> scales;  // per axis of the input; empty: from sizes
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
  if (s.mode == "cubic")
    return ctx.Unsupported(
        "mode 'cubic' is not supported by kiln; supported: nearest, linear");
  if (s.mode != "nearest" && s.mode != "linear")
    return ctx.Error("mode '{}' is not one of nearest, linear, cubic", s.mode);
  if (s.coord_mode == "tf_crop_and_resize")
    return ctx.Unsupported(
        "coordinate_transformation_mode 'tf_crop_and_resize' is not "
        "supported by kiln; supported: half_pixel, pytorch_half_pixel, "
        "align_corners, asymmetric, tf_half_pixel_for_nn");
  KILN_ASSIGN_OR_RETURN(ir::TensorId x, ctx.Input(0));
  KILN_ASSIGN_OR_RETURN(ir::TensorId y, ctx.Output(0));
  const ir::Shape& out = ctx.graph().type(y).shape;
  if (static_cast<int64_t>(out.size()) != r)
    return ctx.Error("output rank {} differs from the input's {}", out.size(),
                     r);
  if (!s.scales.empty() && static_cast<int64_t>(s.scales.size()) != r)
    return ctx.Error("scales has {} values for an input of rank {}",
                     s.scales.size(), r);
  // N and C: kiln resizes the spatial axes only.
  for (int d = 0; d < 2; ++d) {
    bool kept = s.scales.empty() ? out[d] == xt.shape[d] : s.scales[d] == 1.0f;
    if (!kept || out[d] != xt.shape[d])
      return ctx.Unsupported(
          "axis {} (batch or channels) is resized: kiln resizes the spatial "
          "axes only",
          d);
  }
  std::vector<float> sp(2, 1.0f);  // scale_h, scale_w (1-D: width only)
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
    sp[r == 4 ? d - 2 : 1] = scale;
  }
  auto& a = ctx.AddNode(ir::OpKind::kResize, {x}, {y}).attr<ir::ResizeAttrs>();
  a.mode = s.mode;
  a.coord_mode = s.coord_mode;
  a.nearest_mode = s.nearest_mode;
  a.scale_h = sp[0];
  a.scale_w = sp[1];
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
  // Inputs X, roi, scales, sizes: one of scales and sizes is given (an empty
  // scales tensor stands for "absent", as exporters write it). roi matters
  // only for tf_crop_and_resize, refused above.
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
