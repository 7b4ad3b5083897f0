// What the driver needs to know about a code-generation target: how its kernels are
// named, where weights go, and how `kiln run` builds and runs the emitted code.
#pragma once

#include <string>
#include <vector>

#include "compiler/codegen/emit_cpp.h"
#include "compiler/support/status.h"

namespace kiln::backends {

struct RunRequest {
  std::string dir;                   // the compiled model folder
  std::string model_prefix;          // C prefix of the model's symbols
  std::vector<std::string> inputs;   // .npy per input, groups of num_inputs per run
  std::vector<std::string> outputs;  // .npy per output, groups per run
  std::string layer_times_json;      // if set: per-layer timing written here
  bool quiet = false;                // no build output
  // Batch mode: one .npy per input holding N samples ([N, ...shape]), one per
  // output receiving N; dump_dir (if set) gets every layer's output bytes of
  // the first dump_samples samples (`kiln validate --quantize`).
  bool batch = false;
  std::string dump_dir;
  int64_t dump_samples = 0;
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
};

}  // namespace kiln::backends
