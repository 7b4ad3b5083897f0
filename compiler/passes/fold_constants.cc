// fold-constants: a node whose inputs are all constants is evaluated once on
// the host with compiler/eval (the runtime's reference kernels, so folded
// values are exactly what the firmware would compute) and its outputs become
// constants. Ops without a host kernel yet are skipped, not errors.
#include "compiler/eval/eval.h"
#include "compiler/passes/passes.h"

namespace kiln::passes {

Status FoldConstants(ir::Graph& g, const PassOptions&) {
  for (size_t k = 0; k < g.nodes.size(); ++k) {
    const ir::Node& n = g.nodes[k];
    bool all_const = false;
    std::vector<const eval::Buffer*> in;
    for (ir::TensorId t : n.inputs) {
      if (t == ir::kNoTensor) {
        in.push_back(nullptr);
        continue;
      }
      if (!g.IsConst(t)) {
        all_const = false;
        break;
      }
      all_const = true;
      in.push_back(&g.tensor(t).data);
    }
    if (!all_const || in.size() != n.inputs.size()) continue;
    // A graph output must be written by the generated code at run time, so it
    // cannot become a constant.
    bool writes_output = false;
    for (ir::TensorId o : n.outputs)
      if (g.IsGraphOutput(o)) writes_output = true;
    if (writes_output) continue;
    auto out = eval::EvalNode(g, n, in);
    if (!out.ok()) {
      if (out.status().code() == StatusCode::kUnimplemented) continue;
      return out.status();
    }
    for (size_t o = 0; o < n.outputs.size(); ++o) {
      ir::Tensor& t = g.tensor(n.outputs[o]);
      t.is_const = true;
      t.data = std::move((*out)[o]);
      t.offset = -1;
    }
    g.EraseNode(k);
  }
  g.Compact();
  return Status::Ok();
}

}  // namespace kiln::passes
