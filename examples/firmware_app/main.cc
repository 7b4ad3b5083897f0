// A firmware-style program that calls a model compiled by kiln: no heap, no files,
// static buffers, the input compiled in. Build it against a compiled tiny_cnn:
//   build/bin/kiln compile examples/models/tiny_cnn.onnx -o out/tiny_cnn
//   cmake -S examples/firmware_app -B out/app -DKILN_MODEL_DIR=$PWD/out/tiny_cnn
//   cmake --build out/app && out/app/firmware_app
#include <stdio.h>

#include "sample_input.h"
#include "tiny_cnn.h"

int main() {
  static float probs[TINY_CNN_OUTPUT_PROBS_ELEMENTS];
  tiny_cnn_inputs_t in = {kSampleInput};
  tiny_cnn_outputs_t out = {probs};
  if (tiny_cnn_run(&in, &out) != 0) {
    printf("inference failed\n");
    return 1;
  }
  int best = 0;
  for (int i = 1; i < TINY_CNN_OUTPUT_PROBS_ELEMENTS; ++i)
    if (probs[i] > probs[best]) best = i;
  printf("class %d (p = %.4f), arena %d bytes\n", best, probs[best],
         TINY_CNN_ARENA_BYTES);
  return 0;
}
