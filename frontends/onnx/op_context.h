// What an op importer sees of one ONNX node: its inputs as IR tensors, its
// outputs with the types ONNX shape inference gave them, typed attribute
// access, constant inputs read at import time, and errors that name the node.
#pragma once

#include <fmt/format.h>
#include <onnx/onnx_pb.h>

#include <string>
#include <utility>
#include <vector>

#include "compiler/ir/graph.h"
#include "compiler/support/status.h"
#include "frontends/onnx/model_state.h"

namespace kiln::onnx_frontend {

class OpContext {
 public:
  OpContext(ModelState* state, int node_position)
      : state_(state),
        k_(node_position),
        node_(state->model.graph().node(node_position)) {}

  const onnx::NodeProto& node() const { return node_; }
  int64_t opset() const { return state_->opset; }
  // IR node name: the ONNX node name, else <OpType>_<index in the ONNX graph>.
  std::string name() const { return state_->NodeName(k_); }
  ir::Graph& graph() { return state_->graph; }

  // Inputs. An absent optional input is missing or has the empty name.
  bool HasInput(int i) const {
    return i < node_.input_size() && !node_.input(i).empty();
  }
  // The IR tensor of a data input (kNoTensor when absent).
  StatusOr<ir::TensorId> Input(int i);
  // Whether an input's value is known at compile time.
  bool IsConstantInput(int i) const {
    return HasInput(i) && state_->ConstantData(InputName(i)).ok();
  }
  // The type of an input, whether or not it is imported as a tensor.
  StatusOr<ir::TensorType> InputType(int i) const;
  // An input that the IR takes as an attribute: it must be constant (an
  // initializer, a Constant node, or a value ONNX data propagation computed).
  StatusOr<std::vector<int64_t>> ConstInts(int i) const;
  StatusOr<std::vector<float>> ConstFloats(int i) const;

  // Outputs. Output(i) creates the IR tensor of output i with its inferred
  // type; OutputUsed says whether a live node or the graph reads it.
  StatusOr<ir::TensorId> Output(int i);
  bool OutputUsed(int i) const;
  // A helper tensor for multi-node lowerings (name derived from `base`).
  ir::TensorId NewTensor(const std::string& base, ir::TensorType type);
  // A helper constant (e.g. Expand's ones).
  ir::TensorId NewConstant(const std::string& base, ir::TensorType type,
                           std::vector<uint8_t> bytes);
  // Adds an IR node named name() (or `name` when given) with default attrs.
  ir::Node& AddNode(ir::OpKind op, std::vector<ir::TensorId> inputs,
                    std::vector<ir::TensorId> outputs,
                    const std::string& name = "");

  // Attributes; a present attribute of the wrong type is an error.
  const onnx::AttributeProto* Attr(const std::string& name) const;
  StatusOr<int64_t> AttrInt(const std::string& name, int64_t def) const;
  StatusOr<float> AttrFloat(const std::string& name, float def) const;
  StatusOr<std::string> AttrString(const std::string& name,
                                   const std::string& def) const;
  StatusOr<std::vector<int64_t>> AttrInts(
      const std::string& name, const std::vector<int64_t>& def) const;

  // The refusal for a node kiln evaluates only at compile time (const_fold.h)
  // when one of its inputs is computed at run time: names that input.
  Status NoRunTimeKernel() const;

  // "model.onnx: node 'conv1' (Conv, opset 13)"
  std::string Where() const;
  // InvalidArgument / Unimplemented errors prefixed with Where().
  template <typename... Args>
  Status Error(fmt::format_string<Args...> f, Args&&... args) const {
    return Status(StatusCode::kInvalidArgument,
                  Where() + ": " + fmt::format(f, std::forward<Args>(args)...));
  }
  template <typename... Args>
  Status Unsupported(fmt::format_string<Args...> f, Args&&... args) const {
    return Status(StatusCode::kUnimplemented,
                  Where() + ": " + fmt::format(f, std::forward<Args>(args)...));
  }

 private:
  const std::string& InputName(int i) const { return node_.input(i); }
  StatusOr<TensorData> ConstInput(int i) const;

  ModelState* state_;
  int k_;
  const onnx::NodeProto& node_;
};

// Normalizes a possibly negative axis against `rank` (ONNX allows [-r, r-1]).
StatusOr<int64_t> NormalizeAxis(const OpContext& ctx, int64_t axis,
                                int64_t rank);

}  // namespace kiln::onnx_frontend
