// Building and simulating pulp firmware (docs/pulp.md): the output folder's
// Makefile, `kiln run` on kiln-sim, and the firmware's size and stack figures.
#pragma once

#include <string>

#include "backends/common/target.h"

namespace kiln::backends {

// The Makefile of a pulp output folder: builds build/<prefix>.elf.
std::string PulpMakefile(const std::string& prefix);

// Builds the ELF (incrementally), writes build/firmware.json (sizes, stack
// bound), runs it on kiln-sim / kiln-sim-8 and writes outputs, dumps and the
// profile (RunRequest::layer_times_json).
Status RunPulp(const RunRequest& r);

// The kiln-sim executable for `cores` (1 or 8): $KILN_SIM_DIR, else the folder
// of the running kiln binary.
StatusOr<std::string> FindKilnSim(int cores);

}  // namespace kiln::backends
