// The memory system of kiln-sim as the harness sees it: L2 and L1 RAM and the
// sim-control peripheral, reached by the RTL through the kiln_mem_access DPI
// call (core ports) and kiln_dma_copy (the cluster DMA). The RTL decides when
// an access happens (kiln_cluster.sv); here every access is immediate.
#ifndef KILN_SIM_TB_MEMORY_H_
#define KILN_SIM_TB_MEMORY_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace kiln::sim {

// The map of docs/sim.md; sim/sw/kiln_sim.h has the same numbers for programs.
constexpr uint32_t kL1Base = 0x10000000;
constexpr uint32_t kL1Size = 64 * 1024;
constexpr uint32_t kSimCtrlBase = 0x1A000000;
constexpr uint32_t kSimCtrlSize = 4096;
constexpr uint32_t kL2Base = 0x1C000000;
constexpr uint32_t kL2Size = 512 * 1024;      // default; --l2-size changes it
constexpr uint32_t kL2MaxSize = 64u << 20;      // 0x1C000000..0x1FFFFFFF

constexpr uint32_t kSimCtrlPutchar = 0x0;
constexpr uint32_t kSimCtrlExit = 0x4;

class Memory {
 public:
  explicit Memory(uint32_t l2_size = kL2Size);

  // Word access from a core port (addr word-aligned, be = byte enables).
  // Returns false on a bus error. Port 2k is core k's instruction port, which
  // may only read RAM; port 2k+1 its data port.
  bool Access(unsigned port, bool we, uint32_t addr, uint8_t be, uint32_t wdata,
              uint32_t* rdata);

  // DMA beat: copies bytes from src to dst, both RAM. False on a bus error.
  bool Copy(uint32_t dst, uint32_t src, uint32_t bytes);

  // Harness access for ELF loading, --load and --dump. False if any byte of
  // [addr, addr+len) is outside RAM.
  bool Write(uint32_t addr, const uint8_t* data, size_t len);
  bool Read(uint32_t addr, uint8_t* data, size_t len) const;

  bool exit_requested() const { return exit_requested_; }
  uint32_t exit_code() const { return exit_code_; }
  void set_output(FILE* out) { out_ = out; }
  // Writes what the cores printed without a final newline (at the end of a run).
  void FlushOutput();

 private:
  // The RAM byte for addr, or nullptr when addr is not RAM.
  uint8_t* Ram(uint32_t addr);
  const uint8_t* Ram(uint32_t addr) const;

  std::vector<uint8_t> l1_;
  std::vector<uint8_t> l2_;
  bool exit_requested_ = false;
  uint32_t exit_code_ = 0;
  FILE* out_ = stdout;
  // Per-core output, line-buffered: core 0's lines as they are, other cores'
  // prefixed "[core k] " (docs/sim.md).
  std::vector<std::string> lines_;
  void Put(unsigned core, char c);
};

// The Memory the DPI calls of the current model go to.
void SetDpiMemory(Memory* memory);

}  // namespace kiln::sim

#endif  // KILN_SIM_TB_MEMORY_H_
