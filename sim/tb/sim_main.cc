// kiln-sim: runs a bare-metal RV32IM ELF on the Verilator model of the kiln
// core. Loads the ELF, applies --load files at symbols, clocks the model until
// the program writes the sim-control EXIT register, a trap or the cycle limit,
// then applies --dump and writes --stats. Exit codes are listed in docs/sim.md.
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
};

// Stall counters, in cycles; docs/sim.md defines each.
struct Stats {
  uint64_t cycles = 0, instructions = 0;
  uint64_t load_use = 0, branch = 0, jump = 0, mul_div = 0, lsu = 0, fetch = 0;
  uint64_t taken_branches = 0, jumps = 0;
};

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

int Run(int argc, char** argv) {
  CLI::App app{"kiln-sim: cycle-accurate RV32IM core model (Verilator)"};
  std::string elf_path, trace_path, stats_path;
  uint64_t max_cycles = 1000000000;
  std::vector<std::string> load_args, dump_args;
  uint32_t stall_seed = 0;
  app.add_option("--elf", elf_path, "program to run (RV32IM ELF)")->required();
  app.add_option("--max-cycles", max_cycles,
                 "stop with exit code 124 after N cycles");
  app.add_option("--trace", trace_path,
                 "write one line per retired instruction");
  app.add_option("--stats", stats_path,
                 "write cycle/instruction/stall counters as JSON");
  app.add_option("--load", load_args,
                 "FILE@SYMBOL: copy FILE to SYMBOL before the run");
  app.add_option(
      "--dump", dump_args,
      "SYMBOL:BYTES=FILE: write BYTES bytes at SYMBOL to FILE after the run");
  app.add_option(
      "--random-stalls", stall_seed,
      "SEED (non-zero): random grant and response wait states on both "
      "memory ports, to test the core under a stalling interconnect");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : kExitUsage;
  }

  std::string error;
  std::optional<ElfImage> elf = LoadElf(elf_path, &error);
  if (!elf) return Fail(error);

  Memory memory;
  for (const ElfSegment& seg : elf->segments) {
    std::vector<uint8_t> bytes = seg.bytes;
    bytes.resize(seg.mem_size, 0);
    if (!memory.Write(seg.vaddr, bytes.data(), bytes.size())) {
      return Fail("ELF segment at 0x" + std::to_string(seg.vaddr) +
                  " is outside RAM");
    }
  }

  for (const std::string& arg : load_args) {
    LoadSpec spec;
    if (!ParseLoad(arg, &spec))
      return Fail("--load expects FILE@SYMBOL, got " + arg);
    auto sym = elf->FindSymbol(spec.symbol);
    if (!sym) return Fail("--load: no symbol " + spec.symbol);
    std::ifstream in(spec.file, std::ios::binary);
    if (!in) return Fail("--load: cannot read " + spec.file);
    std::vector<uint8_t> data((std::istreambuf_iterator<char>(in)),
                              std::istreambuf_iterator<char>());
    if (sym->size != 0 && data.size() > sym->size) {
      return Fail("--load: " + spec.file + " (" + std::to_string(data.size()) +
                  " bytes) does not fit " + spec.symbol + " (" +
                  std::to_string(sym->size) + " bytes)");
    }
    if (!memory.Write(sym->addr, data.data(), data.size())) {
      return Fail("--load: " + spec.symbol + " is outside RAM");
    }
  }
  std::vector<DumpSpec> dumps;
  for (const std::string& arg : dump_args) {
    DumpSpec spec;
    if (!ParseDump(arg, &spec)) {
      return Fail("--dump expects SYMBOL:BYTES=FILE, got " + arg);
    }
    auto sym = elf->FindSymbol(spec.symbol);
    if (!sym) return Fail("--dump: no symbol " + spec.symbol);
    if (sym->size != 0 && spec.bytes > sym->size) {
      return Fail("--dump: " + std::to_string(spec.bytes) + " bytes exceed " +
                  spec.symbol + " (" + std::to_string(sym->size) + " bytes)");
    }
    dumps.push_back(spec);
  }

  FILE* trace = nullptr;
  if (!trace_path.empty()) {
    trace = std::fopen(trace_path.c_str(), "w");
    if (trace == nullptr) return Fail("cannot write " + trace_path);
  }

  SetDpiMemory(&memory);
  auto context = std::make_unique<VerilatedContext>();
  auto top = std::make_unique<Vkiln_sim_top>(context.get());
  top->boot_addr_i = elf->entry;
  top->imem_gnt_en_i = 1;
  top->imem_delay_i = 0;
  top->dmem_gnt_en_i = 1;
  top->dmem_delay_i = 0;
  uint32_t stall_state = stall_seed;
  // An explicit falling edge: the flops have asynchronous active-low resets.
  top->clk_i = 0;
  top->rst_ni = 1;
  top->eval();
  top->rst_ni = 0;
  top->eval();
  top->rst_ni = 1;
  top->eval();

  // Each iteration is one clock cycle: the combinational outputs sampled before
  // the rising edge describe what the core does in that cycle.
  Stats st;
  enum class Bubble { kFetch, kBranch, kJump } bubble = Bubble::kFetch;
  while (st.cycles < max_cycles) {
    if (stall_state != 0) {
      // xorshift32: grants withheld 1/4 of the time, responses 0-2 cycles late.
      stall_state ^= stall_state << 13;
      stall_state ^= stall_state >> 17;
      stall_state ^= stall_state << 5;
      top->imem_gnt_en_i = (stall_state & 3) != 0;
      top->imem_delay_i = (stall_state >> 2) % 3;
      top->dmem_gnt_en_i = ((stall_state >> 4) & 3) != 0;
      top->dmem_delay_i = (stall_state >> 6) % 3;
    }
    if (top->ev_ex_empty_o) {
      if (bubble == Bubble::kBranch)
        ++st.branch;
      else if (bubble == Bubble::kJump)
        ++st.jump;
      else
        ++st.fetch;
    } else {
      bubble = Bubble::kFetch;
    }
    st.load_use += top->ev_load_use_o;
    st.mul_div += top->ev_muldiv_o;
    st.lsu += top->ev_lsu_o;
    if (top->ev_branch_taken_o) {
      ++st.taken_branches;
      bubble = Bubble::kBranch;
    }
    if (top->ev_jump_o) {
      ++st.jumps;
      bubble = Bubble::kJump;
    }
    if (top->retire_o) {
      ++st.instructions;
      if (trace != nullptr) {
        std::fprintf(trace, "%" PRIu64 " %08x %08x", st.cycles,
                     top->retire_pc_o, top->retire_instr_o);
        if (top->rf_we_ex_o) {
          std::fprintf(trace, " x%u=%08x", top->rf_waddr_ex_o,
                       top->rf_wdata_ex_o);
        }
        std::fputc('\n', trace);
      }
    }
    if (trace != nullptr && top->rf_we_wb_o) {
      std::fprintf(trace, "%" PRIu64 " load x%u=%08x\n", st.cycles,
                   top->rf_waddr_wb_o, top->rf_wdata_wb_o);
    }

    top->clk_i = 1;
    top->eval();
    top->clk_i = 0;
    top->eval();
    ++st.cycles;
    if (memory.exit_requested() || top->trap_o) break;
  }
  std::fflush(stdout);
  if (trace != nullptr) std::fclose(trace);

  int rc = 0;
  if (memory.exit_requested()) {
    rc = static_cast<int>(memory.exit_code() & 0xff);
    for (const DumpSpec& d : dumps) {
      const ElfSymbol sym = *elf->FindSymbol(d.symbol);
      std::vector<uint8_t> bytes(d.bytes);
      if (!memory.Read(sym.addr, bytes.data(), bytes.size())) {
        return Fail("--dump: " + d.symbol + " is outside RAM");
      }
      std::ofstream out(d.file, std::ios::binary);
      out.write(reinterpret_cast<const char*>(bytes.data()),
                static_cast<std::streamsize>(bytes.size()));
      if (!out) return Fail("--dump: cannot write " + d.file);
    }
  } else if (top->trap_o) {
    std::fprintf(stderr,
                 "kiln-sim: trap: %s at pc=0x%08x instr=0x%08x addr=0x%08x "
                 "(cycle %" PRIu64 ")\n",
                 TrapName(top->trap_cause_o), top->trap_pc_o, top->trap_instr_o,
                 top->trap_addr_o, st.cycles);
    rc = kExitTrap;
  } else {
    std::fprintf(stderr, "kiln-sim: cycle limit of %" PRIu64 " reached\n",
                 max_cycles);
    rc = kExitCycleLimit;
  }
  top->final();

  if (!stats_path.empty()) {
    nlohmann::json j;
    j["cycles"] = st.cycles;
    j["instructions"] = st.instructions;
    j["exit_code"] = rc;
    j["stalls"] = {{"load_use", st.load_use}, {"branch", st.branch},
                   {"jump", st.jump},         {"mul_div", st.mul_div},
                   {"lsu", st.lsu},           {"fetch", st.fetch}};
    j["events"] = {{"taken_branches", st.taken_branches}, {"jumps", st.jumps}};
    std::ofstream out(stats_path);
    out << j.dump(2) << "\n";
    if (!out) return Fail("cannot write " + stats_path);
  }
  return rc;
}

}  // namespace
}  // namespace kiln::sim

int main(int argc, char** argv) { return kiln::sim::Run(argc, argv); }
