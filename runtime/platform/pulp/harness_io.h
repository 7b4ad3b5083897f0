/* The I/O block of kiln's PULP firmware harness
 * (runtime/platform/pulp/main.cc), shared with the `pulp` backend that fills
 * and reads it through kiln-sim's
 * --load/--dump (docs/pulp.md, "Firmware harness").
 *
 * The block sits at symbol kiln_pulp_io, placed by the link (--defsym) at the
 * end of the device's 512 KiB L2: it stands in for the host link of a real
 * board (kiln-sim runs with a larger --l2-size to hold it) and is not part of
 * the device's memory budget. Layout, all offsets from the block's start, every
 * record 4-byte aligned:
 *   header   kiln_pulp_io_header_t (written by the host)
 *   inputs   num_samples x (each input's bytes, rounded up to 4)
 *   outputs  num_samples x (each output's bytes, rounded up to 4)
 *   stats    kiln_pulp_stats_t, then uint32_t layer_cycles_lo/hi[num_layers]
 *   dump     records {uint32 layer, uint32 bytes, bytes rounded up to 4}: every
 *            layer's output for the first dump_samples samples, in order. */
#ifndef KILN_PLATFORM_PULP_HARNESS_IO_H_
#define KILN_PLATFORM_PULP_HARNESS_IO_H_

#include <stdint.h>

#define KILN_PULP_IO_MAGIC 0x314F494Bu /* "KIO1": header written by the host \
                                        */
#define KILN_PULP_DONE_MAGIC \
  0x454E4F44u /* "DONE": stats written by the firmware */
#define KILN_PULP_IO_ADDR 0x1C080000u /* end of the 512 KiB L2 */
#define KILN_PULP_STACK_PATTERN 0x5AC3A55Cu

/* Exit codes of the harness (besides 0). */
#define KILN_PULP_EXIT_BAD_HEADER 3
#define KILN_PULP_EXIT_RUN_FAILED 4
#define KILN_PULP_EXIT_DUMP_FULL 5

typedef struct kiln_pulp_io_header_t {
  uint32_t magic; /* KILN_PULP_IO_MAGIC */
  uint32_t num_samples;
  uint32_t
      dump_samples; /* layer outputs are dumped for samples [0, dump_samples) */
  uint32_t in_offset;
  uint32_t out_offset;
  uint32_t stats_offset;
  uint32_t dump_offset;
  uint32_t dump_capacity; /* bytes */
} kiln_pulp_io_header_t;

typedef struct kiln_pulp_stats_t {
  uint32_t magic; /* KILN_PULP_DONE_MAGIC when the run completed */
  uint32_t samples_run;
  uint32_t num_layers;
  uint32_t num_cores;
  uint32_t cycles_lo, cycles_hi; /* sum over samples of the model's cycles */
  uint32_t first_cycles;         /* cycles of sample 0 */
  uint32_t stack_core0;   /* bytes below the model call's stack pointer */
  uint32_t stack_workers; /* max over cores 1..N-1, below the fork loop's sp */
  uint32_t
      stack_core0_capacity; /* painted bytes (a use beyond them is unseen) */
  uint32_t stack_worker_capacity;
  uint32_t dump_bytes;
} kiln_pulp_stats_t;

#endif /* KILN_PLATFORM_PULP_HARNESS_IO_H_ */
