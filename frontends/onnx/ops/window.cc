// Sliding-window attributes of Conv and the pools (see window.h).
#include "frontends/onnx/ops/window.h"

namespace kiln::onnx_frontend {

StatusOr<Window> ReadWindow(const OpContext& ctx, const ir::Shape& x,
                            const std::vector<int64_t>& kernel) {
  const int64_t rank = static_cast<int64_t>(x.size());
  if (rank != 3 && rank != 4)
    return ctx.Unsupported(
        "input rank {} is not supported; kiln imports 1-D and 2-D windows "
        "(rank 3 or 4, N x C x spatial)",
        rank);
  const size_t ns = static_cast<size_t>(rank - 2);
  Window w;
  KILN_ASSIGN_OR_RETURN(w.kernel_shape, ctx.AttrInts("kernel_shape", kernel));
  if (w.kernel_shape.empty())
    return ctx.Error("attribute 'kernel_shape' is required");
  if (!kernel.empty() && w.kernel_shape != kernel)
    return ctx.Error("kernel_shape [{}] disagrees with the weights [{}]",
                     fmt::join(w.kernel_shape, ","), fmt::join(kernel, ","));
  KILN_ASSIGN_OR_RETURN(w.strides,
                        ctx.AttrInts("strides", std::vector<int64_t>(ns, 1)));
  KILN_ASSIGN_OR_RETURN(w.dilations,
                        ctx.AttrInts("dilations", std::vector<int64_t>(ns, 1)));
  KILN_ASSIGN_OR_RETURN(std::vector<int64_t> pads,
                        ctx.AttrInts("pads", std::vector<int64_t>{}));
  KILN_ASSIGN_OR_RETURN(std::string auto_pad,
                        ctx.AttrString("auto_pad", "NOTSET"));
  if (w.kernel_shape.size() != ns || w.strides.size() != ns ||
      w.dilations.size() != ns)
    return ctx.Error(
        "kernel_shape, strides and dilations need {} values for a rank-{} "
        "input",
        ns, rank);
  for (size_t i = 0; i < ns; ++i)
    if (w.kernel_shape[i] < 1 || w.strides[i] < 1 || w.dilations[i] < 1)
      return ctx.Error("kernel_shape, strides and dilations must be positive");

  if (auto_pad == "NOTSET") {
    w.pads = pads.empty() ? std::vector<int64_t>(2 * ns, 0) : pads;
    if (w.pads.size() != 2 * ns)
      return ctx.Error("pads needs {} values, has {}", 2 * ns, w.pads.size());
    for (int64_t p : w.pads)
      if (p < 0) return ctx.Error("negative pads are not supported");
    // libonnx 1.12 infers odd sizes for a window larger than its input; say
    // what is wrong instead.
    for (size_t i = 0; i < ns; ++i) {
      int64_t span = w.dilations[i] * (w.kernel_shape[i] - 1) + 1;
      if (x[2 + i] + w.pads[i] + w.pads[ns + i] < span)
        return ctx.Error(
            "the window spans {} along spatial axis {}, more than the padded "
            "input ({} + pads {} + {})",
            span, i, x[2 + i], w.pads[i], w.pads[ns + i]);
    }
    return w;
  }
  if (!pads.empty() && pads != std::vector<int64_t>(2 * ns, 0))
    return ctx.Error("pads and auto_pad '{}' cannot both be set", auto_pad);
  w.pads.assign(2 * ns, 0);
  if (auto_pad == "VALID") return w;
  if (auto_pad != "SAME_UPPER" && auto_pad != "SAME_LOWER")
    return ctx.Unsupported(
        "auto_pad '{}' is not supported; supported: NOTSET, SAME_UPPER, "
        "SAME_LOWER, VALID",
        auto_pad);
  for (size_t i = 0; i < ns; ++i) {
    int64_t in = x[2 + i], s = w.strides[i];
    int64_t span = w.dilations[i] * (w.kernel_shape[i] - 1) + 1;
    int64_t out = (in + s - 1) / s;
    int64_t total = std::max<int64_t>(0, (out - 1) * s + span - in);
    // SAME_UPPER puts the odd pixel at the end, SAME_LOWER at the beginning.
    int64_t small = total / 2, big = total - small;
    w.pads[i] = auto_pad == "SAME_UPPER" ? small : big;
    w.pads[ns + i] = auto_pad == "SAME_UPPER" ? big : small;
  }
  return w;
}

}  // namespace kiln::onnx_frontend
