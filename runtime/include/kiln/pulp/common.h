/* Conventions shared by kiln's PULP cluster kernels (runtime/kernels/pulp/) and
 * the `pulp` backend that calls them.
 *
 * Calling convention: a PULP kernel has exactly the signature of its reference
 * twin (kiln_conv2d_s8_pulp takes what kiln_conv2d_s8_ref takes, with the same
 * params struct) and is called by core 0 only, from straight-line generated code.
 * Inside, it packs its arguments and calls kiln_fork() (kiln/../platform/pulp/
 * cluster.h): every core runs the SPMD body, takes its slice with
 * kiln_pulp_chunk(), and the fork's join is the closing barrier. So a kernel
 * without a PULP version simply runs its reference twin on core 0, and a
 * one-core cluster runs the same code.
 *
 * Memory: activations (the arena) and weights live in L2. A kernel stages what it
 * works on into kiln_pulp_l1, the cluster's L1 (TCDM) workspace, with DMA
 * transfers (blocking in this version: double buffering comes with [pulp-tiling]),
 * tiling its loop so that a tile fits KILN_PULP_L1_BYTES. The workspace is owned
 * by whichever kernel runs; nothing in it survives a kernel call.
 *
 * Which kernels have PULP versions: runtime/kernels/pulp/kernels.def. */
#ifndef KILN_PULP_COMMON_H_
#define KILN_PULP_COMMON_H_

#include "kiln/types.h"

/* 56 KiB of the 64 KiB TCDM: the rest stays free for per-core stacks or
 * small per-core buffers placed in L1. Overridable at build time (kernels and
 * workspace must agree): the kernel tests build with a few KiB so that small
 * layers already take the multi-tile paths. */
#ifndef KILN_PULP_L1_BYTES
#define KILN_PULP_L1_BYTES (56 * 1024)
#endif

KILN_EXTERN_C_BEGIN

/* The L1 workspace (section .l1 on RISC-V; runtime/kernels/pulp/l1_workspace.cc).
 * 8-byte aligned. */
extern int8_t kiln_pulp_l1[KILN_PULP_L1_BYTES];

/* Per-core stacks in L1 for the SPMD bodies of kiln_pulp_fork (the start-up
 * code puts every core's stack in L2, where each spill or reload costs 11
 * cycles): KILN_PULP_STACK_BYTES for each of up to KILN_PULP_MAX_CORES cores, in
 * the TCDM beside the workspace (6 KiB of the 8 KiB it leaves free). */
#define KILN_PULP_MAX_CORES 8
#ifndef KILN_PULP_STACK_BYTES
#define KILN_PULP_STACK_BYTES 768
#endif

/* kiln_fork (cluster.h) with every core running fn(arg) on its own L1 stack;
 * called by core 0, returns after the join. Off RISC-V: fn(arg). */
void kiln_pulp_fork(void (*fn)(void*), void* arg);

/* This core's share [*begin, *end) of n items split over `cores` cores in
 * contiguous chunks whose sizes differ by at most one (the first n % cores
 * cores take one more). */
static inline void kiln_pulp_chunk(int32_t n, uint32_t core, uint32_t cores,
                                   int32_t* begin, int32_t* end) {
  int32_t c = (int32_t)cores, i = (int32_t)core;
  int32_t base = n / c, extra = n % c;
  *begin = i * base + (i < extra ? i : extra);
  *end = *begin + base + (i < extra ? 1 : 0);
}

KILN_EXTERN_C_END

#endif /* KILN_PULP_COMMON_H_ */
