// Parses .kir text (as printed by printer.h) back into a Graph.
#pragma once

#include <string_view>
#include <vector>

#include "compiler/ir/graph.h"
#include "compiler/support/status.h"

namespace kiln::ir {

// Where each node and tensor was defined in the text (1-based line and column),
// so later errors (the verifier's) can point at the source too.
struct SourceLocation {
  int line = 0, col = 0;
};
struct SourceMap {
  std::vector<SourceLocation> nodes;    // by node index
  std::vector<SourceLocation> tensors;  // by tensor id
};

// `source_name` is used in error messages ("file.kir:3:14: ..."). When
// `locations` is given, it receives the source location of each node and tensor.
StatusOr<Graph> ParseGraph(std::string_view text,
                           std::string_view source_name = "<input>",
                           SourceMap* locations = nullptr);

}  // namespace kiln::ir
