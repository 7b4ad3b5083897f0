/* Common types and macros of the kiln runtime, shared by every kernel header.
 * Plain C-compatible so generated code and the compiler's host code can include
 * it. */
#ifndef KILN_TYPES_H_
#define KILN_TYPES_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
#define KILN_EXTERN_C_BEGIN extern "C" {
#define KILN_EXTERN_C_END }
#else
#define KILN_EXTERN_C_BEGIN
#define KILN_EXTERN_C_END
#endif

/* Largest tensor rank handled by the N-D kernels (broadcast, transpose, pad,
 * slice, reduce). The compiler collapses or rejects anything larger. */
#define KILN_MAX_DIMS 6

/* Largest number of leading (batch) dimensions of kiln_matmul_f32_ref. */
#define KILN_MATMUL_MAX_BATCH_DIMS 4

/* Values for the fused activation clamp (act_min, act_max) that every producing
 * kernel applies after its bias. Use -KILN_INF/KILN_INF for "no activation". */
#define KILN_INF (__builtin_inff())

/* Debug-only checks: the compiler proves shapes, so release firmware carries
 * none. */
#if defined(KILN_DEBUG_CHECKS)
#define KILN_DCHECK(cond)          \
  do {                             \
    if (!(cond)) __builtin_trap(); \
  } while (0)
#else
#define KILN_DCHECK(cond) ((void)0)
#endif

#endif /* KILN_TYPES_H_ */
