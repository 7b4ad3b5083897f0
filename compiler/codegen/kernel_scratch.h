// Kernel scratch sizes from the runtime itself: the compiler links the
// reference kernels and calls kiln_<kernel>_scratch_bytes on the params struct
// a KernelCall describes, so what plan-memory reserves is exactly what the
// kernel will use (no second copy of any formula in the compiler).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "compiler/codegen/kernel_call.h"
#include "compiler/support/status.h"

namespace kiln::codegen {

// Scratch bytes of `call` (kind kKernel). A kernel of another implementation
// (kiln_conv2d_s8_pulp) is sized by its reference twin (kiln_conv2d_s8_ref),
// whose signature and params it shares. Internal for a kernel missing from
// ref_kernels.def or params whose layout is not its struct's size.
StatusOr<int64_t> KernelScratchBytes(const KernelCall& call);

// Whether ref_kernels.def lists `name` (kiln_<base>_ref): the lowerings pick
// typed kernels (kiln_pow_f32_i64_ref) by asking.
bool HasRefKernel(const std::string& name);

// The kernels of ref_kernels.def (kiln_<base>_ref), for tests.
std::vector<std::string> ScratchSizedKernels();

}  // namespace kiln::codegen
