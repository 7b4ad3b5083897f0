// Reading value names from an ONNX model and writing a copy that also outputs
// intermediate values: how `kiln validate` gets ONNX Runtime's per-layer
// reference tensors.
#pragma once

#include <string>
#include <vector>

#include "compiler/support/status.h"

namespace kiln::onnx_frontend {

// The outputs of every node of the main graph, in node order.
StatusOr<std::vector<std::string>> NodeOutputNames(const std::string& path);

// Writes the model at `in` to `out` with `names` appended to the graph outputs
// (names without a type: ONNX Runtime infers them). Models with external data
// are read from their own folder, so `out` must be beside `in` for those.
Status WriteWithExtraOutputs(const std::string& in, const std::vector<std::string>& names,
                             const std::string& out);

}  // namespace kiln::onnx_frontend
