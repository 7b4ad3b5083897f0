// Lowers resize (NHWC) to kiln_resize: the attribute strings become the
// kernel's enums (kiln/ref/resize.h); 1-D is the H = 1 case.
#include "compiler/codegen/kernel_call.h"
#include "compiler/ir/op_rules.h"

namespace kiln::codegen {
namespace {

int64_t IndexOf(const std::string& v,
                std::initializer_list<const char*> names) {
  int64_t i = 0;
  for (const char* n : names) {
    if (v == n) return i;
    ++i;
  }
  return -1;
}

}  // namespace

StatusOr<KernelCall> LowerResize(const ir::Graph& g, const ir::Node& node,
                                 const LowerOptions& opts) {
  KILN_RETURN_IF_ERROR(RequireF32(g, node));
  const auto& a = node.attr<ir::ResizeAttrs>();
  if (a.layout != "nhwc")
    return Internal(
        "{}: resize in layout '{}' reached codegen; the layout-nhwc pass must "
        "run first",
        ir::NodeWhere(node), a.layout);
  const ir::Shape& x = g.type(node.inputs[0]).shape;
  const ir::Shape& y = g.type(node.outputs[0]).shape;
  if (x.size() != 3 && x.size() != 4)
    return Unimplemented("{}: only 1-D and 2-D resize", ir::NodeWhere(node));
  const bool d2 = x.size() == 4;
  // Orders of kiln_resize_mode_t, kiln_resize_coord_t, kiln_resize_nearest_t.
  const int64_t mode = IndexOf(a.mode, {"nearest", "linear", "cubic"});
  const int64_t coord = IndexOf(
      a.coord_mode, {"half_pixel", "asymmetric", "align_corners",
                     "pytorch_half_pixel", "tf_half_pixel_for_nn",
                     "tf_crop_and_resize"});
  const int64_t nearest = IndexOf(
      a.nearest_mode,
      {"round_prefer_floor", "round_prefer_ceil", "floor", "ceil", "simple"});
  if (mode < 0 || coord < 0 || nearest < 0)
    return Internal("{}: attributes the type rule should have refused",
                    ir::NodeWhere(node));
  KernelCall call;
  call.kernel = KernelName("resize", opts);
  call.params_type = "kiln_resize_params_t";
  call.header = "kiln/ref/resize.h";
  call.params = {IntField("batch", x[0]),
                 IntField("in_h", d2 ? x[1] : 1),
                 IntField("in_w", d2 ? x[2] : x[1]),
                 IntField("channels", x.back()),
                 IntField("out_h", d2 ? y[1] : 1),
                 IntField("out_w", d2 ? y[2] : y[1]),
                 IntField("mode", mode),
                 IntField("coord_mode", coord),
                 IntField("nearest_mode", nearest),
                 FloatField("scale_h", d2 ? a.scale_h : 1.0f),
                 FloatField("scale_w", a.scale_w),
                 FloatField("cubic_a", a.cubic_a),
                 IntField("exclude_outside", a.exclude_outside),
                 FloatField("roi_start_h", d2 ? a.roi_start_h : 0.0f),
                 FloatField("roi_end_h", d2 ? a.roi_end_h : 1.0f),
                 FloatField("roi_start_w", a.roi_start_w),
                 FloatField("roi_end_w", a.roi_end_w),
                 FloatField("extrapolation_value", a.extrapolation_value)};
  call.args = {In(node.inputs[0]), Out(node.outputs[0])};
  return call;
}

}  // namespace kiln::codegen
