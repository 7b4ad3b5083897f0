// Helpers shared by the passes (see pass_util.h).
#include "compiler/passes/pass_util.h"

#include <cstring>

namespace kiln::passes {

std::vector<float> ConstFloats(const ir::Graph& g, ir::TensorId id) {
  const ir::Tensor& t = g.tensor(id);
  std::vector<float> v(t.data.size() / sizeof(float));
  if (!v.empty()) memcpy(v.data(), t.data.data(), v.size() * sizeof(float));
  return v;
}

ir::TensorId AddF32Constant(ir::Graph& g, const std::string& base,
                            const ir::Shape& shape,
                            const std::vector<float>& values) {
  std::vector<uint8_t> data(values.size() * sizeof(float));
  if (!values.empty()) memcpy(data.data(), values.data(), data.size());
  ir::TensorType type;
  type.dtype = ir::DType::kF32;
  type.shape = shape;
  return g.AddConstant(g.UniqueTensorName(base), type, std::move(data));
}

ir::Shape PermuteShape(const ir::Shape& s, const std::vector<int64_t>& perm) {
  ir::Shape out(perm.size());
  for (size_t i = 0; i < perm.size(); ++i) out[i] = s[perm[i]];
  return out;
}

std::vector<uint8_t> PermuteData(const std::vector<uint8_t>& data,
                                 const ir::Shape& shape,
                                 const std::vector<int64_t>& perm,
                                 int64_t elem_bytes) {
  size_t r = shape.size();
  std::vector<uint8_t> out(data.size());
  if (r == 0 || data.empty()) return data;
  // Input strides in elements, then the stride of each output axis in the
  // input.
  std::vector<int64_t> in_stride(r, 1);
  for (size_t i = r - 1; i-- > 0;)
    in_stride[i] = in_stride[i + 1] * shape[i + 1];
  ir::Shape out_shape = PermuteShape(shape, perm);
  std::vector<int64_t> stride(r);
  for (size_t i = 0; i < r; ++i) stride[i] = in_stride[perm[i]];
  std::vector<int64_t> idx(r, 0);
  int64_t n = ir::NumElements(shape);
  int64_t src = 0;
  for (int64_t k = 0; k < n; ++k) {
    memcpy(out.data() + k * elem_bytes, data.data() + src * elem_bytes,
           static_cast<size_t>(elem_bytes));
    // Odometer increment over the output index.
    for (size_t d = r; d-- > 0;) {
      ++idx[d];
      src += stride[d];
      if (idx[d] < out_shape[d]) break;
      src -= stride[d] * idx[d];
      idx[d] = 0;
    }
  }
  return out;
}

std::vector<int64_t> InversePerm(const std::vector<int64_t>& perm) {
  std::vector<int64_t> inv(perm.size());
  for (size_t i = 0; i < perm.size(); ++i)
    inv[perm[i]] = static_cast<int64_t>(i);
  return inv;
}

std::vector<int64_t> ComposePerm(const std::vector<int64_t>& first,
                                 const std::vector<int64_t>& second) {
  // y1.dim[i] = x.dim[first[i]]; y2.dim[j] = y1.dim[second[j]].
  std::vector<int64_t> out(second.size());
  for (size_t j = 0; j < second.size(); ++j) out[j] = first[second[j]];
  return out;
}

bool IsIdentityPerm(const std::vector<int64_t>& perm) {
  for (size_t i = 0; i < perm.size(); ++i)
    if (perm[i] != static_cast<int64_t>(i)) return false;
  return true;
}

bool PermIsReshape(const ir::Shape& shape, const std::vector<int64_t>& perm) {
  int64_t last = -1;
  for (int64_t p : perm) {
    if (shape[p] == 1) continue;
    if (p < last) return false;
    last = p;
  }
  return true;
}

std::vector<int64_t> ToChannelsLastPerm(int64_t rank) {
  std::vector<int64_t> p = {0};
  for (int64_t i = 2; i < rank; ++i) p.push_back(i);
  p.push_back(1);
  return p;
}

std::vector<int64_t> ToChannelsFirstPerm(int64_t rank) {
  return InversePerm(ToChannelsLastPerm(rank));
}

std::vector<std::vector<int>> Readers(const ir::Graph& g) {
  std::vector<std::vector<int>> r(g.tensors.size());
  for (size_t k = 0; k < g.nodes.size(); ++k)
    for (ir::TensorId t : g.nodes[k].inputs)
      if (t != ir::kNoTensor) r[t].push_back(static_cast<int>(k));
  return r;
}

}  // namespace kiln::passes
