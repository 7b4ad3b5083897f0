// Fake-quant simulation (see simulate.h): a float "shadow" copy of the graph
// with every quantized type made f32 and every quantized constant dequantized,
// run node by node with compiler/eval, rounding each s8 value to its grid.
#include "compiler/quant/simulate.h"

#include <cstring>

#include "compiler/ir/op_rules.h"

namespace kiln::quant {
namespace {

using ir::DType;
using ir::TensorId;

bool Quantized(const ir::TensorType& t) {
  return t.dtype == DType::kS8 || t.dtype == DType::kU8 ||
         t.dtype == DType::kS32;
}

// dequantize(quantize(x)) in place with per-tensor s8 parameters.
void FakeQuant(eval::Buffer* b, const ir::QuantParams& q) {
  float* v = reinterpret_cast<float*>(b->data());
  const size_t n = b->size() / sizeof(float);
  for (size_t i = 0; i < n; ++i)
    v[i] = eval::DequantizeS8(
        eval::QuantizeS8(v[i], q.scale[0], q.zero_point[0]), q.scale[0],
        q.zero_point[0]);
}

}  // namespace

StatusOr<std::vector<float>> DequantizeConstant(const ir::Tensor& t) {
  const ir::TensorType& type = t.type;
  const ir::QuantParams& q = type.quant;
  if (q.empty()) return InvalidArgument("constant '{}' is not quantized", t.name);
  const int64_t n = type.num_elements();
  int64_t inner = 1, channels = 1;
  if (q.axis >= 0) {
    if (q.axis >= type.rank())
      return InvalidArgument("constant '{}': quantization axis {} out of range",
                             t.name, q.axis);
    channels = type.shape[q.axis];
    for (int64_t d = q.axis + 1; d < type.rank(); ++d) inner *= type.shape[d];
  }
  if (static_cast<int64_t>(q.scale.size()) != channels ||
      q.zero_point.size() != q.scale.size())
    return InvalidArgument("constant '{}': {} scales for {} channels", t.name,
                           q.scale.size(), channels);
  std::vector<float> v(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) {
    int64_t c = q.axis >= 0 ? (i / inner) % channels : 0;
    int64_t x;
    switch (type.dtype) {
      case DType::kS8:
        x = t.data_as<int8_t>()[i];
        break;
      case DType::kU8:
        x = t.data_as<uint8_t>()[i];
        break;
      case DType::kS32:
        x = t.data_as<int32_t>()[i];
        break;
      default:
        return InvalidArgument("constant '{}': cannot dequantize {}", t.name,
                               type.ToString());
    }
    v[i] = static_cast<float>(double(x - q.zero_point[c]) * q.scale[c]);
  }
  return v;
}

Status SimulateQuantized(const ir::Graph& g,
                         const std::vector<eval::Buffer>& inputs,
                         std::vector<eval::Buffer>* outputs,
                         const eval::EvalOptions& opts) {
  if (inputs.size() != g.inputs.size())
    return InvalidArgument("graph '{}' has {} inputs, {} given", g.name,
                           g.inputs.size(), inputs.size());
  ir::Graph shadow = g;
  for (ir::Tensor& t : shadow.tensors) {
    if (!Quantized(t.type)) continue;
    if (t.is_const) {
      KILN_ASSIGN_OR_RETURN(std::vector<float> v, DequantizeConstant(t));
      t.data = eval::ToBuffer(v);
    }
    t.type.dtype = DType::kF32;
    t.type.quant = {};
  }
  for (TensorId id : g.inputs)
    if (g.type(id).dtype != DType::kF32)
      return Unimplemented("simulation of int8 graph input '{}'",
                           g.tensor(id).name);
  std::vector<eval::Buffer> values(g.tensors.size());
  for (size_t i = 0; i < inputs.size(); ++i) {
    if (static_cast<int64_t>(inputs[i].size()) != g.type(g.inputs[i]).bytes())
      return InvalidArgument("input '{}' needs {} bytes, {} given",
                             g.tensor(g.inputs[i]).name,
                             g.type(g.inputs[i]).bytes(), inputs[i].size());
    values[g.inputs[i]] = inputs[i];
  }
  for (const ir::Node& n : g.nodes) {
    std::vector<const eval::Buffer*> in;
    for (TensorId t : n.inputs)
      in.push_back(t == ir::kNoTensor ? nullptr
                   : shadow.IsConst(t) ? &shadow.tensor(t).data
                                       : &values[t]);
    std::vector<eval::Buffer> out;
    if (n.op == ir::OpKind::kQuantizeLinear ||
        n.op == ir::OpKind::kDequantizeLinear) {
      out = {*in[0]};
    } else {
      KILN_ASSIGN_OR_RETURN(out, eval::EvalNode(shadow, n, in));
    }
    for (size_t o = 0; o < n.outputs.size(); ++o) {
      const ir::TensorType& t = g.type(n.outputs[o]);
      if (t.dtype == DType::kS8) {
        if (t.quant.scale.size() != 1)
          return Unimplemented("{}: simulation of per-channel activations",
                               ir::NodeWhere(n));
        FakeQuant(&out[o], t.quant);
      }
    }
    if (opts.on_node) opts.on_node(n, out);
    for (size_t o = 0; o < n.outputs.size(); ++o)
      values[n.outputs[o]] = std::move(out[o]);
  }
  outputs->clear();
  for (TensorId id : g.outputs)
    outputs->push_back(g.IsConst(id) ? shadow.tensor(id).data : values[id]);
  return Status::Ok();
}

}  // namespace kiln::quant
