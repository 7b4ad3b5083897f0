// The pulp target: int8 firmware for the PULP cluster of kiln-sim
// (docs/pulp.md).
#pragma once

#include "backends/common/target.h"

namespace kiln::backends {

const Target& PulpTarget();

}  // namespace kiln::backends
