// The cluster's L1 workspace of the PULP kernels and kiln_pulp_fork's per-core
// L1 stacks (kiln/pulp/common.h). In .l1, which the linker script places in the
// TCDM and does not load (zero-filled).
#include "kiln/pulp/common.h"

#include "runtime/platform/pulp/cluster.h"

KILN_EXTERN_C_BEGIN

#if defined(__riscv)
__attribute__((section(".l1"), aligned(8))) int8_t kiln_pulp_l1[KILN_PULP_L1_BYTES];
__attribute__((section(".l1"), aligned(16))) static int8_t
    kiln_pulp_stacks[KILN_PULP_MAX_CORES][KILN_PULP_STACK_BYTES];
#else
__attribute__((aligned(8))) int8_t kiln_pulp_l1[KILN_PULP_L1_BYTES];
#endif

KILN_EXTERN_C_END

#if defined(__riscv)
static_assert(KILN_PULP_STACK_BYTES % 16 == 0, "RISC-V stacks are 16-byte aligned");

// kiln_pulp_call_on_stack(fn, arg, top): runs fn(arg) with sp = top (16-byte
// aligned); the caller's sp and ra are saved at the top of the new stack. fn is
// entered by a jump with ra = the restore code, and leaves no frame on the
// caller's (L2) stack: firmware stack analyses that follow calls on the L2
// stacks (backends/pulp/pulp_firmware.cc) see a function of frame 0, while the
// forked bodies, whose addresses are taken, are still counted as workers.
extern "C" void kiln_pulp_call_on_stack(void (*fn)(void*), void* arg, void* top);
__asm__(
    ".text\n"
    ".p2align 2\n"
    ".globl kiln_pulp_call_on_stack\n"
    ".type kiln_pulp_call_on_stack, @function\n"
    "kiln_pulp_call_on_stack:\n"
    "  addi a2, a2, -16\n"
    "  sw ra, 12(a2)\n"
    "  sw sp, 8(a2)\n"
    "  mv sp, a2\n"
    "  mv t1, a0\n"
    "  mv a0, a1\n"
    "  lla ra, 1f\n"
    "  jr t1\n"
    "1:\n"
    "  lw t0, 8(sp)\n"
    "  lw ra, 12(sp)\n"
    "  mv sp, t0\n"
    "  ret\n"
    ".size kiln_pulp_call_on_stack, .-kiln_pulp_call_on_stack\n");

namespace {

struct ForkTask {
  void (*fn)(void*);
  void* arg;
};

void OnL1Stack(void* p) {
  const ForkTask* t = (const ForkTask*)p;
  const uint32_t id = kiln_core_id();
  if (id < KILN_PULP_MAX_CORES) {
    kiln_pulp_call_on_stack(t->fn, t->arg, kiln_pulp_stacks[id] + KILN_PULP_STACK_BYTES);
  } else {
    t->fn(t->arg);
  }
}

}  // namespace

extern "C" void kiln_pulp_fork(void (*fn)(void*), void* arg) {
  ForkTask t = {fn, arg};
  kiln_fork(OnL1Stack, &t);
}
#else
extern "C" void kiln_pulp_fork(void (*fn)(void*), void* arg) { fn(arg); }
#endif
