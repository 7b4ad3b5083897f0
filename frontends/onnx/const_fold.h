// Import-time evaluation of ONNX nodes whose inputs are compile-time constants:
// the shape computations that PyTorch and TensorFlow exports are full of
// (Shape -> Gather -> Unsqueeze -> Concat -> Reshape, ConstantOfShape, Range,
// Expand, Equal/Where masks, Cast of int64 shapes). The importer replaces each
// folded node by a Constant node before anything else reads the model, so
// libonnx's shape inference, the liveness walk and the op importers all see
// plain constants. Evaluated here rather than in compiler/eval because the
// values are ONNX int64/bool tensors the IR never computes at run time.
#pragma once

#include <onnx/onnx_pb.h>

#include <optional>
#include <string>
#include <vector>

#include "compiler/support/status.h"
#include "frontends/onnx/tensor_data.h"

namespace kiln::onnx_frontend {

// What the folder knows of one node input: its value when it is a constant,
// and its static type when shape inference gave one (Shape and Size read only
// the type).
struct FoldInput {
  bool present = false;
  std::optional<TensorData> value;
  std::optional<ir::TensorType> type;
};

// Whether kiln can evaluate `op_type` (default domain) at import.
bool IsFoldableOp(const std::string& op_type);

// The values of the node's outputs. NotFound when the node cannot be folded (an
// input it needs is not constant, or an element type the folder does not
// compute); InvalidArgument for a node that is malformed whatever kiln does
// (an index out of range, a division by zero).
StatusOr<std::vector<TensorData>> FoldOnnxNode(
    const onnx::NodeProto& node, int64_t opset,
    const std::vector<FoldInput>& inputs);

// A constant as an ONNX tensor (raw_data), for the Constant node that replaces
// a folded node.
onnx::TensorProto ToTensorProto(const TensorData& data,
                                const std::string& name);

}  // namespace kiln::onnx_frontend
