// Parses .kir text (as printed by printer.h) back into a Graph.
#pragma once

#include <string_view>

#include "compiler/ir/graph.h"
#include "compiler/support/status.h"

namespace kiln::ir {

// `source_name` is used in error messages ("file.kir:3:14: ...").
StatusOr<Graph> ParseGraph(std::string_view text,
                           std::string_view source_name = "<input>");

}  // namespace kiln::ir
