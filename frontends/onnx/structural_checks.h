// kiln's own structural checks of an ONNX model, run by the importer before the
// ONNX checker and shape inference. They catch what those would reject with
// multi-line, node-less messages (or not at all, or by crashing) and say, in
// one line, which file, node and op are wrong and what to do.
#pragma once

#include "compiler/support/status.h"
#include "frontends/onnx/model_state.h"

namespace kiln::onnx_frontend {

// Checks of the whole model that do not depend on liveness: the opset imports
// (one version per domain, none negative), graph outputs listed once, graph
// input element types kiln supports, graph input dimensions (negative ones
// other than -1, the "unknown" some exporters write, are refused), and the
// external data of every initializer (relative, inside the model's folder,
// present, large enough).
Status CheckModelStructure(const ModelState& s);

// Checks of each node kept for import (`s.model` after pruning): against its
// ONNX schema at the model's opset, the number of inputs and outputs, the type
// of every attribute, unknown and missing required attributes; the external
// data of tensor attributes.
Status CheckNodeStructure(const ModelState& s);

}  // namespace kiln::onnx_frontend
