// What the importer knows about one ONNX model while it builds the IR: value
// types after shape inference, constants, producers, liveness and the IR tensor
// of each ONNX value. Shared by the importer driver and the op importers.
#pragma once

#include <onnx/onnx_pb.h>

#include <deque>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "compiler/ir/graph.h"
#include "compiler/support/status.h"
#include "frontends/onnx/tensor_data.h"

namespace kiln::onnx_frontend {

class ModelState {
 public:
  std::string source;     // the model path as the user gave it (for messages)
  std::string model_dir;  // folder that external data is relative to
  int64_t opset = 0;
  // Our copy of the model: sorted, pruned to what is needed, input shapes
  // fixed, shapes inferred.
  onnx::ModelProto model;
  // ONNX graph position of each node of model.graph() (which we may reorder
  // topologically): names and messages use the original index.
  std::vector<int> original_index;
  ir::Graph graph;

  // Values by name.
  std::unordered_map<std::string, const onnx::TypeProto*> value_types;
  std::unordered_map<std::string, const onnx::TensorProto*> constants;
  std::unordered_map<std::string, int> producer;  // node position
  // Constant nodes kiln cannot read (sparse or string values): the error to
  // report if a live node needs one.
  std::unordered_map<std::string, Status> constant_errors;
  // int64 values ONNX data propagation computed (Shape -> Gather -> ...).
  std::unordered_map<std::string, onnx::TensorShapeProto> propagated;
  // Values read by a live node as data, or graph outputs.
  std::unordered_set<std::string> live_values;
  std::unordered_map<std::string, ir::TensorId> ir_tensor;

  // "node 'conv1' (Conv, opset 13)" for node position `k`.
  std::string NodeLabel(int k) const;
  // The IR/report name of node `k`: its ONNX name, else <OpType>_<index>.
  std::string NodeName(int k) const;

  // The inferred IR type of an ONNX value (tensor, static shape).
  StatusOr<ir::TensorType> ValueType(const std::string& name) const;
  // The IR tensor of a value, creating IR constants for initializers and
  // Constant-node outputs on first use.
  StatusOr<ir::TensorId> Tensor(const std::string& name);
  // The payload of a constant value (initializer or Constant node), or of an
  // int64 vector ONNX data propagation computed; nullptr-like error otherwise.
  StatusOr<TensorData> ConstantData(const std::string& name) const;
  bool IsConstant(const std::string& name) const;

  // A tensor name unused in the IR and in the ONNX model, derived from `base`
  // (for tensors an importer adds, e.g. Softmax's 2-D view).
  std::string FreshName(const std::string& base);
  // The IR name of an ONNX value: its own name (unique in the IR).
  std::string NameForValue(const std::string& onnx_name);
  void ReserveName(const std::string& name) { names_.insert(name); }

  // Registers the value of a Constant node's attribute as a constant.
  Status AddConstantNode(int k);

 private:
  std::deque<onnx::TensorProto> owned_constants_;
  std::unordered_set<std::string> names_;     // reserved ONNX names + IR names
  std::unordered_set<std::string> ir_names_;  // names of IR tensors
};

}  // namespace kiln::onnx_frontend
