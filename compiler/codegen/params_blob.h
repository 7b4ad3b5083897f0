// A KernelCall's params as the bytes of the C struct they describe, for host
// code that calls runtime kernels with them (eval's EvalLowered, the scratch
// sizes of kernel_scratch.h): int32_t/float fields 4 bytes, int32_t[N] 4N,
// pointers pointer-aligned, the whole padded to its largest alignment — the
// layout of every params struct of the runtime (kernel_call.h).
#pragma once

#include <cstdint>
#include <vector>

#include "compiler/codegen/kernel_call.h"

namespace kiln::codegen {

struct ParamsBlob {
  std::vector<uint8_t> bytes;
  // What pointer fields (kIntArrayPtr) point to; owned here.
  std::vector<std::vector<int32_t>> arrays;
};

// The struct's bytes; `blob->bytes.size()` is its sizeof. The blob must not be
// copied while in use (pointer fields point into `arrays`).
void LayOutParams(const KernelCall& call, ParamsBlob* blob);

}  // namespace kiln::codegen
