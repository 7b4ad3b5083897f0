// QuantizeGraph (see quantize.h): decides per node int8 or float, then rebuilds
// the node list, inserting quantize/dequantize where a value crosses between
// the two, and replacing float weights by s8/s32 constants.
#include "compiler/quant/quantize.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <unordered_set>

namespace kiln::quant {
namespace {

using ir::DType;
using ir::Graph;
using ir::Node;
using ir::OpKind;
using ir::QuantParams;
using ir::TensorId;
using ir::kNoTensor;

// Ops whose int8 kernel keeps the input's scale and zero point.
bool SharesInputParams(OpKind op) {
  return op == OpKind::kMaxPool || op == OpKind::kAveragePool ||
         op == OpKind::kReshape || op == OpKind::kTranspose;
}

// Ops whose int8 output grid is fixed by what they compute, not calibrated:
// softmax writes probabilities in [0, 1].
bool FixedOutputRange(OpKind op, TensorRange* r) {
  if (op != OpKind::kSoftmax) return false;
  *r = {0.0f, 1.0f};
  return true;
}

bool HasWeights(OpKind op) {
  return op == OpKind::kConv || op == OpKind::kFullyConnected;
}

// The fused clamp of a node, if its op has one.
TensorRange ActClamp(const Node& n) {
  const float inf = std::numeric_limits<float>::infinity();
  if (n.op == OpKind::kConv) {
    const auto& a = n.attr<ir::ConvAttrs>();
    return {a.act_min, a.act_max};
  }
  if (n.op == OpKind::kFullyConnected || n.op == OpKind::kAdd) {
    const auto& a = n.attr<ir::ActAttrs>();
    return {a.act_min, a.act_max};
  }
  return {-inf, inf};
}

std::vector<float> FloatData(const ir::Tensor& t) {
  std::vector<float> v(static_cast<size_t>(t.type.num_elements()));
  if (!v.empty()) std::copy_n(t.data_as<float>(), v.size(), v.data());
  return v;
}

template <typename T>
std::vector<uint8_t> Bytes(const std::vector<T>& v) {
  std::vector<uint8_t> b(v.size() * sizeof(T));
  if (!b.empty()) memcpy(b.data(), v.data(), b.size());
  return b;
}

// The largest |bias| in units of its scale: the int32 accumulator adds up to
// K * 255 * 127 products to it, so the bias keeps 2^30 of headroom.
constexpr double kMaxBiasQ = 1073741824.0;  // 2^30

// Per-output-channel symmetric s8 weights (axis 0); a channel's scale is at
// least min_scale[c] (when given) so that its bias fits the accumulator.
ir::TensorType QuantizeWeights(const ir::Tensor& w, const std::vector<double>& min_scale,
                               std::vector<int8_t>* q) {
  const std::vector<float> v = FloatData(w);
  const int64_t channels = w.type.shape.empty() ? 1 : w.type.shape[0];
  const int64_t per = channels > 0 ? static_cast<int64_t>(v.size()) / channels : 0;
  ir::TensorType t = w.type;
  t.dtype = DType::kS8;
  t.quant = {};
  t.quant.axis = 0;
  q->resize(v.size());
  for (int64_t c = 0; c < channels; ++c) {
    float m = 0.0f;
    for (int64_t i = 0; i < per; ++i) m = std::max(m, std::fabs(v[c * per + i]));
    // An all-zero channel quantizes to zeros with any scale; 1 keeps the bias
    // scale (input scale x weight scale) meaningful.
    float scale = m > 0.0f ? m / 127.0f : 1.0f;
    // A channel with tiny weights and a large folded bias (a batchnorm that
    // switched it off) would need a bias beyond int32: coarser weights instead.
    if (c < static_cast<int64_t>(min_scale.size()) && scale < min_scale[c])
      scale = static_cast<float>(min_scale[c]);
    t.quant.scale.push_back(scale);
    t.quant.zero_point.push_back(0);
    for (int64_t i = 0; i < per; ++i) {
      float r = std::nearbyint(v[c * per + i] / scale);
      (*q)[c * per + i] = static_cast<int8_t>(std::clamp(r, -127.0f, 127.0f));
    }
  }
  return t;
}

// s32 bias with scale input_scale * weight_scale[c].
ir::TensorType QuantizeBias(const ir::Tensor& b, float input_scale,
                            const QuantParams& wq, std::vector<int32_t>* q) {
  const std::vector<float> v = FloatData(b);
  ir::TensorType t = b.type;
  t.dtype = DType::kS32;
  t.quant = {};
  t.quant.axis = 0;
  q->resize(v.size());
  for (size_t c = 0; c < v.size(); ++c) {
    double scale = double(input_scale) * wq.scale[std::min(c, wq.scale.size() - 1)];
    t.quant.scale.push_back(static_cast<float>(scale));
    t.quant.zero_point.push_back(0);
    double r = std::nearbyint(double(v[c]) / scale);
    r = std::clamp(r, double(std::numeric_limits<int32_t>::min()),
                   double(std::numeric_limits<int32_t>::max()));
    (*q)[c] = static_cast<int32_t>(r);
  }
  return t;
}

class Quantizer {
 public:
  Quantizer(Graph& g, const CalibrationResult& cal, const QuantOptions& opts)
      : g_(g), cal_(cal), opts_(opts) {
    for (const Node& n : g.nodes) node_names_.insert(n.name);
  }

  Status Run() {
    for (const ir::Tensor& t : g_.tensors)
      if (t.type.dtype == DType::kS8 || t.type.dtype == DType::kU8 ||
          !t.type.quant.empty())
        return InvalidArgument(
            "graph '{}' is already quantized (tensor '{}' is {})", g_.name,
            t.name, t.type.ToString());
    s8_of_.assign(g_.tensors.size(), kNoTensor);
    f32_of_.assign(g_.tensors.size(), kNoTensor);
    for (TensorId id : g_.inputs) f32_of_[id] = id;
    std::vector<Node> old = std::move(g_.nodes);
    g_.nodes.clear();
    for (Node& n : old) {
      if (Int8Capable(n)) {
        KILN_RETURN_IF_ERROR(EmitInt8(std::move(n)));
      } else {
        EmitFloat(std::move(n));
      }
    }
    g_.Compact();
    return Status::Ok();
  }

 private:
  const TensorRange* RangeOf(TensorId id) const {
    auto it = cal_.ranges.find(g_.tensor(id).name);
    return it == cal_.ranges.end() ? nullptr : &it->second;
  }

  bool Int8Capable(const Node& n) const {
    if (!HasInt8Kernel(n.op)) return false;
    if (std::find(opts_.float_nodes.begin(), opts_.float_nodes.end(), n.name) !=
        opts_.float_nodes.end())
      return false;
    // A reshape or transpose only moves values: in int8 only when its input
    // already is (else a quantize would only add error and a node).
    if ((n.op == OpKind::kReshape || n.op == OpKind::kTranspose) &&
        s8_of_[n.inputs[0]] == kNoTensor)
      return false;
    for (size_t i = 0; i < n.inputs.size(); ++i) {
      TensorId id = n.inputs[i];
      if (id == kNoTensor) continue;
      // (Activations were all f32 on entry; an earlier int8 producer may
      // already have retyped one in place, so only constants are checked.)
      if (g_.IsConst(id) && g_.type(id).dtype != DType::kF32) return false;
      // conv/fc: constant weights and bias (quantized here), a computed x.
      if (HasWeights(n.op) && (i >= 1) != g_.IsConst(id)) return false;
      // A calibrated range is needed to quantize a float value; one that is
      // int8 already carries its scale and zero point.
      if (!g_.IsConst(id) && !RangeOf(id) && s8_of_[id] == kNoTensor) return false;
    }
    TensorRange fixed;
    for (TensorId id : n.outputs)
      if (!SharesInputParams(n.op) && !FixedOutputRange(n.op, &fixed) && !RangeOf(id))
        return false;
    return true;
  }

  std::string NodeName(const std::string& base) {
    std::string name = base;
    for (int k = 1; node_names_.count(name); ++k)
      name = base + "_" + std::to_string(k);
    node_names_.insert(name);
    return name;
  }

  TensorId NewTensor(const std::string& base, ir::TensorType type) {
    TensorId id = g_.AddTensor(g_.UniqueTensorName(base), std::move(type));
    s8_of_.push_back(kNoTensor);
    f32_of_.push_back(kNoTensor);
    return id;
  }

  TensorId NewConstant(const std::string& base, ir::TensorType type,
                       std::vector<uint8_t> data) {
    TensorId id =
        g_.AddConstant(g_.UniqueTensorName(base), std::move(type), std::move(data));
    s8_of_.push_back(kNoTensor);
    f32_of_.push_back(kNoTensor);
    return id;
  }

  void Emit(OpKind op, const std::string& base, TensorId in, TensorId out) {
    Node n{op, NodeName(base), {in}, {out}, ir::DefaultAttrs(op)};
    g_.nodes.push_back(std::move(n));
  }

  // The s8 value of activation `t`, quantizing its float value on first use.
  TensorId S8(TensorId t) {
    if (s8_of_[t] != kNoTensor) return s8_of_[t];
    ir::TensorType type = g_.type(t);
    type.dtype = DType::kS8;
    type.quant = ActivationParams(*RangeOf(t));
    std::string name = g_.tensor(t).name;
    TensorId q = NewTensor(name + "_q", type);
    Emit(OpKind::kQuantizeLinear, name + "_quantize", f32_of_[t], q);
    s8_of_[t] = q;
    return q;
  }

  // The f32 value of activation `t`, dequantizing its s8 value on first use.
  TensorId F32(TensorId t) {
    if (f32_of_[t] != kNoTensor) return f32_of_[t];
    ir::TensorType type = g_.type(s8_of_[t]);
    type.dtype = DType::kF32;
    type.quant = {};
    std::string name = g_.tensor(t).name;
    TensorId f = NewTensor(name + "_f", type);
    Emit(OpKind::kDequantizeLinear, name + "_dequantize", s8_of_[t], f);
    f32_of_[t] = f;
    return f;
  }

  // A constant operand of add/concat: s8 per tensor from its own range.
  TensorId QuantizeConstant(TensorId id) {
    const std::vector<float> v = FloatData(g_.tensor(id));
    TensorRange r{0.0f, 0.0f};
    for (float x : v) {
      r.min = std::min(r.min, x);
      r.max = std::max(r.max, x);
    }
    ir::TensorType type = g_.type(id);
    type.dtype = DType::kS8;
    type.quant = ActivationParams(r);
    std::vector<int8_t> q(v.size());
    for (size_t i = 0; i < v.size(); ++i)
      q[i] = eval::QuantizeS8(v[i], type.quant.scale[0], type.quant.zero_point[0]);
    return NewConstant(g_.tensor(id).name + "_q", type, Bytes(q));
  }

  Status EmitInt8(Node n) {
    for (size_t i = 0; i < n.inputs.size(); ++i) {
      TensorId id = n.inputs[i];
      if (id == kNoTensor) continue;
      if (HasWeights(n.op) && i == 1) {
        std::vector<int8_t> q;
        std::vector<double> min_scale;
        if (n.input(2) != kNoTensor) {
          // Input 0 is s8 by now (inputs are visited in order).
          double in_scale = g_.type(n.inputs[0]).quant.scale[0];
          for (float b : FloatData(g_.tensor(n.inputs[2])))
            min_scale.push_back(std::fabs(double(b)) / (in_scale * kMaxBiasQ));
        }
        ir::TensorType t = QuantizeWeights(g_.tensor(id), min_scale, &q);
        n.inputs[i] = NewConstant(g_.tensor(id).name + "_q", t, Bytes(q));
      } else if (HasWeights(n.op) && i == 2) {
        std::vector<int32_t> q;
        float in_scale = g_.type(n.inputs[0]).quant.scale[0];
        ir::TensorType t =
            QuantizeBias(g_.tensor(id), in_scale, g_.type(n.inputs[1]).quant, &q);
        n.inputs[i] = NewConstant(g_.tensor(id).name + "_q", t, Bytes(q));
      } else if (g_.IsConst(id)) {
        n.inputs[i] = QuantizeConstant(id);
      } else {
        n.inputs[i] = S8(id);
      }
    }
    std::vector<TensorId> graph_outputs;  // dequantized right after the node
    for (TensorId& o : n.outputs) {
      ir::TensorType type = g_.type(o);
      type.dtype = DType::kS8;
      TensorRange fixed;
      if (SharesInputParams(n.op)) {
        type.quant = g_.type(n.inputs[0]).quant;
      } else if (FixedOutputRange(n.op, &fixed)) {
        type.quant = ActivationParams(fixed);
      } else {
        TensorRange r = *RangeOf(o);
        TensorRange clamp = ActClamp(n);
        // The fused clamp bounds the output whatever the samples showed.
        r.min = std::max(r.min, clamp.min);
        r.max = std::min(r.max, clamp.max);
        if (r.min > r.max) r = {clamp.min, clamp.min};
        type.quant = ActivationParams(r);
      }
      TensorId orig = o;
      if (g_.IsGraphOutput(orig)) {
        // The user's output stays f32 under its own name.
        o = NewTensor(g_.tensor(orig).name + "_q", type);
        s8_of_[orig] = o;
        f32_of_[orig] = orig;
        graph_outputs.push_back(orig);
      } else {
        g_.tensor(orig).type = type;
        s8_of_[orig] = orig;
      }
    }
    g_.nodes.push_back(std::move(n));
    for (TensorId o : graph_outputs)
      Emit(OpKind::kDequantizeLinear, g_.tensor(o).name + "_dequantize",
           s8_of_[o], o);
    return Status::Ok();
  }

  void EmitFloat(Node n) {
    for (TensorId& id : n.inputs)
      if (id != kNoTensor && !g_.IsConst(id)) id = F32(id);
    for (TensorId o : n.outputs) f32_of_[o] = o;
    g_.nodes.push_back(std::move(n));
  }

  Graph& g_;
  const CalibrationResult& cal_;
  const QuantOptions& opts_;
  std::unordered_set<std::string> node_names_;
  // Per original tensor: its s8 and its f32 value (kNoTensor: not made yet).
  std::vector<TensorId> s8_of_, f32_of_;
};

}  // namespace

bool HasInt8Kernel(OpKind op) {
  switch (op) {
    case OpKind::kConv:
    case OpKind::kFullyConnected:
    case OpKind::kAdd:
    case OpKind::kAveragePool:
    case OpKind::kMaxPool:
    case OpKind::kGlobalAveragePool:
    case OpKind::kConcat:
    case OpKind::kReshape:
    case OpKind::kTranspose:
    case OpKind::kSoftmax:
      return true;
    default:
      return false;
  }
}

QuantParams ActivationParams(TensorRange r) {
  double lo = std::min(0.0, double(r.min)), hi = std::max(0.0, double(r.max));
  double scale = (hi - lo) / 255.0;
  // A constant-zero tensor: any scale represents it; 1 avoids a zero scale.
  if (!(scale >= 1e-30)) scale = 1.0;
  int32_t zp = static_cast<int32_t>(-128.0 - std::nearbyint(lo / scale));
  QuantParams q;
  q.scale = {static_cast<float>(scale)};
  q.zero_point = {std::clamp(zp, -128, 127)};
  return q;
}

Status QuantizeGraph(Graph& g, const CalibrationResult& calibration,
                     const QuantOptions& opts) {
  return Quantizer(g, calibration, opts).Run();
}

}  // namespace kiln::quant
