// Imports ONNX Conv (1-D and 2-D, grouped and depthwise) as an NCHW IR conv.
#include "frontends/onnx/op_registry.h"
#include "frontends/onnx/ops/window.h"

namespace kiln::onnx_frontend {

Status ImportConv(OpContext& ctx) {
  KILN_ASSIGN_OR_RETURN(ir::TensorType x, ctx.InputType(0));
  KILN_ASSIGN_OR_RETURN(ir::TensorType w, ctx.InputType(1));
  if (w.rank() != x.rank() || w.rank() < 3)
    return ctx.Error("weights [{}] do not fit input [{}]",
                     fmt::join(w.shape, ","), fmt::join(x.shape, ","));
  // kernel_shape is optional in ONNX: the weights' spatial dims define it.
  std::vector<int64_t> kernel(w.shape.begin() + 2, w.shape.end());
  KILN_ASSIGN_OR_RETURN(Window win, ReadWindow(ctx, x.shape, kernel));
  KILN_ASSIGN_OR_RETURN(int64_t group, ctx.AttrInt("group", 1));
  // libonnx's Conv inference does not check channels; say it here in ONNX
  // terms rather than let kiln's verifier find it.
  if (group < 1 || w.shape[1] * group != x.shape[1] || w.shape[0] % group != 0)
    return ctx.Error(
        "input has {} channels but weights [{}] with group {} expect {}",
        x.shape[1], fmt::join(w.shape, ","), group, w.shape[1] * group);
  if (ctx.HasInput(2)) {
    KILN_ASSIGN_OR_RETURN(ir::TensorType b, ctx.InputType(2));
    if (b.shape != ir::Shape{w.shape[0]})
      return ctx.Error("bias has shape [{}], expected [{}]",
                       fmt::join(b.shape, ","), w.shape[0]);
  }
  KILN_ASSIGN_OR_RETURN(ir::TensorId xi, ctx.Input(0));
  KILN_ASSIGN_OR_RETURN(ir::TensorId wi, ctx.Input(1));
  KILN_ASSIGN_OR_RETURN(ir::TensorId bi, ctx.Input(2));
  KILN_ASSIGN_OR_RETURN(ir::TensorId y, ctx.Output(0));
  std::vector<ir::TensorId> ins{xi, wi};
  if (bi != ir::kNoTensor) ins.push_back(bi);
  auto& a = ctx.AddNode(ir::OpKind::kConv, ins, {y}).attr<ir::ConvAttrs>();
  a.kernel_shape = win.kernel_shape;
  a.strides = win.strides;
  a.pads = win.pads;
  a.dilations = win.dilations;
  a.group = group;
  a.layout = "nchw";  // ONNX order; the layout pass moves to NHWC
  return Status::Ok();
}

}  // namespace kiln::onnx_frontend
