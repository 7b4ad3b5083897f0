// remove-identity: drops Identity and Dropout (inference-mode Dropout is the
// identity), rewiring readers to the op's input. When the output is a graph
// output, the producer writes the graph output directly instead; a copy (a
// same-shape reshape) is kept only when no producer can (the input is a graph
// input, a constant, or itself another graph output, which must stay a distinct
// buffer).
#include "compiler/passes/passes.h"

namespace kiln::passes {

Status RemoveIdentity(ir::Graph& g, const PassOptions&) {
  std::vector<int> producers = g.Producers();
  for (size_t k = 0; k < g.nodes.size(); ++k) {
    ir::Node& n = g.nodes[k];
    if (n.op != ir::OpKind::kIdentity && n.op != ir::OpKind::kDropout) continue;
    ir::TensorId x = n.inputs[0], y = n.outputs[0];
    if (!g.IsGraphOutput(y)) {
      g.ReplaceAllUsesWith(y, x);
      g.EraseNode(k);
      continue;
    }
    int p = producers[x];
    if (p < 0 || g.IsGraphOutput(x)) {
      // A copy must stay. It becomes a same-shape reshape: backends already
      // emit a reshape between buffers that are not one arena view as a copy,
      // so no backend needs an identity kernel.
      n.op = ir::OpKind::kReshape;
      n.attrs = ir::DefaultAttrs(n.op);
      continue;
    }
    // The producer of x now writes y; every other reader of x reads y.
    for (ir::TensorId& o : g.nodes[p].outputs)
      if (o == x) o = y;
    g.ReplaceAllUsesWith(x, y);
    producers[y] = p;
    g.EraseNode(k);
  }
  g.Compact();
  return Status::Ok();
}

}  // namespace kiln::passes
