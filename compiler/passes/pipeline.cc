// The pass registry (one table built from passes.def) and the pass manager.
#include "compiler/passes/pipeline.h"

#include <iterator>

#include "compiler/ir/verifier.h"
#include "compiler/passes/passes.h"

namespace kiln::passes {
namespace {

struct PassInfo {
  const char* name;
  const char* description;
  Status (*fn)(ir::Graph&, const PassOptions&);
  bool opt_in;
};

constexpr PassInfo kPasses[] = {
#define KILN_PASS(fn, name, desc) {name, desc, &fn, false},
#define KILN_OPT_IN_PASS(fn, name, desc) {name, desc, &fn, true},
#include "compiler/passes/passes.def"
#undef KILN_OPT_IN_PASS
#undef KILN_PASS
};

// Whether the default pipeline runs `p` with `opts`.
bool Enabled(const PassInfo& p, const PassOptions& opts) {
  if (!p.opt_in) return true;
  return opts.calibration != nullptr;  // quantize-int8, the only opt-in pass
}

StatusOr<size_t> IndexOf(std::string_view name) {
  for (size_t i = 0; i < std::size(kPasses); ++i)
    if (name == kPasses[i].name) return i;
  return NotFound("unknown pass '{}' (kiln-opt --list-passes lists them)",
                  name);
}

Status RunRange(ir::Graph& g, const PassOptions& opts, size_t begin,
                size_t end);

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

Status RunRange(ir::Graph& g, const PassOptions& opts, size_t begin,
                size_t end) {
  for (size_t i = begin; i < end; ++i)
    if (Enabled(kPasses[i], opts)) KILN_RETURN_IF_ERROR(Run(kPasses[i], g, opts));
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
  return RunRange(g, opts, 0, std::size(kPasses));
}

Status RunPipelineUntil(ir::Graph& g, const PassOptions& opts,
                        std::string_view name) {
  KILN_ASSIGN_OR_RETURN(size_t end, IndexOf(name));
  return RunRange(g, opts, 0, end);
}

Status RunPipelineFrom(ir::Graph& g, const PassOptions& opts,
                       std::string_view name) {
  KILN_ASSIGN_OR_RETURN(size_t begin, IndexOf(name));
  return RunRange(g, opts, begin, std::size(kPasses));
}

std::vector<std::string> DefaultPassNames() {
  std::vector<std::string> names;
  for (const PassInfo& p : kPasses)
    if (!p.opt_in) names.push_back(p.name);
  return names;
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
