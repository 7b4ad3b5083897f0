// pulp target: int8 firmware for the simulated PULP cluster (docs/pulp.md). The
// lowering calls kiln_<base>_pulp for every kernel of runtime/kernels/pulp/
// kernels.def and the reference kernel (on core 0) for the others; weights
// (.rodata) and the arena (.bss) live in L2. The output folder gets the
// runtime, the bare-metal support of sim/sw and a Makefile that builds the ELF;
// `kiln run` (pulp_run.cc) builds and simulates it.
#include "backends/pulp/pulp_target.h"

#include <fmt/format.h>

#include "backends/pulp/pulp_run.h"
#include "compiler/ir/op_rules.h"

namespace kiln::backends {
namespace {

// The L2 left for code, weights, data and the arena: link.ld's 512 KiB minus
// the stacks at its top (64 KiB for core 0, 4 KiB for each of 7 more cores).
constexpr int64_t kL2Bytes = 512 * 1024;
constexpr int64_t kStackBytes = 64 * 1024 + 7 * 4 * 1024;

Status CheckPulp(const ir::Graph& g, const codegen::EmitResult& e) {
  bool any_int8 = false;
  for (const ir::Node& n : g.nodes)
    any_int8 |= ir::NodePrecision(g, n) == ir::Precision::kInt8;
  for (size_t i = 0; i < g.nodes.size(); ++i) {
    const ir::Node& n = g.nodes[i];
    if (ir::NodePrecision(g, n) != ir::Precision::kFloat) continue;
    // Views, copies, transposes, slices and concats only move bytes: they need
    // no FPU, and inside an int8 model they sit between a dequantize and a
    // quantize of the same grid (e.g. the NHWC->NCHW transpose before a
    // Flatten). Every other float op computes in float and is refused.
    const std::string& k =
        i < e.layers.size() ? e.layers[i].kernel : std::string();
    if (k == "(view)" || k == "memcpy" || k == "kiln_transpose_f32_ref" ||
        k == "kiln_slice_f32_ref" || k == "kiln_concat_f32_ref")
      continue;
    if (any_int8)
      return Unimplemented(
          "{} stays in float after --quantize int8 (kiln has no int8 kernel "
          "for this op "
          "here); the pulp target has no FPU, so every layer must be int8",
          ir::NodeWhere(n));
    return Unimplemented(
        "{} is float; the pulp target has no FPU: compile with --quantize int8 "
        "--calibration DIR",
        ir::NodeWhere(n));
  }
  int64_t need = e.weight_bytes + g.arena_bytes;
  if (need > kL2Bytes - kStackBytes)
    return InvalidArgument(
        "weights ({} bytes) and arena ({} bytes) need {} bytes, more than the "
        "{} bytes "
        "of L2 left for code and data on pulp (512 KiB minus {} bytes of "
        "stacks)",
        e.weight_bytes, g.arena_bytes, need, kL2Bytes - kStackBytes,
        kStackBytes);
  return Status::Ok();
}

std::map<std::string, std::string> PulpFiles(const std::string& prefix) {
  return {{"Makefile", PulpMakefile(prefix)}};
}

}  // namespace

const Target& PulpTarget() {
  static const Target t = [] {
    Target x;
    x.name = "pulp";
    x.description =
        "PULP cluster of kiln-sim (RV32IM + Xpulp, 8 cores), int8 only";
    x.emit.target = "pulp";
    x.emit.lower.impl = "ref";
    x.emit.kernel_impl = "pulp";
#define KILN_PULP_KERNEL(base) x.emit.kernel_impl_bases.insert(#base);
#include "runtime/kernels/pulp/kernels.def"
#undef KILN_PULP_KERNEL
    x.run = RunPulp;
    x.check = CheckPulp;
    x.extra_files = PulpFiles;
    x.runtime_dirs = {"runtime/include/",       "runtime/kernels/",
                      "runtime/platform/pulp/", "sim/sw/crt0.S",
                      "sim/sw/link.ld",         "sim/sw/io_sim.c",
                      "sim/sw/kiln_sim.h"};
    return x;
  }();
  return t;
}

}  // namespace kiln::backends
