// Firmware harness of the `pulp` target (docs/pulp.md): runs the compiled model
// on core 0 of the cluster over the samples the host placed in the I/O block
// (harness_io.h) with kiln-sim's --load, one after another on one arena (so a
// stale-state bug shows as differing outputs), and writes the outputs, the
// cycles of every layer and of every run, every layer's output for the first
// samples
// (`kiln validate --per-layer`) and the stack high-water marks, which the host
// reads back with --dump. Freestanding: no stdio, no heap.
#include <stdint.h>
#include <string.h>

#include KILN_MODEL_HEADER
#include "kiln_sim.h"
#include "runtime/platform/pulp/cluster.h"
#include "runtime/platform/pulp/harness_io.h"

extern "C" {
// The I/O block: an absolute symbol set by the link (--defsym).
extern uint8_t kiln_pulp_io[];
// Stack layout of link.ld / crt0.S: core 0's stack at the top, below it one of
// __worker_stack_size for each further core. Absolute symbols: their address is
// the value.
extern uint8_t __stack_top[], __stack_size[], __worker_stack_size[];
}

uint32_t kiln_pulp_layer_t0;

// The model's arena (the generated <name>_run's own is left out by the link).
alignas(16) static uint8_t
    g_arena[KILN_MODEL_ARENA_BYTES > 0 ? KILN_MODEL_ARENA_BYTES : 1];

namespace {

uint32_t Round4(uint32_t n) { return (n + 3u) & ~3u; }

struct Run {
  const kiln_pulp_io_header_t* hdr;
  kiln_pulp_stats_t* stats;
  uint32_t* layer_cycles;  // lo/hi pairs
  bool dumping;
  uint32_t dump_used;
  uint32_t dump_cycles;  // spent copying dumps inside the run: not the model's
  bool dump_full;
};
Run g_run;

// Per core: the stack pointer the painting started below, and the painted
// floor.
uintptr_t g_stack_base[KILN_MAX_CORES];
uintptr_t g_stack_floor[KILN_MAX_CORES];

uintptr_t StackBottom(uint32_t core) {
  uintptr_t top = reinterpret_cast<uintptr_t>(__stack_top);
  uintptr_t s0 = reinterpret_cast<uintptr_t>(__stack_size);
  uintptr_t sw = reinterpret_cast<uintptr_t>(__worker_stack_size);
  return core == 0 ? top - s0 : top - s0 - core * sw;
}

// Forked on every core: fills the free part of the core's stack with a pattern.
// __builtin_frame_address(0) is the caller's stack pointer at the call: on core
// 0 the harness's, from which it calls the model; on the others the fork
// loop's.
__attribute__((noinline)) void PaintStack(void*) {
  uint32_t core = kiln_core_id();
  if (core >= KILN_MAX_CORES) return;
  uintptr_t base = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  // This function's own frame (a few words) stays unpainted.
  uint32_t* p = reinterpret_cast<uint32_t*>((base - 64) & ~uintptr_t{3});
  uint32_t* floor = reinterpret_cast<uint32_t*>(StackBottom(core));
  while (p > floor) *--p = KILN_PULP_STACK_PATTERN;
  g_stack_base[core] = base;
  g_stack_floor[core] = reinterpret_cast<uintptr_t>(floor);
}

// Forked on every core: the deepest word that lost the pattern.
uint32_t g_stack_used[KILN_MAX_CORES];
__attribute__((noinline)) void MeasureStack(void*) {
  uint32_t core = kiln_core_id();
  if (core >= KILN_MAX_CORES) return;
  const uint32_t* p = reinterpret_cast<const uint32_t*>(g_stack_floor[core]);
  const uint32_t* base =
      reinterpret_cast<const uint32_t*>(g_stack_base[core] - 64);
  while (p < base && *p == KILN_PULP_STACK_PATTERN) ++p;
  g_stack_used[core] =
      p >= base ? 0u
                : static_cast<uint32_t>(g_stack_base[core] -
                                        reinterpret_cast<uintptr_t>(p));
}

void Add64(uint32_t* lo_hi, uint32_t v) {
  uint32_t lo = lo_hi[0] + v;
  if (lo < lo_hi[0]) ++lo_hi[1];
  lo_hi[0] = lo;
}

__attribute__((noinline)) int RunAll(const kiln_model_t* m) {
  const kiln_pulp_io_header_t* h = g_run.hdr;
  uint32_t in_stride = 0, out_stride = 0;
  for (int i = 0; i < m->num_inputs; ++i)
    in_stride += Round4(m->inputs[i].bytes);
  for (int i = 0; i < m->num_outputs; ++i)
    out_stride += Round4(m->outputs[i].bytes);
  // The stacks are painted from here: the model is called from this frame.
  kiln_fork(PaintStack, nullptr);
  for (uint32_t k = 0; k < h->num_samples; ++k) {
    const void* in[64];
    void* out[64];
    uint8_t* ip = kiln_pulp_io + h->in_offset + k * in_stride;
    uint8_t* op = kiln_pulp_io + h->out_offset + k * out_stride;
    for (int i = 0; i < m->num_inputs && i < 64; ++i) {
      in[i] = ip;
      ip += Round4(m->inputs[i].bytes);
    }
    for (int i = 0; i < m->num_outputs && i < 64; ++i) {
      out[i] = op;
      op += Round4(m->outputs[i].bytes);
    }
    g_run.dumping = k < h->dump_samples;
    g_run.dump_cycles = 0;
    uint32_t t0 = kiln_pulp_mcycle();
    int rc = m->run_with_arena(in, out, g_arena);
    uint32_t cycles = kiln_pulp_mcycle() - t0 - g_run.dump_cycles;
    if (rc != 0) return KILN_PULP_EXIT_RUN_FAILED;
    Add64(&g_run.stats->cycles_lo, cycles);
    if (k == 0) g_run.stats->first_cycles = cycles;
    g_run.stats->samples_run = k + 1;
  }
  g_run.dumping = false;
  kiln_fork(MeasureStack, nullptr);
  return g_run.dump_full ? KILN_PULP_EXIT_DUMP_FULL : 0;
}

}  // namespace

extern "C" void kiln_pulp_layer_end(int index, const void* output, int bytes,
                                    uint32_t t1) {
  if (index < 0 || static_cast<uint32_t>(index) >= g_run.stats->num_layers)
    return;
  Add64(&g_run.layer_cycles[2 * index], t1 - kiln_pulp_layer_t0);
  if (!g_run.dumping || bytes <= 0) return;
  uint32_t need = 8 + Round4(static_cast<uint32_t>(bytes));
  if (g_run.dump_used + need > g_run.hdr->dump_capacity) {
    g_run.dump_full = true;
  } else {
    uint8_t* d = kiln_pulp_io + g_run.hdr->dump_offset + g_run.dump_used;
    uint32_t rec[2] = {static_cast<uint32_t>(index),
                       static_cast<uint32_t>(bytes)};
    memcpy(d, rec, sizeof rec);
    memcpy(d + 8, output, static_cast<size_t>(bytes));
    g_run.dump_used += need;
    g_run.stats->dump_bytes = g_run.dump_used;
  }
  g_run.dump_cycles += kiln_pulp_mcycle() - t1;
}

int main() {
  const kiln_model_t* m = &KILN_MODEL;
  const kiln_pulp_io_header_t* h =
      reinterpret_cast<const kiln_pulp_io_header_t*>(kiln_pulp_io);
  if (h->magic != KILN_PULP_IO_MAGIC || (h->stats_offset & 3u) ||
      (h->dump_offset & 3u))
    return KILN_PULP_EXIT_BAD_HEADER;
  kiln_pulp_stats_t* stats =
      reinterpret_cast<kiln_pulp_stats_t*>(kiln_pulp_io + h->stats_offset);
  memset(stats, 0, sizeof *stats + 8u * static_cast<uint32_t>(m->num_layers));
  stats->num_layers = static_cast<uint32_t>(m->num_layers);
  stats->num_cores = kiln_num_cores();
  g_run.hdr = h;
  g_run.stats = stats;
  g_run.layer_cycles = reinterpret_cast<uint32_t*>(stats + 1);
  int rc = RunAll(m);
  uint32_t workers = 0;
  for (uint32_t c = 1; c < stats->num_cores && c < KILN_MAX_CORES; ++c)
    if (g_stack_used[c] > workers) workers = g_stack_used[c];
  stats->stack_core0 = g_stack_used[0];
  stats->stack_workers = workers;
  stats->stack_core0_capacity =
      static_cast<uint32_t>(g_stack_base[0] - 64 - g_stack_floor[0]);
  stats->stack_worker_capacity =
      stats->num_cores > 1
          ? static_cast<uint32_t>(g_stack_base[1] - 64 - g_stack_floor[1])
          : 0;
  if (rc == 0) stats->magic = KILN_PULP_DONE_MAGIC;
  return rc;
}
