/* Descriptor of a compiled model, emitted by kiln next to <name>_run(): lets a generic
 * harness (runtime/platform/host/runner.cc, firmware test programs) feed inputs, read
 * outputs and name layers without knowing the model. Plain C. */
#ifndef KILN_MODEL_H_
#define KILN_MODEL_H_

#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

typedef enum kiln_dtype_t {
  KILN_DTYPE_F32 = 0,
  KILN_DTYPE_S8 = 1,
  KILN_DTYPE_U8 = 2,
  KILN_DTYPE_S32 = 3,
  KILN_DTYPE_S64 = 4,
  KILN_DTYPE_S16 = 5,
  KILN_DTYPE_BOOL = 6 /* one byte, 0 or 1 */
} kiln_dtype_t;

typedef struct kiln_io_info_t {
  const char* name;      /* the ONNX graph input/output name */
  int32_t dtype;         /* kiln_dtype_t */
  int32_t rank;          /* number of dimensions (<= 8) */
  int32_t shape[8];      /* dimensions in the order the user's buffer has */
  int32_t bytes;         /* buffer size */
  float scale;           /* quantized i/o: real = scale * (q - zero_point); else 0 */
  int32_t zero_point;
} kiln_io_info_t;

typedef struct kiln_model_t {
  const char* name;
  int32_t num_inputs;
  const kiln_io_info_t* inputs;
  int32_t num_outputs;
  const kiln_io_info_t* outputs;
  int32_t arena_bytes;
  int32_t num_layers;
  const char* const* layer_names; /* ONNX node names, in execution order */
  /* Runs the model: in[i] / out[i] point to buffers as described above. */
  int (*run_with_arena)(const void* const* in, void* const* out, uint8_t* arena);
} kiln_model_t;

/* Per-layer hooks: the generated code calls KILN_LAYER_BEGIN/END(index) around each
 * layer. Define them (before including nothing; pass -D or a wrapper header through
 * KILN_LAYER_HOOKS_HEADER) to profile or dump layers; by default they vanish. */
#ifdef KILN_LAYER_HOOKS_HEADER
#include KILN_LAYER_HOOKS_HEADER
#endif
#ifndef KILN_LAYER_BEGIN
#define KILN_LAYER_BEGIN(index) ((void)0)
#endif
#ifndef KILN_LAYER_END
#define KILN_LAYER_END(index, output, bytes) ((void)0)
#endif

KILN_EXTERN_C_END

#endif /* KILN_MODEL_H_ */
