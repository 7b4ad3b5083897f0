// The ONNX frontend: reads an ONNX model (opsets 1-17), checks it, runs ONNX's
// own strict shape inference and builds the kiln IR graph of what its outputs
// need.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "compiler/ir/graph.h"
#include "compiler/support/status.h"

namespace onnx {
class ModelProto;
}  // namespace onnx

namespace kiln::onnx_frontend {

// The oldest and newest default-domain opsets the frontend accepts.
constexpr int64_t kMinOpset = 1;
constexpr int64_t kMaxOpset = 17;

struct ImportOptions {
  // Concrete shapes for model inputs (`--input-shape NAME=1x1x28x28`); they
  // replace the model's declared shape, symbolic dimensions included.
  std::map<std::string, ir::Shape> input_shapes;
};

struct ImportReport {
  std::string producer;  // "pytorch 1.13", "tflite2onnx_min", ...
  int64_t opset = 0;     // default-domain opset of the model
  // Human-readable decisions the user should know about, e.g.
  // "input 'x': dim 0 'batch' is symbolic, used 1".
  std::vector<std::string> notes;
  // The shape each graph input was imported with.
  std::map<std::string, ir::Shape> input_shapes_used;
  // Nodes evaluated at import (shape computations, const_fold.h).
  int folded_nodes = 0;
};

// Reads `path` and imports it. Errors name the file (as given), and for node
// errors the node, op type and opset. `report` may be null.
StatusOr<ir::Graph> ImportOnnxFile(const std::string& path,
                                   const ImportOptions& options,
                                   ImportReport* report);

// Imports an already parsed model. `source_name` is the model's path: its stem
// names the graph, its folder anchors external data, and errors quote it.
StatusOr<ir::Graph> ImportOnnxModel(const onnx::ModelProto& model,
                                    const std::string& source_name,
                                    const ImportOptions& options,
                                    ImportReport* report);

// Parses a `--input-shape` value "NAME=1x3x32x32" (dims separated by 'x' or
// ','; the name may itself contain '='; the last one splits) into the entry
// for ImportOptions::input_shapes.
StatusOr<std::pair<std::string, ir::Shape>> ParseInputShape(
    std::string_view flag);

// The C identifier kiln derives from a model path: the file stem with every
// character other than [A-Za-z0-9_] replaced by '_', prefixed with "m_" when it
// starts with a digit ("models/2-conv.onnx" -> "m_2_conv").
std::string GraphNameFromPath(const std::string& path);

}  // namespace kiln::onnx_frontend
