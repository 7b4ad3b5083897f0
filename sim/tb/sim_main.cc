// kiln-sim: runs a bare-metal RV32IM ELF on the Verilator model of the kiln
// cluster (KILN_SIM_CORES cores: kiln-sim is built with 1, kiln-sim-8 with 8).
// Loads the ELF, applies --load files at symbols, clocks the model until a core
// writes the sim-control EXIT register, a core traps, the DMA faults or the
// cycle limit, then applies --dump and writes --stats. Exit codes are listed in
// docs/sim.md.
#include <CLI/CLI.hpp>
#include <cinttypes>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "Vkiln_sim_top.h"
#include "sim/tb/elf_loader.h"
#include "sim/tb/memory.h"
#include "verilated.h"

#ifndef KILN_SIM_CORES
#error "KILN_SIM_CORES (the model's NumCores) must be defined"
#endif

namespace kiln::sim {
namespace {

// kiln-sim's own exit codes; any other code is the program's (exit(n) & 0xff).
constexpr int kExitUsage = 2;         // bad arguments, unreadable ELF or file
constexpr int kExitCycleLimit = 124;  // --max-cycles reached
constexpr int kExitTrap = 125;        // illegal instruction, bus error, ...

const char* TrapName(unsigned cause) {
  // Same order as kiln_pkg::trap_cause_e.
  static const char* const kNames[] = {
      "none",
      "illegal instruction",
      "ecall",
      "ebreak",
      "instruction address misaligned",
      "instruction bus error",
      "misaligned load",
      "misaligned store",
      "load bus error",
      "store bus error",
  };
  return cause < sizeof(kNames) / sizeof(kNames[0]) ? kNames[cause] : "unknown";
}

struct LoadSpec {
  std::string file, symbol;
};
struct DumpSpec {
  std::string symbol, file;
  uint32_t bytes = 0;
  uint32_t addr = 0;
};

constexpr int kCores = KILN_SIM_CORES;

// Per-core stall counters, in cycles; docs/sim.md defines each.
struct CoreStats {
  uint64_t instructions = 0;
  uint64_t load_use = 0, branch = 0, jump = 0, mul_div = 0, lsu = 0, fetch = 0;
  uint64_t taken_branches = 0, jumps = 0;
  uint32_t tcdm_conflicts = 0, barrier_waits = 0, dma_waits = 0;
};
struct Stats {
  uint64_t cycles = 0;
  CoreStats core[kCores];
  uint32_t dma_bytes = 0, dma_busy = 0, dma_bank_stalls = 0;
};

// Lane i of a per-core port: Verilator makes NumCores x 32 bits a uint32_t, a
// uint64_t or a VlWide depending on NumCores.
inline uint32_t Lane(uint32_t v, int /*i*/) { return v; }
inline uint32_t Lane(uint64_t v, int i) {
  return static_cast<uint32_t>(v >> (32 * i));
}
template <std::size_t W>
uint32_t Lane(const VlWide<W>& v, int i) {
  return v.at(static_cast<size_t>(i));
}
inline bool Bit(uint64_t v, int i) { return ((v >> i) & 1) != 0; }

bool ParseLoad(const std::string& arg, LoadSpec* spec) {
  const size_t at = arg.rfind('@');
  if (at == std::string::npos || at == 0 || at + 1 == arg.size()) return false;
  spec->file = arg.substr(0, at);
  spec->symbol = arg.substr(at + 1);
  return true;
}

bool ParseDump(const std::string& arg, DumpSpec* spec) {
  const size_t colon = arg.find(':');
  const size_t eq = arg.find('=', colon == std::string::npos ? 0 : colon);
  if (colon == std::string::npos || eq == std::string::npos || colon == 0 ||
      eq == colon + 1 || eq + 1 == arg.size()) {
    return false;
  }
  spec->symbol = arg.substr(0, colon);
  spec->file = arg.substr(eq + 1);
  try {
    size_t used = 0;
    const std::string num = arg.substr(colon + 1, eq - colon - 1);
    const unsigned long v = std::stoul(num, &used, 0);
    if (used != num.size() || v > 0xffffffffUL) return false;
    spec->bytes = static_cast<uint32_t>(v);
  } catch (const std::exception&) {
    return false;
  }
  return true;
}

int Fail(const std::string& message) {
  std::fprintf(stderr, "kiln-sim: %s\n", message.c_str());
  return kExitUsage;
}

struct Options {
  std::string elf, trace, stats;
  uint64_t max_cycles = 1000000000;
  std::vector<std::string> loads, dumps;
  uint32_t stall_seed = 0;
  uint32_t l2_latency = 10, l2_size = kL2Size, dma_width = 8;
};

// Returns -1 to continue, or the exit code (help, or a usage error).
int ParseOptions(int argc, char** argv, Options* opt) {
  CLI::App app{"kiln-sim: cycle-accurate model of a kiln cluster of " +
               std::to_string(kCores) + " RV32IM + Xpulp core(s) (Verilator)"};
  app.add_option("--elf", opt->elf, "program to run (RV32IM ELF)")->required();
  app.add_option("--max-cycles", opt->max_cycles,
                 "stop with exit code 124 after N cycles");
  app.add_option("--trace", opt->trace,
                 "write one line per retired instruction");
  app.add_option("--stats", opt->stats,
                 "write cycle/instruction/stall counters as JSON");
  app.add_option("--load", opt->loads,
                 "FILE@SYMBOL: copy FILE to SYMBOL before the run");
  app.add_option(
      "--dump", opt->dumps,
      "SYMBOL:BYTES=FILE: write BYTES bytes at SYMBOL to FILE after the run");
  app.add_option(
      "--random-stalls", opt->stall_seed,
      "SEED (non-zero): random grant and response wait states on both "
      "memory ports, to test the core under a stalling interconnect");
  app.add_option("--l2-latency", opt->l2_latency,
                 "extra cycles of a core's L2 access and of each DMA command "
                 "(default 10)")
      ->check(CLI::Range(0, 200));
  app.add_option("--l2-size", opt->l2_size,
                 "L2 bytes at 0x1C000000 (default 512 KiB, at most 64 MiB)")
      ->check(CLI::Range(4096u, kL2MaxSize));
  app.add_option("--dma-width", opt->dma_width,
                 "DMA bytes per cycle: 4, 8, 16, 32 or 64 (default 8)")
      ->check(CLI::IsMember({4, 8, 16, 32, 64}));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : kExitUsage;
  }
  if (opt->l2_size % 4 != 0) {
    std::fprintf(stderr, "kiln-sim: --l2-size must be a multiple of 4\n");
    return kExitUsage;
  }
  return -1;
}

std::string Hex(uint32_t v) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "0x%08x", v);
  return buf;
}

// Puts the ELF's segments and the --load files into memory and checks the
// --dump specifications. Returns an error message, empty on success.
std::string LoadProgram(const Options& opt, const ElfImage& elf, Memory* memory,
                        std::vector<DumpSpec>* dumps) {
  for (const ElfSegment& seg : elf.segments) {
    std::vector<uint8_t> bytes = seg.bytes;
    bytes.resize(seg.mem_size, 0);
    if (!memory->Write(seg.vaddr, bytes.data(), bytes.size())) {
      return "ELF segment at " + Hex(seg.vaddr) + " is outside RAM";
    }
  }
  for (const std::string& arg : opt.loads) {
    LoadSpec spec;
    if (!ParseLoad(arg, &spec)) return "--load expects FILE@SYMBOL, got " + arg;
    auto sym = elf.FindSymbol(spec.symbol);
    if (!sym) return "--load: no symbol " + spec.symbol;
    std::ifstream in(spec.file, std::ios::binary);
    if (!in) return "--load: cannot read " + spec.file;
    std::vector<uint8_t> data((std::istreambuf_iterator<char>(in)),
                              std::istreambuf_iterator<char>());
    if (sym->size != 0 && data.size() > sym->size) {
      return "--load: " + spec.file + " (" + std::to_string(data.size()) +
             " bytes) does not fit " + spec.symbol + " (" +
             std::to_string(sym->size) + " bytes)";
    }
    if (!memory->Write(sym->addr, data.data(), data.size())) {
      return "--load: " + spec.symbol + " is outside RAM";
    }
  }
  for (const std::string& arg : opt.dumps) {
    DumpSpec spec;
    if (!ParseDump(arg, &spec)) {
      return "--dump expects SYMBOL:BYTES=FILE, got " + arg;
    }
    auto sym = elf.FindSymbol(spec.symbol);
    if (!sym) return "--dump: no symbol " + spec.symbol;
    if (sym->size != 0 && spec.bytes > sym->size) {
      return "--dump: " + std::to_string(spec.bytes) + " bytes exceed " +
             spec.symbol + " (" + std::to_string(sym->size) + " bytes)";
    }
    spec.addr = sym->addr;
    dumps->push_back(spec);
  }
  return "";
}

// The Verilator model plus the per-cycle bookkeeping: stall counters and trace.
class Simulator {
 public:
  Simulator(uint32_t boot_addr, const Options& opt, FILE* trace)
      : top_(std::make_unique<Vkiln_sim_top>(&context_)),
        stall_state_(opt.stall_seed),
        trace_(trace) {
    top_->boot_addr_i = boot_addr;
    top_->l2_latency_i = static_cast<uint8_t>(opt.l2_latency);
    top_->dma_width_i = static_cast<uint8_t>(opt.dma_width);
    top_->imem_gnt_en_i = 1;
    top_->imem_delay_i = 0;
    top_->dmem_gnt_en_i = 1;
    top_->dmem_delay_i = 0;
    // An explicit falling edge: the flops have asynchronous active-low resets.
    top_->clk_i = 0;
    top_->rst_ni = 1;
    top_->eval();
    top_->rst_ni = 0;
    top_->eval();
    top_->rst_ni = 1;
    top_->eval();
  }
  ~Simulator() { top_->final(); }

  // Clocks the model until the program exits, a core traps, the DMA faults, or
  // max_cycles.
  void Run(const Memory& memory, uint64_t max_cycles) {
    while (stats_.cycles < max_cycles) {
      Cycle();
      if (memory.exit_requested() || top_->trap_o || top_->dma_err_o) break;
    }
    for (int c = 0; c < kCores; ++c) {
      CoreStats& st = stats_.core[c];
      st.tcdm_conflicts = Lane(top_->tcdm_conflicts_o, c);
      st.barrier_waits = Lane(top_->barrier_waits_o, c);
      st.dma_waits = Lane(top_->dma_waits_o, c);
    }
    stats_.dma_bytes = top_->dma_bytes_o;
    stats_.dma_busy = top_->dma_busy_o;
    stats_.dma_bank_stalls = top_->dma_bank_stalls_o;
  }

  const Stats& stats() const { return stats_; }
  const Vkiln_sim_top& top() const { return *top_; }

 private:
  // One clock cycle. The combinational outputs sampled before the rising edge
  // describe what the core does in this cycle.
  void Cycle() {
    if (stall_state_ != 0) RandomizeWaitStates();
    Count();
    if (trace_ != nullptr) Trace();
    top_->clk_i = 1;
    top_->eval();
    top_->clk_i = 0;
    top_->eval();
    ++stats_.cycles;
  }

  void RandomizeWaitStates() {
    // xorshift32: grants withheld 1/4 of the time, responses 0-2 cycles late.
    uint32_t& s = stall_state_;
    s ^= s << 13;
    s ^= s >> 17;
    s ^= s << 5;
    top_->imem_gnt_en_i = (s & 3) != 0;
    top_->imem_delay_i = (s >> 2) % 3;
    top_->dmem_gnt_en_i = ((s >> 4) & 3) != 0;
    top_->dmem_delay_i = (s >> 6) % 3;
  }

  void Count() {
    const uint64_t empty = top_->ev_ex_empty_o, load_use = top_->ev_load_use_o,
                   mul_div = top_->ev_muldiv_o, lsu = top_->ev_lsu_o,
                   retire = top_->retire_o, taken = top_->ev_branch_taken_o,
                   jump = top_->ev_jump_o;
    for (int c = 0; c < kCores; ++c) {
      CoreStats& st = stats_.core[c];
      Bubble& bubble = bubble_[c];
      if (Bit(empty, c)) {
        // An empty EX is charged to the redirect that emptied it, if any.
        if (bubble == Bubble::kBranch) {
          ++st.branch;
        } else if (bubble == Bubble::kJump) {
          ++st.jump;
        } else {
          ++st.fetch;
        }
      } else {
        bubble = Bubble::kFetch;
      }
      st.load_use += Bit(load_use, c);
      st.mul_div += Bit(mul_div, c);
      st.lsu += Bit(lsu, c);
      st.instructions += Bit(retire, c);
      if (Bit(taken, c)) {
        ++st.taken_branches;
        bubble = Bubble::kBranch;
      }
      if (Bit(jump, c)) {
        ++st.jumps;
        bubble = Bubble::kJump;
      }
    }
  }

  // With more than one core, each line starts with "<core>: ".
  void TracePrefix(int c) {
    if (kCores > 1) std::fprintf(trace_, "%d: ", c);
    std::fprintf(trace_, "%" PRIu64, stats_.cycles);
  }

  void Trace() {
    for (int c = 0; c < kCores; ++c) {
      if (Bit(top_->retire_o, c)) {
        TracePrefix(c);
        std::fprintf(trace_, " %08x %08x", Lane(top_->retire_pc_o, c),
                     Lane(top_->retire_instr_o, c));
        if (Bit(top_->rf_we_ex_o, c)) {
          std::fprintf(trace_, " x%u=%08x", Lane(top_->rf_waddr_ex_o, c),
                       Lane(top_->rf_wdata_ex_o, c));
        }
        std::fputc('\n', trace_);
      }
      if (Bit(top_->rf_we_wb_o, c)) {
        TracePrefix(c);
        std::fprintf(trace_, " load x%u=%08x\n", Lane(top_->rf_waddr_wb_o, c),
                     Lane(top_->rf_wdata_wb_o, c));
      }
    }
  }

  VerilatedContext context_;
  std::unique_ptr<Vkiln_sim_top> top_;
  uint32_t stall_state_;
  FILE* trace_;
  Stats stats_;
  enum class Bubble { kFetch, kBranch, kJump };
  Bubble bubble_[kCores] = {};
};

std::string WriteDumps(const Memory& memory,
                       const std::vector<DumpSpec>& dumps) {
  for (const DumpSpec& d : dumps) {
    std::vector<uint8_t> bytes(d.bytes);
    if (!memory.Read(d.addr, bytes.data(), bytes.size())) {
      return "--dump: " + d.symbol + " is outside RAM";
    }
    std::ofstream out(d.file, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()),
              static_cast<std::streamsize>(bytes.size()));
    if (!out) return "--dump: cannot write " + d.file;
  }
  return "";
}

nlohmann::json CoreJson(const CoreStats& st) {
  nlohmann::json j;
  j["instructions"] = st.instructions;
  j["stalls"] = {{"load_use", st.load_use}, {"branch", st.branch},
                 {"jump", st.jump},         {"mul_div", st.mul_div},
                 {"lsu", st.lsu},           {"fetch", st.fetch}};
  j["events"] = {{"taken_branches", st.taken_branches}, {"jumps", st.jumps}};
  j["cluster"] = {{"tcdm_conflicts", st.tcdm_conflicts},
                  {"barrier_waits", st.barrier_waits},
                  {"dma_waits", st.dma_waits}};
  return j;
}

// Core 0's counters at the top level (as for one core), every core's in
// "cores", the DMA's in "dma".
std::string WriteStats(const std::string& path, const Stats& st,
                       const Options& opt, int rc) {
  nlohmann::json j = CoreJson(st.core[0]);
  j["cycles"] = st.cycles;
  j["exit_code"] = rc;
  j["num_cores"] = kCores;
  j["config"] = {{"l2_latency", opt.l2_latency},
                 {"l2_size", opt.l2_size},
                 {"dma_width", opt.dma_width}};
  nlohmann::json cores = nlohmann::json::array();
  for (int c = 0; c < kCores; ++c) cores.push_back(CoreJson(st.core[c]));
  j["cores"] = cores;
  j["dma"] = {{"bytes", st.dma_bytes},
              {"busy_cycles", st.dma_busy},
              {"bank_stalls", st.dma_bank_stalls}};
  std::ofstream out(path);
  out << j.dump(2) << "\n";
  return out ? "" : "cannot write " + path;
}

int Run(int argc, char** argv) {
  Options opt;
  if (const int rc = ParseOptions(argc, argv, &opt); rc >= 0) return rc;

  std::string error;
  std::optional<ElfImage> elf = LoadElf(opt.elf, &error);
  if (!elf) return Fail(error);
  Memory memory(opt.l2_size);
  std::vector<DumpSpec> dumps;
  error = LoadProgram(opt, *elf, &memory, &dumps);
  if (!error.empty()) return Fail(error);

  FILE* trace = nullptr;
  if (!opt.trace.empty()) {
    trace = std::fopen(opt.trace.c_str(), "w");
    if (trace == nullptr) return Fail("cannot write " + opt.trace);
  }
  SetDpiMemory(&memory);
  Simulator sim(elf->entry, opt, trace);
  sim.Run(memory, opt.max_cycles);
  memory.FlushOutput();
  std::fflush(stdout);
  if (trace != nullptr) std::fclose(trace);

  int rc = 0;
  const Vkiln_sim_top& top = sim.top();
  if (memory.exit_requested()) {
    rc = static_cast<int>(memory.exit_code() & 0xff);
    error = WriteDumps(memory, dumps);
    if (!error.empty()) return Fail(error);
  } else if (top.trap_o) {
    // The lowest-numbered core that trapped; "on core k" for k > 0.
    int c = 0;
    while (!Bit(top.trap_o, c)) ++c;
    const std::string where =
        c == 0 ? "" : " on core " + std::to_string(c);
    std::fprintf(stderr,
                 "kiln-sim: trap%s: %s at pc=0x%08x instr=0x%08x addr=0x%08x "
                 "(cycle %" PRIu64 ")\n",
                 where.c_str(), TrapName(Lane(top.trap_cause_o, c)),
                 Lane(top.trap_pc_o, c), Lane(top.trap_instr_o, c),
                 Lane(top.trap_addr_o, c), sim.stats().cycles);
    rc = kExitTrap;
  } else if (top.dma_err_o) {
    std::fprintf(stderr,
                 "kiln-sim: DMA bus error: a beat to addr=0x%08x has its source "
                 "or destination outside RAM (cycle %" PRIu64 ")\n",
                 top.dma_err_addr_o, sim.stats().cycles);
    rc = kExitTrap;
  } else {
    std::fprintf(stderr, "kiln-sim: cycle limit of %" PRIu64 " reached\n",
                 opt.max_cycles);
    rc = kExitCycleLimit;
  }
  if (!opt.stats.empty()) {
    error = WriteStats(opt.stats, sim.stats(), opt, rc);
    if (!error.empty()) return Fail(error);
  }
  return rc;
}

}  // namespace
}  // namespace kiln::sim

int main(int argc, char** argv) { return kiln::sim::Run(argc, argv); }
