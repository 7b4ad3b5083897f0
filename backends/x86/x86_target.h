// The x86 (host) target: reference kernels, native build with the host C++ compiler.
#pragma once

#include "backends/common/target.h"

namespace kiln::backends {

const Target& X86Target();

}  // namespace kiln::backends
