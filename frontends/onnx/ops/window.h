// Sliding-window attributes shared by Conv and the pools: defaults, auto_pad
// resolved to explicit pads, and checks that they fit the input's rank.
#pragma once

#include <vector>

#include "compiler/ir/types.h"
#include "compiler/support/status.h"
#include "frontends/onnx/op_context.h"

namespace kiln::onnx_frontend {

struct Window {
  std::vector<int64_t> kernel_shape, strides, pads, dilations;
};

// Reads kernel_shape, strides, pads, dilations and auto_pad of `ctx`'s node
// for input shape `x` (N, C, spatial...). `kernel` is the kernel taken from
// the weights (Conv) or empty (pools: kernel_shape is required). SAME_UPPER /
// SAME_LOWER / VALID become explicit [begins..., ends...] pads, as ONNX shape
// inference computes them (output = ceil(in / stride) for SAME).
StatusOr<Window> ReadWindow(const OpContext& ctx, const ir::Shape& x,
                            const std::vector<int64_t>& kernel);

}  // namespace kiln::onnx_frontend
