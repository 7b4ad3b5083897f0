// Imports ONNX ConvTranspose (1-D and 2-D, grouped) as an NCHW IR
// conv_transpose. output_padding, output_shape and auto_pad become explicit
// pads (negative where the output reaches past the input: those positions
// get the bias only), so the IR has one output-size formula.
#include "frontends/onnx/op_registry.h"

namespace kiln::onnx_frontend {
namespace {

// Python's floor division: ONNX's pad split for a negative total padding
// (output_shape beyond the full output) puts the extra at the end.
int64_t FloorDiv2(int64_t v) { return v >= 0 ? v / 2 : -((-v + 1) / 2); }

}  // namespace

Status ImportConvTranspose(OpContext& ctx) {
  KILN_ASSIGN_OR_RETURN(ir::TensorType x, ctx.InputType(0));
  KILN_ASSIGN_OR_RETURN(ir::TensorType w, ctx.InputType(1));
  if (x.dtype != ir::DType::kF32)
    return ctx.Unsupported(
        "ConvTranspose of {} tensors: only float32 kernels exist on this "
        "target",
        ir::DTypeName(x.dtype));
  const int64_t rank = x.rank();
  if (rank != 3 && rank != 4)
    return ctx.Unsupported(
        "input rank {} is not supported; kiln imports 1-D and 2-D windows "
        "(rank 3 or 4, N x C x spatial)",
        rank);
  if (w.rank() != rank)
    return ctx.Error("weights [{}] do not fit input [{}]",
                     fmt::join(w.shape, ","), fmt::join(x.shape, ","));
  const size_t ns = static_cast<size_t>(rank - 2);
  KILN_ASSIGN_OR_RETURN(int64_t group, ctx.AttrInt("group", 1));
  if (group < 1 || w.shape[0] != x.shape[1] || x.shape[1] % group != 0)
    return ctx.Error(
        "input has {} channels but weights [{}] (in, out / group, kernel...) "
        "with group {} expect {}",
        x.shape[1], fmt::join(w.shape, ","), group, w.shape[0]);
  const int64_t cout = w.shape[1] * group;
  if (ctx.HasInput(2)) {
    KILN_ASSIGN_OR_RETURN(ir::TensorType b, ctx.InputType(2));
    if (b.shape != ir::Shape{cout})
      return ctx.Error("bias has shape [{}], expected [{}]",
                       fmt::join(b.shape, ","), cout);
  }
  std::vector<int64_t> kernel(w.shape.begin() + 2, w.shape.end());
  KILN_ASSIGN_OR_RETURN(std::vector<int64_t> kernel_shape,
                        ctx.AttrInts("kernel_shape", kernel));
  if (kernel_shape != kernel)
    return ctx.Error("kernel_shape [{}] disagrees with the weights [{}]",
                     fmt::join(kernel_shape, ","), fmt::join(kernel, ","));
  const std::vector<int64_t> ones(ns, 1), zeros(ns, 0);
  KILN_ASSIGN_OR_RETURN(std::vector<int64_t> strides,
                        ctx.AttrInts("strides", ones));
  KILN_ASSIGN_OR_RETURN(std::vector<int64_t> dilations,
                        ctx.AttrInts("dilations", ones));
  KILN_ASSIGN_OR_RETURN(std::vector<int64_t> out_pad,
                        ctx.AttrInts("output_padding", zeros));
  KILN_ASSIGN_OR_RETURN(std::vector<int64_t> pads,
                        ctx.AttrInts("pads", std::vector<int64_t>(2 * ns, 0)));
  KILN_ASSIGN_OR_RETURN(std::vector<int64_t> out_shape,
                        ctx.AttrInts("output_shape", {}));
  KILN_ASSIGN_OR_RETURN(std::string auto_pad,
                        ctx.AttrString("auto_pad", "NOTSET"));
  if (strides.size() != ns || dilations.size() != ns || out_pad.size() != ns ||
      pads.size() != 2 * ns)
    return ctx.Error(
        "strides, dilations and output_padding need {} values and pads {} for "
        "a rank-{} input",
        ns, 2 * ns, rank);
  // output_shape lists the spatial extents (some exporters write all dims).
  if (out_shape.size() == ns + 2)
    out_shape.erase(out_shape.begin(), out_shape.begin() + 2);
  if (!out_shape.empty() && out_shape.size() != ns)
    return ctx.Error("output_shape has {} values for {} spatial axes",
                     out_shape.size(), ns);
  if (auto_pad != "NOTSET" && auto_pad != "VALID" && auto_pad != "SAME_UPPER" &&
      auto_pad != "SAME_LOWER")
    return ctx.Error(
        "auto_pad '{}' is not one of NOTSET, SAME_UPPER, SAME_LOWER, VALID",
        auto_pad);
  std::vector<int64_t> ir_pads(2 * ns);
  for (size_t i = 0; i < ns; ++i) {
    if (strides[i] < 1 || dilations[i] < 1)
      return ctx.Error("strides and dilations must be positive");
    if (out_pad[i] < 0 || out_pad[i] >= std::max(strides[i], dilations[i]))
      return ctx.Error(
          "output_padding {} on spatial axis {} must be below the stride or "
          "the dilation",
          out_pad[i], i);
    const int64_t in = x.shape[2 + i];
    const int64_t full =
        strides[i] * (in - 1) + out_pad[i] + dilations[i] * (kernel[i] - 1) + 1;
    int64_t begin = pads[i], end = pads[ns + i];
    const bool same = auto_pad == "SAME_UPPER" || auto_pad == "SAME_LOWER";
    if (!out_shape.empty() || same) {
      // ONNX: total = full - output_shape (in * stride for SAME); SAME_UPPER
      // puts the smaller half first, NOTSET and SAME_LOWER the larger.
      const int64_t target = out_shape.empty() ? in * strides[i] : out_shape[i];
      const int64_t total = full - target;
      const int64_t half = FloorDiv2(total);
      begin = auto_pad == "SAME_UPPER" ? half : total - half;
      end = total - begin;
    } else if (auto_pad == "VALID") {
      begin = end = 0;
    } else if (begin < 0 || end < 0) {
      return ctx.Error("negative pads are not supported");
    }
    ir_pads[i] = begin;
    ir_pads[ns + i] = end - out_pad[i];  // output_padding grows the end
    if (full - begin - end < 1)
      return ctx.Error("the output extent on spatial axis {} is {}", i,
                       full - begin - end);
  }
  KILN_ASSIGN_OR_RETURN(ir::TensorId xi, ctx.Input(0));
  KILN_ASSIGN_OR_RETURN(ir::TensorId wi, ctx.Input(1));
  KILN_ASSIGN_OR_RETURN(ir::TensorId bi, ctx.Input(2));
  KILN_ASSIGN_OR_RETURN(ir::TensorId y, ctx.Output(0));
  std::vector<ir::TensorId> ins{xi, wi};
  if (bi != ir::kNoTensor) ins.push_back(bi);
  auto& a =
      ctx.AddNode(ir::OpKind::kConvTranspose, ins, {y}).attr<ir::ConvAttrs>();
  a.kernel_shape = kernel;
  a.strides = strides;
  a.pads = ir_pads;
  a.dilations = dilations;
  a.group = group;
  a.layout = "nchw";  // ONNX order; the layout pass moves to NHWC
  return Status::Ok();
}

}  // namespace kiln::onnx_frontend
