// The cluster's L1 workspace of the PULP kernels (kiln/pulp/common.h). In .l1,
// which the linker script places in the TCDM and does not load (zero-filled).
#include "kiln/pulp/common.h"

KILN_EXTERN_C_BEGIN

#if defined(__riscv)
__attribute__((section(".l1"), aligned(8))) int8_t kiln_pulp_l1[KILN_PULP_L1_BYTES];
#else
__attribute__((aligned(8))) int8_t kiln_pulp_l1[KILN_PULP_L1_BYTES];
#endif

KILN_EXTERN_C_END
