// Shape, Size, ConstantOfShape and Range (Equal and Where: equal.cc, where.cc): kiln evaluates them at import
// (const_fold.cc) and has no run-time kernel for them, so an importer is only
// reached when an input is computed at run time, and refuses with its name.
#include "frontends/onnx/op_registry.h"

namespace kiln::onnx_frontend {

Status ImportShape(OpContext& ctx) {
  KILN_RETURN_IF_ERROR(ctx.InputType(0).status());
  return ctx.NoRunTimeKernel();
}
Status ImportSize(OpContext& ctx) {
  KILN_RETURN_IF_ERROR(ctx.InputType(0).status());
  return ctx.NoRunTimeKernel();
}
Status ImportConstantOfShape(OpContext& ctx) {
  // A constant shape with a 0 folds to an empty tensor, refused where it is
  // used; here the shape itself is not constant.
  return ctx.NoRunTimeKernel();
}
Status ImportRange(OpContext& ctx) { return ctx.NoRunTimeKernel(); }

}  // namespace kiln::onnx_frontend
