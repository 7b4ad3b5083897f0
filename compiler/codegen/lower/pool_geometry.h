// The geometry of a 1-D or 2-D NHWC pooling window as kernel params, shared by
// the float and int8 pool lowerings (their params structs start with the same
// fields, in this order).
#pragma once

#include <vector>

#include "compiler/codegen/kernel_call.h"
#include "compiler/ir/graph.h"
#include "compiler/support/status.h"

namespace kiln::codegen {

// batch, in_h, in_w, channels, out_h, out_w, kernel, stride, dilation and pad
// fields of a maxpool/avgpool node; a 1-D pool is a 2-D one of height 1. Fails
// for a pool not yet in NHWC or of another rank.
StatusOr<std::vector<ParamField>> PoolGeometryFields(const ir::Graph& g,
                                                     const ir::Node& node);

}  // namespace kiln::codegen
