// Host evaluation of IR nodes: each op maps its IR attributes onto the
// parameter struct of the matching reference kernel. ONNX-layout (NCHW) nodes
// are run by transposing to the kernels' NHWC order and back, with the
// transpose kernel.
#include "compiler/eval/eval.h"
#include "compiler/eval/run_lowered.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>

#include "compiler/ir/op_rules.h"
#include "kiln/math.h"
#include "kiln/ref/add.h"
#include "kiln/ref/avgpool2d.h"
#include "kiln/ref/concat.h"
#include "kiln/ref/conv2d.h"
#include "kiln/ref/conv_transpose2d.h"
#include "kiln/ref/div.h"
#include "kiln/ref/fully_connected.h"
#include "kiln/ref/global_avgpool.h"
#include "kiln/ref/global_maxpool.h"
#include "kiln/ref/log_softmax.h"
#include "kiln/ref/matmul.h"
#include "kiln/ref/max.h"
#include "kiln/ref/maxpool2d.h"
#include "kiln/ref/min.h"
#include "kiln/ref/mul.h"
#include "kiln/ref/pad.h"
#include "kiln/ref/pow.h"
#include "kiln/ref/prelu.h"
#include "kiln/ref/reduce.h"
#include "kiln/ref/resize.h"
#include "kiln/ref/scale_bias.h"
#include "kiln/ref/slice.h"
#include "kiln/ref/softmax.h"
#include "kiln/ref/sub.h"
#include "kiln/ref/transpose.h"
#include "kiln/ref/unary.h"

namespace kiln::eval {
namespace {

using ir::DType;
using ir::Graph;
using ir::Node;
using ir::OpKind;
using ir::Shape;

using Floats = std::vector<float>;

Floats AsFloats(const Buffer* b) {
  Floats f(b->size() / sizeof(float));
  if (!f.empty()) memcpy(f.data(), b->data(), f.size() * sizeof(float));
  return f;
}

int32_t I32(int64_t v) { return static_cast<int32_t>(v); }

// y = transpose(x, perm) with the reference kernel (rank <= KILN_MAX_DIMS).
StatusOr<Floats> Transpose(const Floats& x, const Shape& shape,
                           const std::vector<int64_t>& perm) {
  if (shape.size() > KILN_MAX_DIMS || shape.empty())
    return Unimplemented("transpose of rank {} on the host", shape.size());
  kiln_transpose_params_t p{};
  p.rank = I32(shape.size());
  for (size_t i = 0; i < shape.size(); ++i) {
    p.in_shape[i] = I32(shape[i]);
    p.perm[i] = I32(perm[i]);
  }
  Floats y(x.size());
  kiln_transpose_f32_ref(&p, x.data(), y.data());
  return y;
}

Shape Permuted(const Shape& s, const std::vector<int64_t>& perm) {
  Shape out(perm.size());
  for (size_t i = 0; i < perm.size(); ++i) out[i] = s[perm[i]];
  return out;
}

// Permutations between channel-first and channel-last for a rank-r activation.
std::vector<int64_t> ToChannelsLast(size_t r) {
  std::vector<int64_t> p = {0};
  for (size_t i = 2; i < r; ++i) p.push_back(static_cast<int64_t>(i));
  p.push_back(1);
  return p;
}
std::vector<int64_t> ToChannelsFirst(size_t r) {
  std::vector<int64_t> p = {0, static_cast<int64_t>(r) - 1};
  for (size_t i = 1; i + 1 < r; ++i) p.push_back(static_cast<int64_t>(i));
  return p;
}

// An activation as the kernels want it: NHWC data plus N, H, W, C (a 1-D
// activation is H = 1).
struct Nhwc {
  Floats data;
  int64_t n = 1, h = 1, w = 1, c = 1;
};

StatusOr<Nhwc> ToNhwc(const Floats& x, const Shape& s,
                      const std::string& layout, const Node& node) {
  if (s.size() != 3 && s.size() != 4)
    return Unimplemented("{}: host evaluation needs a rank-3 or rank-4 input",
                         ir::NodeWhere(node));
  Nhwc out;
  Shape phys = s;
  if (layout == "nchw") {
    KILN_ASSIGN_OR_RETURN(out.data, Transpose(x, s, ToChannelsLast(s.size())));
    phys = Permuted(s, ToChannelsLast(s.size()));
  } else {
    out.data = x;
  }
  out.n = phys[0];
  out.c = phys.back();
  if (phys.size() == 4) {
    out.h = phys[1];
    out.w = phys[2];
  } else {
    out.w = phys[1];
  }
  return out;
}

// Converts a kernel's NHWC result back to the node's layout with logical shape
// `s`.
StatusOr<Floats> FromNhwc(const Floats& y, const Shape& s,
                          const std::string& layout) {
  if (layout != "nchw") return y;
  Shape phys = Permuted(s, ToChannelsLast(s.size()));
  return Transpose(y, phys, ToChannelsFirst(s.size()));
}

// Spatial window parameters (kernel, stride, dilation, pads) as 2-D values.
struct Window2d {
  int32_t kh = 1, kw = 1, sh = 1, sw = 1, dh = 1, dw = 1;
  int32_t pt = 0, pl = 0, pb = 0, pr = 0;
};
Window2d MakeWindow(const std::vector<int64_t>& k,
                    const std::vector<int64_t>& s,
                    const std::vector<int64_t>& d,
                    const std::vector<int64_t>& p) {
  Window2d w;
  if (k.size() == 2) {
    w = {I32(k[0]), I32(k[1]), I32(s[0]), I32(s[1]), I32(d[0]),
         I32(d[1]), I32(p[0]), I32(p[1]), I32(p[2]), I32(p[3])};
  } else if (k.size() == 1) {
    w.kw = I32(k[0]);
    w.sw = I32(s[0]);
    w.dw = I32(d[0]);
    w.pl = I32(p[0]);
    w.pr = I32(p[1]);
  }
  return w;
}

// Output spatial extents in NHWC terms for the node's output shape.
void OutHw(const Shape& y, const std::string& layout, int64_t* oh,
           int64_t* ow) {
  Shape phys = layout == "nchw" ? Permuted(y, ToChannelsLast(y.size())) : y;
  *oh = phys.size() == 4 ? phys[1] : 1;
  *ow = phys.size() == 4 ? phys[2] : phys[1];
}

StatusOr<Floats> EvalConv(const Graph& g, const Node& n,
                          const std::vector<const Buffer*>& in) {
  const auto& a = n.attr<ir::ConvAttrs>();
  const Shape& xs = g.type(n.inputs[0]).shape;
  const Shape& ws = g.type(n.inputs[1]).shape;
  const Shape& ys = g.type(n.outputs[0]).shape;
  KILN_ASSIGN_OR_RETURN(Nhwc x, ToNhwc(AsFloats(in[0]), xs, a.layout, n));
  // Weights to OHWI: from OIHW for "nchw", already OHWI for "nhwc".
  Floats w = AsFloats(in[1]);
  if (a.layout == "nchw") {
    KILN_ASSIGN_OR_RETURN(w, Transpose(w, ws, ToChannelsLast(ws.size())));
  }
  Floats bias = in.size() > 2 && in[2] ? AsFloats(in[2]) : Floats();
  Window2d win = MakeWindow(a.kernel_shape, a.strides, a.dilations, a.pads);
  int64_t oh, ow;
  OutHw(ys, a.layout, &oh, &ow);
  kiln_conv2d_params_t p{};
  p.batch = I32(x.n);
  p.in_h = I32(x.h);
  p.in_w = I32(x.w);
  p.in_c = I32(x.c);
  p.out_h = I32(oh);
  p.out_w = I32(ow);
  p.out_c = I32(ws[0]);
  p.kernel_h = win.kh;
  p.kernel_w = win.kw;
  p.stride_h = win.sh;
  p.stride_w = win.sw;
  p.dilation_h = win.dh;
  p.dilation_w = win.dw;
  p.pad_top = win.pt;
  p.pad_left = win.pl;
  p.pad_bottom = win.pb;
  p.pad_right = win.pr;
  p.groups = I32(a.group);
  p.act_min = a.act_min;
  p.act_max = a.act_max;
  Floats y(static_cast<size_t>(ir::NumElements(ys)));
  kiln_conv2d_f32_ref(&p, x.data.data(), w.data(),
                      bias.empty() ? nullptr : bias.data(), y.data());
  return FromNhwc(y, ys, a.layout);
}

StatusOr<Floats> EvalConvTranspose(const Graph& g, const Node& n,
                                   const std::vector<const Buffer*>& in) {
  const auto& a = n.attr<ir::ConvAttrs>();
  const Shape& xs = g.type(n.inputs[0]).shape;
  const Shape& ws = g.type(n.inputs[1]).shape;
  const Shape& ys = g.type(n.outputs[0]).shape;
  KILN_ASSIGN_OR_RETURN(Nhwc x, ToNhwc(AsFloats(in[0]), xs, a.layout, n));
  // Weights to IHWO: from IOHW for "nchw", already IHWO for "nhwc".
  Floats w = AsFloats(in[1]);
  if (a.layout == "nchw") {
    KILN_ASSIGN_OR_RETURN(w, Transpose(w, ws, ToChannelsLast(ws.size())));
  }
  Floats bias = in.size() > 2 && in[2] ? AsFloats(in[2]) : Floats();
  Window2d win = MakeWindow(a.kernel_shape, a.strides, a.dilations, a.pads);
  int64_t oh, ow;
  OutHw(ys, a.layout, &oh, &ow);
  kiln_conv_transpose2d_params_t p{};
  p.batch = I32(x.n);
  p.in_h = I32(x.h);
  p.in_w = I32(x.w);
  p.in_c = I32(x.c);
  p.out_h = I32(oh);
  p.out_w = I32(ow);
  p.out_c = I32(ws[a.layout == "nchw" ? 1 : ws.size() - 1] * a.group);
  p.kernel_h = win.kh;
  p.kernel_w = win.kw;
  p.stride_h = win.sh;
  p.stride_w = win.sw;
  p.dilation_h = win.dh;
  p.dilation_w = win.dw;
  p.pad_top = win.pt;
  p.pad_left = win.pl;
  p.groups = I32(a.group);
  p.act_min = a.act_min;
  p.act_max = a.act_max;
  Floats y(static_cast<size_t>(ir::NumElements(ys)));
  kiln_conv_transpose2d_f32_ref(&p, x.data.data(), w.data(),
                                bias.empty() ? nullptr : bias.data(), y.data());
  return FromNhwc(y, ys, a.layout);
}

StatusOr<Floats> EvalResize(const Graph& g, const Node& n,
                            const std::vector<const Buffer*>& in) {
  const auto& a = n.attr<ir::ResizeAttrs>();
  const Shape& xs = g.type(n.inputs[0]).shape;
  const Shape& ys = g.type(n.outputs[0]).shape;
  KILN_ASSIGN_OR_RETURN(Nhwc x, ToNhwc(AsFloats(in[0]), xs, a.layout, n));
  int64_t oh, ow;
  OutHw(ys, a.layout, &oh, &ow);
  auto index = [](const std::string& v,
                  std::initializer_list<const char*> names) {
    int32_t i = 0;
    for (const char* s : names) {
      if (v == s) return i;
      ++i;
    }
    return int32_t{0};
  };
  kiln_resize_params_t p{};
  p.batch = I32(x.n);
  p.in_h = I32(x.h);
  p.in_w = I32(x.w);
  p.channels = I32(x.c);
  p.out_h = I32(oh);
  p.out_w = I32(ow);
  p.mode = index(a.mode, {"nearest", "linear", "cubic"});
  p.coord_mode = index(a.coord_mode,
                       {"half_pixel", "asymmetric", "align_corners",
                        "pytorch_half_pixel", "tf_half_pixel_for_nn",
                        "tf_crop_and_resize"});
  p.nearest_mode = index(a.nearest_mode, {"round_prefer_floor",
                                          "round_prefer_ceil", "floor", "ceil",
                                          "simple"});
  p.scale_h = xs.size() == 4 ? a.scale_h : 1.0f;
  p.scale_w = a.scale_w;
  p.cubic_a = a.cubic_a;
  p.exclude_outside = I32(a.exclude_outside);
  p.roi_start_h = xs.size() == 4 ? a.roi_start_h : 0.0f;
  p.roi_end_h = xs.size() == 4 ? a.roi_end_h : 1.0f;
  p.roi_start_w = a.roi_start_w;
  p.roi_end_w = a.roi_end_w;
  p.extrapolation_value = a.extrapolation_value;
  Floats y(static_cast<size_t>(ir::NumElements(ys)));
  kiln_resize_f32_ref(&p, x.data.data(), y.data());
  return FromNhwc(y, ys, a.layout);
}

// The geometry fields that the avgpool and maxpool params structs share (same
// names), filled once for both.
template <typename Params>
Params PoolParams(const Nhwc& x, int64_t oh, int64_t ow, const Window2d& win) {
  Params p{};
  p.batch = I32(x.n);
  p.in_h = I32(x.h);
  p.in_w = I32(x.w);
  p.channels = I32(x.c);
  p.out_h = I32(oh);
  p.out_w = I32(ow);
  p.kernel_h = win.kh;
  p.kernel_w = win.kw;
  p.stride_h = win.sh;
  p.stride_w = win.sw;
  p.dilation_h = win.dh;
  p.dilation_w = win.dw;
  p.pad_top = win.pt;
  p.pad_left = win.pl;
  p.pad_bottom = win.pb;
  p.pad_right = win.pr;
  p.act_min = -ir::kInf;
  p.act_max = ir::kInf;
  return p;
}

StatusOr<Floats> EvalPool(const Graph& g, const Node& n,
                          const std::vector<const Buffer*>& in) {
  const auto& a = n.attr<ir::PoolAttrs>();
  const Shape& xs = g.type(n.inputs[0]).shape;
  const Shape& ys = g.type(n.outputs[0]).shape;
  KILN_ASSIGN_OR_RETURN(Nhwc x, ToNhwc(AsFloats(in[0]), xs, a.layout, n));
  Window2d win = MakeWindow(a.kernel_shape, a.strides, a.dilations, a.pads);
  int64_t oh, ow;
  OutHw(ys, a.layout, &oh, &ow);
  Floats y(static_cast<size_t>(ir::NumElements(ys)));
  if (n.op == OpKind::kAveragePool) {
    auto p = PoolParams<kiln_avgpool2d_params_t>(x, oh, ow, win);
    p.count_include_pad = I32(a.count_include_pad);
    kiln_avgpool2d_f32_ref(&p, x.data.data(), y.data());
  } else {
    auto p = PoolParams<kiln_maxpool2d_params_t>(x, oh, ow, win);
    kiln_maxpool2d_f32_ref(&p, x.data.data(), y.data());
  }
  return FromNhwc(y, ys, a.layout);
}

StatusOr<Floats> EvalGlobalPool(const Graph& g, const Node& n,
                                const std::vector<const Buffer*>& in) {
  const std::string& layout = n.attr<ir::LayoutAttrs>().layout;
  const Shape& xs = g.type(n.inputs[0]).shape;
  const Shape& ys = g.type(n.outputs[0]).shape;
  Floats x = AsFloats(in[0]);
  if (layout == "nchw") {
    KILN_ASSIGN_OR_RETURN(x, Transpose(x, xs, ToChannelsLast(xs.size())));
  }
  int32_t batch = I32(xs[0]);
  int32_t channels = I32(layout == "nchw" ? xs[1] : xs.back());
  int32_t spatial = I32(ir::NumElements(xs) / xs[0] / channels);
  Floats y(static_cast<size_t>(ir::NumElements(ys)));
  if (n.op == OpKind::kGlobalMaxPool) {
    kiln_global_maxpool_params_t p{batch, spatial, channels, -ir::kInf,
                                   ir::kInf};
    kiln_global_maxpool_f32_ref(&p, x.data(), y.data());
  } else {
    kiln_global_avgpool_params_t p{};
    p.batch = batch;
    p.channels = channels;
    p.spatial = spatial;
    p.act_min = -ir::kInf;
    p.act_max = ir::kInf;
    kiln_global_avgpool_f32_ref(&p, x.data(), y.data());
  }
  return FromNhwc(y, ys, layout);  // spatial is 1: a no-op in value order
}

StatusOr<Floats> EvalBatchNorm(const Graph& g, const Node& n,
                               const std::vector<const Buffer*>& in) {
  const auto& a = n.attr<ir::BatchNormAttrs>();
  const Shape& xs = g.type(n.inputs[0]).shape;
  Floats x = AsFloats(in[0]);
  Floats gamma = AsFloats(in[1]), beta = AsFloats(in[2]),
         mean = AsFloats(in[3]), var = AsFloats(in[4]);
  int64_t c = static_cast<int64_t>(gamma.size());
  Floats scale(c), bias(c);
  BatchNormToScaleBias(gamma.data(), beta.data(), mean.data(), var.data(),
                       a.epsilon, c, scale.data(), bias.data());
  // Channel-first activations of rank >= 3 go through channel-last.
  bool cf = a.layout == "nchw" && xs.size() >= 3;
  if (cf) {
    KILN_ASSIGN_OR_RETURN(x, Transpose(x, xs, ToChannelsLast(xs.size())));
  }
  kiln_scale_bias_params_t p{};
  p.channels = I32(c);
  p.outer = I32(ir::NumElements(xs) / c);
  p.act_min = -ir::kInf;
  p.act_max = ir::kInf;
  Floats y(x.size());
  kiln_scale_bias_f32_ref(&p, x.data(), scale.data(), bias.data(), y.data());
  if (!cf) return y;
  return FromNhwc(y, xs, "nchw");
}

// numpy-broadcast parameters of a binary op, shapes right-aligned.
StatusOr<kiln_broadcast_params_t> BroadcastParams(const Shape& a,
                                                  const Shape& b,
                                                  const Shape& y, float lo,
                                                  float hi) {
  if (y.size() > KILN_MAX_DIMS)
    return Unimplemented("broadcast of rank {} on the host", y.size());
  kiln_broadcast_params_t p{};
  size_t r = std::max<size_t>(y.size(), 1);
  p.rank = I32(r);
  for (size_t i = 0; i < r; ++i) {
    auto dim = [&](const Shape& s) -> int32_t {
      size_t off = r - s.size();
      return i < off ? 1 : I32(s[i - off]);
    };
    p.out_shape[i] = dim(y);
    p.a_shape[i] = dim(a);
    p.b_shape[i] = dim(b);
  }
  p.act_min = lo;
  p.act_max = hi;
  return p;
}

StatusOr<Floats> EvalAdd(const Graph& g, const Node& n,
                         const std::vector<const Buffer*>& in) {
  const auto& a = n.attr<ir::ActAttrs>();
  const Shape& ys = g.type(n.outputs[0]).shape;
  KILN_ASSIGN_OR_RETURN(
      kiln_broadcast_params_t p,
      BroadcastParams(g.type(n.inputs[0]).shape, g.type(n.inputs[1]).shape, ys,
                      a.act_min, a.act_max));
  Floats x0 = AsFloats(in[0]), x1 = AsFloats(in[1]);
  Floats y(static_cast<size_t>(ir::NumElements(ys)));
  kiln_add_f32_ref(&p, x0.data(), x1.data(), y.data());
  return y;
}

StatusOr<Floats> EvalUnary(const Node& n, const Buffer* in, int32_t op,
                           float lo, float hi) {
  Floats x = AsFloats(in);
  kiln_unary_params_t p{};
  p.op = op;
  p.count = I32(x.size());
  p.act_min = lo;
  p.act_max = hi;
  Floats y(x.size());
  kiln_unary_f32_ref(&p, x.data(), y.data());
  return y;
}

// The math unaries (leaky_relu ... erf): one kernel, the op enum and alpha/beta.
StatusOr<Floats> EvalMathUnary(const Node& n, const Buffer* in, int32_t op,
                               float alpha = 0.0f, float beta = 0.0f) {
  Floats x = AsFloats(in);
  kiln_unary_params_t p{};
  p.op = op;
  p.count = I32(x.size());
  p.alpha = alpha;
  p.beta = beta;
  p.act_min = -ir::kInf;
  p.act_max = ir::kInf;
  Floats y(x.size());
  kiln_unary_f32_ref(&p, x.data(), y.data());
  return y;
}

// sub, mul, div, pow, max, min, prelu: kernels of kiln_broadcast_params_t.
using BroadcastKernel = void (*)(const kiln_broadcast_params_t*, const float*,
                                 const float*, float*);
StatusOr<Floats> EvalBroadcast(const Graph& g, const Node& n,
                               const std::vector<const Buffer*>& in,
                               BroadcastKernel kernel) {
  const Shape& ys = g.type(n.outputs[0]).shape;
  KILN_ASSIGN_OR_RETURN(
      kiln_broadcast_params_t p,
      BroadcastParams(g.type(n.inputs[0]).shape, g.type(n.inputs[1]).shape, ys,
                      -ir::kInf, ir::kInf));
  Floats x0 = AsFloats(in[0]), x1 = AsFloats(in[1]);
  Floats y(static_cast<size_t>(ir::NumElements(ys)));
  kernel(&p, x0.data(), x1.data(), y.data());
  return y;
}

StatusOr<Floats> EvalFullyConnected(const Graph& g, const Node& n,
                                    const std::vector<const Buffer*>& in) {
  const auto& a = n.attr<ir::ActAttrs>();
  const Shape& ws = g.type(n.inputs[1]).shape;
  Floats x = AsFloats(in[0]), w = AsFloats(in[1]);
  Floats bias = in.size() > 2 && in[2] ? AsFloats(in[2]) : Floats();
  kiln_fully_connected_params_t p{};
  p.in_features = I32(ws[1]);
  p.out_features = I32(ws[0]);
  p.batch = I32(static_cast<int64_t>(x.size()) / ws[1]);
  p.act_min = a.act_min;
  p.act_max = a.act_max;
  Floats y(static_cast<size_t>(p.batch) * p.out_features);
  kiln_fully_connected_f32_ref(&p, x.data(), w.data(),
                               bias.empty() ? nullptr : bias.data(), y.data());
  return y;
}

// numpy matmul of a [..., m, k] and b [..., k, n] (rank >= 2 each, after the
// caller has expanded rank-1 operands) with batch broadcasting.
StatusOr<Floats> MatMul(const Floats& a, Shape as, const Floats& b, Shape bs,
                        const Floats* bias, float lo, float hi) {
  size_t nb = std::max(as.size(), bs.size()) - 2;
  if (nb > KILN_MATMUL_MAX_BATCH_DIMS)
    return Unimplemented("matmul with {} batch dimensions", nb);
  while (as.size() < nb + 2) as.insert(as.begin(), 1);
  while (bs.size() < nb + 2) bs.insert(bs.begin(), 1);
  kiln_matmul_params_t p{};
  p.batch_dims = I32(nb);
  p.m = I32(as[nb]);
  p.k = I32(as[nb + 1]);
  p.n = I32(bs[nb + 1]);
  // Strides of each batch dim in elements; 0 where the operand broadcasts.
  int64_t sa = int64_t{p.m} * p.k, sb = int64_t{p.k} * p.n;
  int64_t total = 1;
  for (size_t i = nb; i-- > 0;) {
    p.batch_shape[i] = I32(std::max(as[i], bs[i]));
    p.a_batch_stride[i] = as[i] == 1 ? 0 : I32(sa);
    p.b_batch_stride[i] = bs[i] == 1 ? 0 : I32(sb);
    sa *= as[i];
    sb *= bs[i];
    total *= p.batch_shape[i];
  }
  p.act_min = lo;
  p.act_max = hi;
  Floats y(static_cast<size_t>(total * p.m * p.n));
  kiln_matmul_f32_ref(&p, a.data(), b.data(), bias ? bias->data() : nullptr,
                      y.data());
  return y;
}

StatusOr<Floats> EvalMatMul(const Graph& g, const Node& n,
                            const std::vector<const Buffer*>& in) {
  Shape as = g.type(n.inputs[0]).shape, bs = g.type(n.inputs[1]).shape;
  if (as.size() == 1) as.insert(as.begin(), 1);
  if (bs.size() == 1) bs.push_back(1);
  return MatMul(AsFloats(in[0]), as, AsFloats(in[1]), bs, nullptr, -ir::kInf,
                ir::kInf);
}

StatusOr<Floats> Scale(const Floats& x, float s) {
  kiln_broadcast_params_t p{};
  p.rank = 1;
  p.out_shape[0] = p.a_shape[0] = I32(x.size());
  p.b_shape[0] = 1;
  p.act_min = -ir::kInf;
  p.act_max = ir::kInf;
  Floats y(x.size());
  kiln_mul_f32_ref(&p, x.data(), &s, y.data());
  return y;
}

StatusOr<Floats> EvalGemm(const Graph& g, const Node& n,
                          const std::vector<const Buffer*>& in) {
  const auto& a = n.attr<ir::GemmAttrs>();
  Shape as = g.type(n.inputs[0]).shape, bs = g.type(n.inputs[1]).shape;
  const Shape& ys = g.type(n.outputs[0]).shape;
  Floats A = AsFloats(in[0]), B = AsFloats(in[1]);
  if (a.trans_a) {
    KILN_ASSIGN_OR_RETURN(A, Transpose(A, as, {1, 0}));
    as = {as[1], as[0]};
  }
  if (a.trans_b) {
    KILN_ASSIGN_OR_RETURN(B, Transpose(B, bs, {1, 0}));
    bs = {bs[1], bs[0]};
  }
  KILN_ASSIGN_OR_RETURN(Floats y,
                        MatMul(A, as, B, bs, nullptr, -ir::kInf, ir::kInf));
  if (a.alpha != 1.0f) {
    KILN_ASSIGN_OR_RETURN(y, Scale(y, a.alpha));
  }
  if (n.input(2) != ir::kNoTensor && in[2]) {
    Floats c = AsFloats(in[2]);
    if (a.beta != 1.0f) {
      KILN_ASSIGN_OR_RETURN(c, Scale(c, a.beta));
    }
    KILN_ASSIGN_OR_RETURN(kiln_broadcast_params_t p,
                          BroadcastParams(ys, g.type(n.inputs[2]).shape, ys,
                                          -ir::kInf, ir::kInf));
    Floats sum(y.size());
    kiln_add_f32_ref(&p, y.data(), c.data(), sum.data());
    y = std::move(sum);
  }
  return y;
}

// softmax and log_softmax: the tensor viewed as [outer][axis][inner].
StatusOr<Floats> EvalSoftmax(const Graph& g, const Node& n,
                             const std::vector<const Buffer*>& in) {
  const Shape& xs = g.type(n.inputs[0]).shape;
  int64_t axis = n.attr<ir::AxisAttrs>().axis;
  int64_t outer = 1, inner = 1;
  for (int64_t i = 0; i < axis; ++i) outer *= xs[i];
  for (size_t i = static_cast<size_t>(axis) + 1; i < xs.size(); ++i)
    inner *= xs[i];
  Floats x = AsFloats(in[0]);
  Floats y(x.size());
  if (n.op == OpKind::kLogSoftmax) {
    kiln_log_softmax_params_t p{I32(outer), I32(xs[axis]), I32(inner)};
    kiln_log_softmax_f32_ref(&p, x.data(), y.data());
  } else {
    kiln_softmax_params_t p{I32(outer), I32(xs[axis]), I32(inner)};
    kiln_softmax_f32_ref(&p, x.data(), y.data());
  }
  return y;
}

StatusOr<Floats> EvalConcat(const Graph& g, const Node& n,
                            const std::vector<const Buffer*>& in) {
  int64_t axis = n.attr<ir::AxisAttrs>().axis;
  const Shape& ys = g.type(n.outputs[0]).shape;
  int64_t outer = 1, inner = 1;
  for (int64_t i = 0; i < axis; ++i) outer *= ys[i];
  for (size_t i = static_cast<size_t>(axis) + 1; i < ys.size(); ++i)
    inner *= ys[i];
  std::vector<Floats> xs;
  std::vector<const float*> ptrs;
  std::vector<int32_t> slice;
  for (size_t k = 0; k < n.inputs.size(); ++k) {
    xs.push_back(AsFloats(in[k]));
    slice.push_back(I32(g.type(n.inputs[k]).shape[axis] * inner));
  }
  for (const Floats& x : xs) ptrs.push_back(x.data());
  kiln_concat_params_t p{};
  p.outer = I32(outer);
  p.num_inputs = I32(n.inputs.size());
  p.slice_elems = slice.data();
  Floats y(static_cast<size_t>(ir::NumElements(ys)));
  kiln_concat_f32_ref(&p, ptrs.data(), y.data());
  return y;
}

StatusOr<Floats> EvalTranspose(const Graph& g, const Node& n,
                               const std::vector<const Buffer*>& in) {
  return Transpose(AsFloats(in[0]), g.type(n.inputs[0]).shape,
                   n.attr<ir::TransposeAttrs>().perm);
}

// slice, pad and reduce: N-D kernels on rank 1..KILN_MAX_DIMS.
Status CheckRank(const Node& n, const Shape& s) {
  if (s.empty() || s.size() > KILN_MAX_DIMS)
    return Unimplemented("{}: rank {} on the host", ir::NodeWhere(n), s.size());
  return Status::Ok();
}

StatusOr<Floats> EvalSlice(const Graph& g, const Node& n,
                           const std::vector<const Buffer*>& in) {
  const Shape& xs = g.type(n.inputs[0]).shape;
  const Shape& ys = g.type(n.outputs[0]).shape;
  KILN_RETURN_IF_ERROR(CheckRank(n, xs));
  const auto& a = n.attr<ir::SliceAttrs>();
  kiln_slice_params_t p{};
  p.rank = I32(xs.size());
  for (size_t d = 0; d < xs.size(); ++d) {
    p.in_shape[d] = I32(xs[d]);
    p.out_shape[d] = I32(ys[d]);
    p.starts[d] = I32(a.starts[d]);
    p.steps[d] = I32(a.steps[d]);
  }
  Floats x = AsFloats(in[0]);
  Floats y(static_cast<size_t>(ir::NumElements(ys)));
  kiln_slice_f32_ref(&p, x.data(), y.data());
  return y;
}

StatusOr<Floats> EvalPad(const Graph& g, const Node& n,
                         const std::vector<const Buffer*>& in) {
  const Shape& xs = g.type(n.inputs[0]).shape;
  KILN_RETURN_IF_ERROR(CheckRank(n, xs));
  const auto& a = n.attr<ir::PadAttrs>();
  const size_t r = xs.size();
  kiln_pad_params_t p{};
  p.rank = I32(r);
  for (size_t d = 0; d < r; ++d) {
    p.in_shape[d] = I32(xs[d]);
    p.pad_begin[d] = I32(a.pads[d]);
    p.pad_end[d] = I32(a.pads[r + d]);
  }
  p.mode = a.mode == "reflect" ? KILN_PAD_REFLECT
           : a.mode == "edge"  ? KILN_PAD_EDGE
                               : KILN_PAD_CONSTANT;
  p.value = a.value;
  Floats x = AsFloats(in[0]);
  Floats y(static_cast<size_t>(g.type(n.outputs[0]).num_elements()));
  kiln_pad_f32_ref(&p, x.data(), y.data());
  return y;
}

StatusOr<Floats> EvalReduce(const Graph& g, const Node& n,
                            const std::vector<const Buffer*>& in) {
  const Shape& xs = g.type(n.inputs[0]).shape;
  KILN_RETURN_IF_ERROR(CheckRank(n, xs));
  const auto& a = n.attr<ir::ReduceAttrs>();
  kiln_reduce_params_t p{};
  p.rank = I32(xs.size());
  for (size_t d = 0; d < xs.size(); ++d) p.in_shape[d] = I32(xs[d]);
  for (int64_t d : a.axes) p.axes_mask |= 1 << d;
  p.op = a.kind == "mean"   ? KILN_REDUCE_MEAN
         : a.kind == "max"  ? KILN_REDUCE_MAX
         : a.kind == "min"  ? KILN_REDUCE_MIN
         : a.kind == "prod" ? KILN_REDUCE_PROD
                            : KILN_REDUCE_SUM;
  Floats x = AsFloats(in[0]);
  Floats y(static_cast<size_t>(g.type(n.outputs[0]).num_elements()));
  kiln_reduce_f32_ref(&p, x.data(), y.data());
  return y;
}

StatusOr<Floats> EvalF32(const Graph& g, const Node& n,
                         const std::vector<const Buffer*>& in) {
  switch (n.op) {
    case OpKind::kConv:
      return EvalConv(g, n, in);
    case OpKind::kConvTranspose:
      return EvalConvTranspose(g, n, in);
    case OpKind::kResize:
      return EvalResize(g, n, in);
    case OpKind::kAveragePool:
    case OpKind::kMaxPool:
      return EvalPool(g, n, in);
    case OpKind::kGlobalAveragePool:
    case OpKind::kGlobalMaxPool:
      return EvalGlobalPool(g, n, in);
    case OpKind::kBatchNormalization:
      return EvalBatchNorm(g, n, in);
    case OpKind::kAdd:
      return EvalAdd(g, n, in);
    case OpKind::kRelu:
      return EvalUnary(n, in[0], KILN_UNARY_RELU, -ir::kInf, ir::kInf);
    case OpKind::kClip: {
      const auto& a = n.attr<ir::ClipAttrs>();
      return EvalUnary(n, in[0], KILN_UNARY_CLIP, a.min, a.max);
    }
    case OpKind::kSub:
      return EvalBroadcast(g, n, in, kiln_sub_f32_ref);
    case OpKind::kMul:
      return EvalBroadcast(g, n, in, kiln_mul_f32_ref);
    case OpKind::kDiv:
      return EvalBroadcast(g, n, in, kiln_div_f32_ref);
    case OpKind::kPow:
      return EvalBroadcast(g, n, in, kiln_pow_f32_ref);
    case OpKind::kMax:
      return EvalBroadcast(g, n, in, kiln_max_f32_ref);
    case OpKind::kMin:
      return EvalBroadcast(g, n, in, kiln_min_f32_ref);
    case OpKind::kPRelu:
      return EvalBroadcast(g, n, in, kiln_prelu_f32_ref);
    case OpKind::kLeakyRelu:
      return EvalMathUnary(n, in[0], KILN_UNARY_LEAKY_RELU,
                           n.attr<ir::AlphaBetaAttrs>().alpha);
    case OpKind::kSigmoid:
      return EvalMathUnary(n, in[0], KILN_UNARY_SIGMOID);
    case OpKind::kTanh:
      return EvalMathUnary(n, in[0], KILN_UNARY_TANH);
    case OpKind::kHardSigmoid: {
      const auto& a = n.attr<ir::AlphaBetaAttrs>();
      return EvalMathUnary(n, in[0], KILN_UNARY_HARD_SIGMOID, a.alpha, a.beta);
    }
    case OpKind::kHardSwish:
      return EvalMathUnary(n, in[0], KILN_UNARY_HARD_SWISH, 1.0f / 6.0f, 0.5f);
    case OpKind::kExp:
      return EvalMathUnary(n, in[0], KILN_UNARY_EXP);
    case OpKind::kLog:
      return EvalMathUnary(n, in[0], KILN_UNARY_LOG);
    case OpKind::kSqrt:
      return EvalMathUnary(n, in[0], KILN_UNARY_SQRT);
    case OpKind::kNeg:
      return EvalMathUnary(n, in[0], KILN_UNARY_NEG);
    case OpKind::kAbs:
      return EvalMathUnary(n, in[0], KILN_UNARY_ABS);
    case OpKind::kErf:
      return EvalMathUnary(n, in[0], KILN_UNARY_ERF);
    case OpKind::kFullyConnected:
      return EvalFullyConnected(g, n, in);
    case OpKind::kMatMul:
      return EvalMatMul(g, n, in);
    case OpKind::kGemm:
      return EvalGemm(g, n, in);
    case OpKind::kSoftmax:
    case OpKind::kLogSoftmax:
      return EvalSoftmax(g, n, in);
    case OpKind::kConcat:
      return EvalConcat(g, n, in);
    case OpKind::kTranspose:
      return EvalTranspose(g, n, in);
    case OpKind::kSlice:
      return EvalSlice(g, n, in);
    case OpKind::kPad:
      return EvalPad(g, n, in);
    case OpKind::kReduce:
      return EvalReduce(g, n, in);
    default:
      break;
  }
  return Unimplemented("{}: no host evaluation for this op", ir::NodeWhere(n));
}

}  // namespace

int8_t QuantizeS8(float x, float scale, int32_t zero_point) {
  if (std::isnan(x)) return static_cast<int8_t>(std::clamp(zero_point, -128, 127));
  // nearbyint rounds half to even in the default rounding mode, as ONNX wants.
  float r = std::nearbyint(x / scale);
  float q = r + static_cast<float>(zero_point);
  if (q <= -128.0f) return -128;
  if (q >= 127.0f) return 127;
  return static_cast<int8_t>(q);
}

float DequantizeS8(int8_t q, float scale, int32_t zero_point) {
  return static_cast<float>(static_cast<int32_t>(q) - zero_point) * scale;
}

Buffer ToBuffer(const std::vector<float>& v) {
  Buffer b(v.size() * sizeof(float));
  if (!v.empty()) memcpy(b.data(), v.data(), b.size());
  return b;
}
std::vector<float> ToFloats(const Buffer& b) { return AsFloats(&b); }

void BatchNormToScaleBias(const float* gamma, const float* beta,
                          const float* mean, const float* var, float epsilon,
                          int64_t channels, float* scale, float* bias) {
  for (int64_t c = 0; c < channels; ++c) {
    // kiln_sqrtf is correctly rounded, so host and target agree bit for bit.
    float s = gamma[c] / kiln_sqrtf(var[c] + epsilon);
    scale[c] = s;
    float m = mean[c] * s;  // rounded before the subtraction: no FMA
    bias[c] = beta[c] - m;
  }
}

StatusOr<std::vector<Buffer>> EvalNode(
    const Graph& g, const Node& node,
    const std::vector<const Buffer*>& inputs) {
  if (inputs.size() != node.inputs.size())
    return Internal("{}: {} input buffers for {} inputs", ir::NodeWhere(node),
                    inputs.size(), node.inputs.size());
  for (size_t i = 0; i < inputs.size(); ++i) {
    if (node.inputs[i] == ir::kNoTensor) continue;
    if (!inputs[i] || static_cast<int64_t>(inputs[i]->size()) !=
                          g.type(node.inputs[i]).bytes())
      return Internal("{}: input {} buffer has the wrong size",
                      ir::NodeWhere(node), i);
  }
  // Pure data movement, any element type: a copy of the bytes.
  if (node.op == OpKind::kReshape || node.op == OpKind::kIdentity ||
      node.op == OpKind::kDropout)
    return std::vector<Buffer>{*inputs[0]};
  // int8 nodes, the float <-> int8 conversions and plain integer nodes run the
  // kernel call their lowering makes (run_lowered.h): the same params as the
  // generated code.
  bool lowered = node.op == OpKind::kQuantizeLinear ||
                 node.op == OpKind::kDequantizeLinear;
  for (ir::TensorId t : node.outputs) lowered |= g.type(t).dtype != DType::kF32;
  for (ir::TensorId t : node.inputs)
    lowered |= t != ir::kNoTensor && g.type(t).dtype != DType::kF32;
  if (lowered) {
    // Pools are lowered in NHWC only (after layout-nhwc); the float path
    // transposes on the host, the integer one does not.
    if ((node.op == OpKind::kMaxPool || node.op == OpKind::kAveragePool) &&
        node.attr<ir::PoolAttrs>().layout != "nhwc")
      return Unimplemented("{}: host evaluation of an integer pool before layout-nhwc",
                           ir::NodeWhere(node));
    return EvalLowered(g, node, inputs);
  }
  KILN_ASSIGN_OR_RETURN(Floats y, EvalF32(g, node, inputs));
  if (static_cast<int64_t>(y.size()) != g.type(node.outputs[0]).num_elements())
    return Internal("{}: host evaluation produced {} values, expected {}",
                    ir::NodeWhere(node), y.size(),
                    g.type(node.outputs[0]).num_elements());
  return std::vector<Buffer>{ToBuffer(y)};
}

Status EvalGraph(const Graph& g, const std::vector<Buffer>& inputs,
                 std::vector<Buffer>* outputs, const EvalOptions& opts) {
  if (inputs.size() != g.inputs.size())
    return InvalidArgument("graph '{}' has {} inputs, {} given", g.name,
                           g.inputs.size(), inputs.size());
  // Values by tensor id; constants are read in place.
  std::vector<Buffer> values(g.tensors.size());
  std::vector<bool> have(g.tensors.size(), false);
  for (size_t i = 0; i < inputs.size(); ++i) {
    ir::TensorId id = g.inputs[i];
    if (static_cast<int64_t>(inputs[i].size()) != g.type(id).bytes())
      return InvalidArgument("input '{}' needs {} bytes ({}), {} given",
                             g.tensor(id).name, g.type(id).bytes(),
                             g.type(id).ToString(), inputs[i].size());
    values[id] = inputs[i];
    have[id] = true;
  }
  // Last reader of each tensor, to free intermediate buffers early.
  std::vector<int> last_use(g.tensors.size(), -1);
  for (size_t k = 0; k < g.nodes.size(); ++k)
    for (ir::TensorId t : g.nodes[k].inputs)
      if (t != ir::kNoTensor) last_use[t] = static_cast<int>(k);
  for (size_t k = 0; k < g.nodes.size(); ++k) {
    const Node& n = g.nodes[k];
    std::vector<const Buffer*> in;
    for (ir::TensorId t : n.inputs) {
      if (t == ir::kNoTensor) {
        in.push_back(nullptr);
      } else if (g.IsConst(t)) {
        in.push_back(&g.tensor(t).data);
      } else if (have[t]) {
        in.push_back(&values[t]);
      } else {
        return Internal("{}: input '{}' has no value", ir::NodeWhere(n),
                        g.tensor(t).name);
      }
    }
    KILN_ASSIGN_OR_RETURN(std::vector<Buffer> out, EvalNode(g, n, in));
    if (opts.on_node) opts.on_node(n, out);
    for (size_t o = 0; o < n.outputs.size(); ++o) {
      values[n.outputs[o]] = std::move(out[o]);
      have[n.outputs[o]] = true;
    }
    for (ir::TensorId t : n.inputs)
      if (t != ir::kNoTensor && last_use[t] == static_cast<int>(k) &&
          !g.IsGraphOutput(t))
        Buffer().swap(values[t]);
  }
  outputs->clear();
  for (ir::TensorId id : g.outputs) {
    if (g.IsConst(id)) {
      outputs->push_back(g.tensor(id).data);
    } else if (have[id]) {
      outputs->push_back(values[id]);
    } else {
      return Internal("graph output '{}' has no value", g.tensor(id).name);
    }
  }
  return Status::Ok();
}

}  // namespace kiln::eval
