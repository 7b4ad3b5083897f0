// Imports ONNX MaxPool; the optional Indices output must be unused (kiln's
// maxpool has one output).
#include "frontends/onnx/op_registry.h"
#include "frontends/onnx/ops/window.h"

namespace kiln::onnx_frontend {

Status ImportMaxPool(OpContext& ctx) {
  if (ctx.OutputUsed(1))
    return ctx.Unsupported(
        "the Indices output is used; kiln imports MaxPool with its first "
        "output only");
  KILN_ASSIGN_OR_RETURN(ir::TensorType x, ctx.InputType(0));
  KILN_ASSIGN_OR_RETURN(Window win, ReadWindow(ctx, x.shape, {}));
  KILN_ASSIGN_OR_RETURN(int64_t ceil_mode, ctx.AttrInt("ceil_mode", 0));
  KILN_ASSIGN_OR_RETURN(ir::TensorId xi, ctx.Input(0));
  KILN_ASSIGN_OR_RETURN(ir::TensorId y, ctx.Output(0));
  auto& a = ctx.AddNode(ir::OpKind::kMaxPool, {xi}, {y}).attr<ir::PoolAttrs>();
  a.kernel_shape = win.kernel_shape;
  a.strides = win.strides;
  a.pads = win.pads;
  a.dilations = win.dilations;
  a.ceil_mode = ceil_mode;
  a.layout = "nchw";
  return Status::Ok();
}

}  // namespace kiln::onnx_frontend
