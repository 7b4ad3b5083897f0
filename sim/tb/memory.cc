// Memory model and DPI entry point of kiln-sim (see memory.h). RAM answers
// every access in one cycle; anything else outside the map is a bus error.
#include "sim/tb/memory.h"

#include <cstring>

#include "svdpi.h"

namespace kiln::sim {
namespace {
Memory* g_memory = nullptr;
}  // namespace

void SetDpiMemory(Memory* memory) { g_memory = memory; }

Memory::Memory() : l1_(kL1Size, 0), l2_(kL2Size, 0) {}

uint8_t* Memory::Ram(uint32_t addr) {
  if (addr - kL2Base < kL2Size) return &l2_[addr - kL2Base];
  if (addr - kL1Base < kL1Size) return &l1_[addr - kL1Base];
  return nullptr;
}

const uint8_t* Memory::Ram(uint32_t addr) const {
  return const_cast<Memory*>(this)->Ram(addr);
}

bool Memory::Access(unsigned port, bool we, uint32_t addr, uint8_t be,
                    uint32_t wdata, uint32_t* rdata) {
  *rdata = 0;
  // RAM regions are multiples of 4 bytes, so a word either fits or does not.
  if (uint8_t* p = Ram(addr)) {
    if (!we) {
      std::memcpy(rdata, p, 4);  // the host is little-endian like RISC-V
      return true;
    }
    if (port == 0) return false;
    for (int i = 0; i < 4; ++i) {
      if (be & (1u << i)) p[i] = static_cast<uint8_t>(wdata >> (8 * i));
    }
    return true;
  }
  if (port == 1 && addr - kSimCtrlBase < kSimCtrlSize) {
    if (we) {
      const uint32_t offset = addr - kSimCtrlBase;
      if (offset == kSimCtrlPutchar) {
        std::fputc(static_cast<int>(wdata & 0xff), out_);
      } else if (offset == kSimCtrlExit) {
        exit_requested_ = true;
        exit_code_ = wdata;
      }
    }
    return true;
  }
  return false;
}

bool Memory::Write(uint32_t addr, const uint8_t* data, size_t len) {
  for (size_t i = 0; i < len; ++i) {
    uint8_t* p = Ram(static_cast<uint32_t>(addr + i));
    if (p == nullptr) return false;
    *p = data[i];
  }
  return true;
}

bool Memory::Read(uint32_t addr, uint8_t* data, size_t len) const {
  for (size_t i = 0; i < len; ++i) {
    const uint8_t* p = Ram(static_cast<uint32_t>(addr + i));
    if (p == nullptr) return false;
    data[i] = *p;
  }
  return true;
}

}  // namespace kiln::sim

// Called by kiln_dpi_mem.sv at the clock edge that accepts a request.
extern "C" svBit kiln_mem_access(unsigned int port, svBit we, unsigned int addr,
                                 unsigned char be, unsigned int wdata,
                                 unsigned int* rdata) {
  const bool ok =
      kiln::sim::g_memory != nullptr &&
      kiln::sim::g_memory->Access(port, we != 0, addr, be, wdata, rdata);
  return ok ? 0 : 1;
}
