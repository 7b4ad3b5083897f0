/* Per-layer hooks of the PULP firmware harness (main.cc): passed to the
 * generated code with -DKILN_LAYER_HOOKS_HEADER='"layer_hooks.h"'. Called on
 * core 0 only; a PULP kernel joins its cores before returning, so core 0's
 * mcycle spans the whole layer. */
#ifndef KILN_PLATFORM_PULP_LAYER_HOOKS_H_
#define KILN_PLATFORM_PULP_LAYER_HOOKS_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif
extern uint32_t kiln_pulp_layer_t0;
void kiln_pulp_layer_end(int index, const void* output, int bytes, uint32_t t1);
#ifdef __cplusplus
}
#endif

static inline uint32_t kiln_pulp_mcycle(void) {
#if defined(__riscv)
  uint32_t v;
  __asm__ volatile("csrr %0, mcycle" : "=r"(v)::"memory");
  return v;
#else
  return 0;
#endif
}

#define KILN_LAYER_BEGIN(index) (kiln_pulp_layer_t0 = kiln_pulp_mcycle())
#define KILN_LAYER_END(index, output, bytes)                      \
  kiln_pulp_layer_end(index, (const void*)(output), (int)(bytes), \
                      kiln_pulp_mcycle())

#endif /* KILN_PLATFORM_PULP_LAYER_HOOKS_H_ */
