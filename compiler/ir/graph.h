// The IR: a typed dataflow graph of tensors and nodes in topological order.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/ir/attrs.h"
#include "compiler/ir/types.h"

namespace kiln::ir {

enum class OpKind : uint16_t {
#define KILN_OP(name, text, attrs, min_in, max_in, n_out) k##name,
#include "compiler/ir/ops.def"
#undef KILN_OP
};

struct OpInfo {
  OpKind kind;
  const char* text;  // name in IR text, e.g. "conv"
  const char* onnx;  // ONNX op type it mirrors, e.g. "Conv"
  int min_inputs, max_inputs, num_outputs;
};
const OpInfo& GetOpInfo(OpKind op);
const char* OpName(OpKind op);  // text name
bool ParseOpName(std::string_view text, OpKind* op);
// The default attribute struct of `op` (from ops.def).
Attrs DefaultAttrs(OpKind op);

using TensorId = int32_t;
constexpr TensorId kNoTensor = -1;

struct Tensor {
  std::string name;
  TensorType type;
  bool is_const = false;
  // Constant payload: little-endian elements of type.dtype, row-major in the
  // tensor's physical order.
  std::vector<uint8_t> data;
  // Byte offset in the activation arena, set by memory planning (-1: not
  // planned, or not in the arena: graph inputs/outputs and constants).
  int64_t offset = -1;

  template <typename T> const T* data_as() const {
    return reinterpret_cast<const T*>(data.data());
  }
  template <typename T> T* mutable_data_as() {
    return reinterpret_cast<T*>(data.data());
  }
};

struct Node {
  OpKind op;
  std::string name;  // ONNX node name, else "<op>_<index>": the same everywhere
  std::vector<TensorId> inputs;  // kNoTensor for an absent optional input
  std::vector<TensorId> outputs;
  Attrs attrs;
  // Kernel scratch, set by plan-memory: bytes the node's kernel asks for (its
  // runtime scratch-size function) and their offset in the arena (-1: none).
  // Live during this node's step only.
  int64_t scratch_bytes = 0;
  int64_t scratch_offset = -1;

  template <typename T> T& attr() { return std::get<T>(attrs); }
  template <typename T> const T& attr() const { return std::get<T>(attrs); }
  TensorId input(size_t i) const {
    return i < inputs.size() ? inputs[i] : kNoTensor;
  }
};

class Graph;

// How a node computes, read from its types (quantize-int8 decides it by the
// types it gives, so there is no second field to keep in sync): kInt8 when an
// input or output is s8/u8 (an int8 kernel), kConvert for quantize/dequantize
// (the edges of a float island), else kFloat. Reports print it per layer.
enum class Precision : uint8_t { kFloat, kInt8, kConvert };
Precision NodePrecision(const Graph& g, const Node& node);
const char* PrecisionName(Precision p);  // "float", "int8", "convert"

class Graph {
 public:
  std::string name = "model";
  std::vector<Tensor> tensors;
  std::vector<Node> nodes;  // topological order
  std::vector<TensorId> inputs, outputs;
  // Size of the activation arena once memory is planned (0 before).
  int64_t arena_bytes = 0;

  TensorId AddTensor(std::string name, TensorType type);
  TensorId AddConstant(std::string name, TensorType type,
                       std::vector<uint8_t> data);
  Node& AddNode(OpKind op, std::string name, std::vector<TensorId> inputs,
                std::vector<TensorId> outputs);
  // Inserts before position `pos` of `nodes`.
  Node& InsertNode(size_t pos, OpKind op, std::string name,
                   std::vector<TensorId> inputs, std::vector<TensorId> outputs);

  Tensor& tensor(TensorId id) { return tensors[id]; }
  const Tensor& tensor(TensorId id) const { return tensors[id]; }
  const TensorType& type(TensorId id) const { return tensors[id].type; }
  bool IsConst(TensorId id) const {
    return id != kNoTensor && tensors[id].is_const;
  }
  bool IsGraphOutput(TensorId id) const;
  bool IsGraphInput(TensorId id) const;

  // Index of the node producing each tensor, -1 for inputs and constants.
  std::vector<int> Producers() const;
  // Number of node inputs reading each tensor (graph outputs count once).
  std::vector<int> UseCounts() const;
  // Rewires every reader of `from` (nodes and graph outputs) to `to`.
  void ReplaceAllUsesWith(TensorId from, TensorId to);
  // Marks node `index` for removal by Compact().
  void EraseNode(size_t index) { erased_.push_back(index); }
  // Drops erased nodes, nodes whose outputs are unused, and unreferenced
  // tensors, then renumbers tensors.
  void Compact();

  // A name not yet used by any tensor, derived from `base`.
  std::string UniqueTensorName(std::string_view base) const;
  std::string UniqueNodeName(std::string_view base) const;

 private:
  std::vector<size_t> erased_;
};

}  // namespace kiln::ir
