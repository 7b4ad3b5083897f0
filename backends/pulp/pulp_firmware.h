// Size and stack figures of a built pulp ELF (docs/pulp.md, "Firmware totals"),
// from riscv64-unknown-elf-size -A and the disassembly's call graph.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "compiler/support/status.h"

namespace kiln::backends {

// {flash_bytes, ram_total_bytes, sections{name: bytes}, stack{core0_bytes,
// worker_bytes, bounded, root}}: flash = the loaded sections (.text, .rodata,
// .init_array, .data, .tdata); RAM = .data + .tdata + .tbss + .bss (the arena
// is in .bss) + core 0's worst-case stack from `root` + (cores - 1) x the worst
// stack of a forked function.
StatusOr<nlohmann::json> FirmwareStats(const std::string& elf,
                                       const std::string& root, int cores);

}  // namespace kiln::backends
