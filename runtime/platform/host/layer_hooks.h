/* Per-layer hooks for host runs (timing; output dumps for `kiln validate`):
 * passed to the generated code with -DKILN_LAYER_HOOKS_HEADER='"layer_hooks.h"';
 * runner.cc defines the functions. */
#ifndef KILN_PLATFORM_HOST_LAYER_HOOKS_H_
#define KILN_PLATFORM_HOST_LAYER_HOOKS_H_

#ifdef __cplusplus
extern "C" {
#endif
void kiln_host_layer_begin(int index);
void kiln_host_layer_end(int index, const void* output, int bytes);
#ifdef __cplusplus
}
#endif

#define KILN_LAYER_BEGIN(index) kiln_host_layer_begin(index)
#define KILN_LAYER_END(index, output, bytes) \
  kiln_host_layer_end(index, (const void*)(output), (int)(bytes))

#endif
