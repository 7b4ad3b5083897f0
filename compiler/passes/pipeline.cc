// The pass registry (one table built from passes.def) and the pass manager.
#include "compiler/passes/pipeline.h"

#include "compiler/ir/verifier.h"
#include "compiler/passes/passes.h"

namespace kiln::passes {
namespace {

struct PassInfo {
  const char* name;
  const char* description;
  Status (*fn)(ir::Graph&, const PassOptions&);
};

constexpr PassInfo kPasses[] = {
#define KILN_PASS(fn, name, desc) {name, desc, &fn},
#include "compiler/passes/passes.def"
#undef KILN_PASS
};

Status Run(const PassInfo& p, ir::Graph& g, const PassOptions& opts) {
  KILN_RETURN_IF_ERROR(
      p.fn(g, opts).WithContext(std::string("in pass '") + p.name + "'"));
  if (!opts.verify_each) return Status::Ok();
  Status v = ir::Verify(g);
  if (!v.ok())
    // The input verified, so a failure here is a bug in the pass.
    return Internal("pass '{}' produced an invalid graph: {}", p.name,
                    v.message());
  return Status::Ok();
}

}  // namespace

Status RunPass(std::string_view name, ir::Graph& g, const PassOptions& opts) {
  for (const PassInfo& p : kPasses)
    if (name == p.name) return Run(p, g, opts);
  return NotFound("unknown pass '{}' (kiln-opt --list-passes lists them)",
                  name);
}

Status RunDefaultPipeline(ir::Graph& g, const PassOptions& opts) {
  for (const PassInfo& p : kPasses) KILN_RETURN_IF_ERROR(Run(p, g, opts));
  return Status::Ok();
}

std::vector<std::string> PassNames() {
  std::vector<std::string> names;
  for (const PassInfo& p : kPasses) names.push_back(p.name);
  return names;
}

std::string PassDescription(std::string_view name) {
  for (const PassInfo& p : kPasses)
    if (name == p.name) return p.description;
  return "";
}

}  // namespace kiln::passes
