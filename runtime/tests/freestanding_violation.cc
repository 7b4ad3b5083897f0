// Deliberately NOT freestanding (heap, operator new, a static initialiser,
// libm): runtime_freestanding_check_selftest proves check_freestanding.cmake
// rejects it.
#include <math.h>
#include <stdlib.h>

#include <new>

namespace {
float Init() { return expf(1.0f); }
float g_value = Init();  // dynamic initialisation -> _GLOBAL__sub_I_...
}  // namespace

int* KilnViolationNew() { return new int(3); }
void* KilnViolationMalloc() { return malloc(4); }
float KilnViolationValue() { return g_value; }
float KilnViolationExp(float x) { return expf(x); }
