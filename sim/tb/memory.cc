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

Memory::Memory(uint32_t l2_size) : l1_(kL1Size, 0), l2_(l2_size, 0) {}

uint8_t* Memory::Ram(uint32_t addr) {
  if (addr - kL2Base < l2_.size()) return &l2_[addr - kL2Base];
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
    if ((port & 1) == 0) return false;
    for (int i = 0; i < 4; ++i) {
      if (be & (1u << i)) p[i] = static_cast<uint8_t>(wdata >> (8 * i));
    }
    return true;
  }
  if ((port & 1) == 1 && addr - kSimCtrlBase < kSimCtrlSize) {
    if (we) {
      const uint32_t offset = addr - kSimCtrlBase;
      if (offset == kSimCtrlPutchar) {
        Put(port >> 1, static_cast<char>(wdata & 0xff));
      } else if (offset == kSimCtrlExit) {
        exit_requested_ = true;
        exit_code_ = wdata;
      }
    }
    return true;
  }
  return false;
}

void Memory::Put(unsigned core, char c) {
  if (core >= lines_.size()) lines_.resize(core + 1);
  std::string& line = lines_[core];
  line.push_back(c);
  if (c != '\n') return;
  if (core != 0) std::fprintf(out_, "[core %u] ", core);
  std::fwrite(line.data(), 1, line.size(), out_);
  line.clear();
}

void Memory::FlushOutput() {
  for (size_t core = 0; core < lines_.size(); ++core) {
    if (lines_[core].empty()) continue;
    if (core != 0) std::fprintf(out_, "[core %zu] ", core);
    std::fwrite(lines_[core].data(), 1, lines_[core].size(), out_);
    lines_[core].clear();
  }
}

bool Memory::Copy(uint32_t dst, uint32_t src, uint32_t bytes) {
  for (uint32_t i = 0; i < bytes; ++i) {
    const uint8_t* s = Ram(src + i);
    uint8_t* d = Ram(dst + i);
    if (s == nullptr || d == nullptr) return false;
    *d = *s;
  }
  return true;
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

// Called by kiln_cluster_periph.sv for each DMA beat; returns 1 on a bus error.
extern "C" svBit kiln_dma_copy(unsigned int dst, unsigned int src,
                               unsigned int bytes) {
  const bool ok = kiln::sim::g_memory != nullptr &&
                  kiln::sim::g_memory->Copy(dst, src, bytes);
  return ok ? 0 : 1;
}
