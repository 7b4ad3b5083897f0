// What the driver needs to know about a code-generation target: how its kernels are
// named, where weights go, and how `kiln run` builds and runs the emitted code.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "compiler/codegen/emit_cpp.h"
#include "compiler/ir/graph.h"
#include "compiler/support/status.h"

namespace kiln::backends {

struct RunRequest {
  std::string dir;                   // the compiled model folder
  std::string model_prefix;          // C prefix of the model's symbols
  std::vector<std::string> inputs;   // .npy per input, groups of num_inputs per run
  std::vector<std::string> outputs;  // .npy per output, groups per run
  std::string layer_times_json;      // if set: per-layer profile written here (x86:
                                     // layer_us; pulp: cycles, layer_cycles, stack)
  bool quiet = false;                // no build output
  // Batch mode: one .npy per input holding N samples ([N, ...shape]), one per
  // output receiving N; dump_dir (if set) gets every layer's output bytes of
  // the first dump_samples samples (`kiln validate --quantize`).
  bool batch = false;
  std::string dump_dir;
  int64_t dump_samples = 0;
  // Simulated targets: cluster cores to simulate (pulp: 1 or 8).
  int cores = 8;
};

struct Target {
  std::string name;
  std::string description;
  codegen::EmitOptions emit;  // lowering impl, weight placement
  // Builds (incrementally) and runs the emitted code; outputs land in the files
  // of the request. Empty for targets without a runner yet.
  Status (*run)(const RunRequest&) = nullptr;
  // Runtime files this target needs in the output folder (prefixes of bundle
  // paths, e.g. "runtime/include/", "runtime/kernels/ref/").
  std::vector<std::string> runtime_dirs;
  // Refuses a planned graph the target cannot run (e.g. float nodes on a core
  // without FPU), naming the node; null: every graph is accepted.
  Status (*check)(const ir::Graph& g, const codegen::EmitResult& emitted) = nullptr;
  // Extra files of the output folder (relative path -> contents), e.g. the
  // firmware Makefile; null: none.
  std::map<std::string, std::string> (*extra_files)(const std::string& model_prefix) =
      nullptr;
};

}  // namespace kiln::backends
