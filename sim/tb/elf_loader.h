// Reads a 32-bit little-endian RISC-V ELF executable: its loadable segments,
// entry point and symbol table. Parsed here (no libelf) because kiln-sim needs
// so little.
#ifndef KILN_SIM_TB_ELF_LOADER_H_
#define KILN_SIM_TB_ELF_LOADER_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kiln::sim {

struct ElfSegment {
  uint32_t vaddr = 0;
  std::vector<uint8_t> bytes;  // file contents
  uint32_t mem_size = 0;       // >= bytes.size(); the rest is zero-filled
};

struct ElfSymbol {
  uint32_t addr = 0;
  uint32_t size = 0;
};

struct ElfImage {
  uint32_t entry = 0;
  std::vector<ElfSegment> segments;
  std::map<std::string, ElfSymbol> symbols;

  std::optional<ElfSymbol> FindSymbol(const std::string& name) const;
};

// Parses `path`. On failure returns std::nullopt and sets `error`.
std::optional<ElfImage> LoadElf(const std::string& path, std::string* error);

}  // namespace kiln::sim

#endif  // KILN_SIM_TB_ELF_LOADER_H_
