// The IR verifier (see verifier.h).
#include "compiler/ir/verifier.h"

#include <fmt/format.h>

#include "compiler/ir/op_rules.h"

namespace kiln::ir {
namespace {

bool AttrsMatchOp(const Node& n) {
  Attrs def = DefaultAttrs(n.op);
  return def.index() == n.attrs.index();
}

}  // namespace

namespace {
Status VerifyImpl(const Graph& g, VerifyLocation* loc) {
  const auto nt = static_cast<TensorId>(g.tensors.size());
  std::vector<bool> defined(g.tensors.size(), false);
  auto in_range = [&](TensorId id) { return id >= 0 && id < nt; };
  for (TensorId id = 0; id < nt; ++id) {
    const Tensor& t = g.tensors[id];
    loc->tensor = id;
    if (t.type.num_elements() < 0)
      return InvalidArgument("tensor '{}' has a negative dimension", t.name);
    if (t.is_const) {
      if (static_cast<int64_t>(t.data.size()) != t.type.bytes())
        return InvalidArgument("constant '{}' holds {} bytes, its type {} needs {}",
                               t.name, t.data.size(), t.type.ToString(),
                               t.type.bytes());
      defined[id] = true;
    }
  }
  loc->tensor = kNoTensor;
  for (TensorId id : g.inputs) {
    if (!in_range(id)) return Internal("graph input id {} out of range", id);
    loc->tensor = id;
    if (defined[id])
      return InvalidArgument("graph input '{}' is defined twice", g.tensor(id).name);
    defined[id] = true;
  }
  loc->tensor = kNoTensor;
  for (const Node& n : g.nodes) {
    ++loc->node;
    const OpInfo& info = GetOpInfo(n.op);
    auto where = NodeWhere(n);
    int nin = static_cast<int>(n.inputs.size());
    if (nin < info.min_inputs || nin > info.max_inputs)
      return InvalidArgument("{}: has {} inputs, expects {} to {}", where, nin,
                             info.min_inputs, info.max_inputs);
    if (static_cast<int>(n.outputs.size()) != info.num_outputs)
      return InvalidArgument("{}: has {} outputs, expects {}", where,
                             n.outputs.size(), info.num_outputs);
    if (!AttrsMatchOp(n))
      return Internal("{}: attribute struct does not belong to the op", where);
    for (int i = 0; i < nin; ++i) {
      TensorId id = n.inputs[i];
      if (id == kNoTensor) {
        if (i < info.min_inputs)
          return InvalidArgument("{}: required input {} is missing", where, i);
        continue;
      }
      if (!in_range(id)) return Internal("{}: input id {} out of range", where, id);
      if (!defined[id])
        return InvalidArgument("{}: input '{}' is used before it is defined",
                               where, g.tensor(id).name);
    }
    for (TensorId id : n.outputs) {
      if (!in_range(id)) return Internal("{}: output id {} out of range", where, id);
      if (defined[id])
        return InvalidArgument("{}: output '{}' is defined twice", where,
                               g.tensor(id).name);
      defined[id] = true;
    }
    auto inferred = InferOutputTypes(g, n);
    if (!inferred.ok()) return inferred.status();
    for (size_t k = 0; k < n.outputs.size(); ++k) {
      const TensorType& want = (*inferred)[k];
      const TensorType& have = g.type(n.outputs[k]);
      if (want.dtype != have.dtype || want.shape != have.shape)
        return InvalidArgument("{}: output '{}' is {}, the op's rule gives {}",
                               where, g.tensor(n.outputs[k]).name,
                               have.ToString(), want.ToString());
    }
  }
  loc->node = -1;
  for (TensorId id : g.outputs) {
    if (!in_range(id)) return Internal("graph output id {} out of range", id);
    loc->tensor = id;
    if (!defined[id])
      return InvalidArgument("graph output '{}' is never defined",
                             g.tensor(id).name);
  }
  return Status::Ok();
}
}  // namespace

Status Verify(const Graph& g, VerifyLocation* where) {
  VerifyLocation loc;
  Status s = VerifyImpl(g, &loc);
  if (where) *where = s.ok() ? VerifyLocation() : loc;
  return s;
}

}  // namespace kiln::ir
