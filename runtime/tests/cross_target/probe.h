/* Cross-target bit probe: runs kiln's math functions and a few reference
 * kernels over fixed pseudo-random inputs and reports an FNV-1a hash of the
 * result bits per item. Built for the host (inside a unit test) and for rv32im
 * (run under qemu-riscv32); equal hashes show that every target computes the
 * same bits. Freestanding. */
#ifndef KILN_RUNTIME_TESTS_CROSS_TARGET_PROBE_H_
#define KILN_RUNTIME_TESTS_CROSS_TARGET_PROBE_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef void (*kiln_probe_emit_fn)(void* ctx, const char* name, uint32_t hash);

/* Calls emit once per probed item, always in the same order. */
void kiln_probe_run(kiln_probe_emit_fn emit, void* ctx);

#ifdef __cplusplus
}
#endif

#endif /* KILN_RUNTIME_TESTS_CROSS_TARGET_PROBE_H_ */
