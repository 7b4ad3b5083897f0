// Small graph-rewriting helpers shared by several passes: reading and creating
// float constants, permuting constant data, and finding a tensor's readers.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "compiler/ir/graph.h"

namespace kiln::passes {

// The f32 payload of constant `id`.
std::vector<float> ConstFloats(const ir::Graph& g, ir::TensorId id);
// Adds an f32 constant named after `base` (made unique).
ir::TensorId AddF32Constant(ir::Graph& g, const std::string& base,
                            const ir::Shape& shape,
                            const std::vector<float>& values);

// perm semantics as ONNX Transpose: out.shape[i] = in.shape[perm[i]].
ir::Shape PermuteShape(const ir::Shape& s, const std::vector<int64_t>& perm);
// Row-major data of shape `shape` transposed by `perm`, any element size.
std::vector<uint8_t> PermuteData(const std::vector<uint8_t>& data,
                                 const ir::Shape& shape,
                                 const std::vector<int64_t>& perm,
                                 int64_t elem_bytes);
std::vector<int64_t> InversePerm(const std::vector<int64_t>& perm);
// The single permutation equal to transposing by `first`, then by `second`.
std::vector<int64_t> ComposePerm(const std::vector<int64_t>& first,
                                 const std::vector<int64_t>& second);
bool IsIdentityPerm(const std::vector<int64_t>& perm);
// True when transposing `shape` by `perm` keeps the row-major element order
// (only extent-1 axes move), i.e. the transpose is a reshape.
bool PermIsReshape(const ir::Shape& shape, const std::vector<int64_t>& perm);

// Channel-first <-> channel-last permutations of a rank-r activation:
// NCHW -> NHWC is [0, 2, 3, 1]; NHWC -> NCHW is [0, 3, 1, 2].
std::vector<int64_t> ToChannelsLastPerm(int64_t rank);
std::vector<int64_t> ToChannelsFirstPerm(int64_t rank);

// For each tensor, the indices of the nodes reading it (once per input slot).
std::vector<std::vector<int>> Readers(const ir::Graph& g);

// True when the activation clamp [lo, hi] is the "none" default.
inline bool NoActivation(float lo, float hi) {
  return lo == -ir::kInf && hi == ir::kInf;
}

}  // namespace kiln::passes
