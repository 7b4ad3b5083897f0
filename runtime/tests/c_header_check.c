/* Compiled as C99 -pedantic by the build: every public runtime header must be
 * valid C, since generated code and users' C firmware include them, and params
 * structs must be writable as static positional initialisers (KILN_INF too). */
#include "kiln/kernels_ref.h"
#include "kiln/math.h"

int kiln_c_header_check(void);
int kiln_c_header_check(void) {
  static const kiln_conv2d_params_t p = {1, 1, 1, 1, 1, 1, 1, 1, 1,    1,
                                         1, 1, 1, 0, 0, 0, 0, 1, 0.0f, 6.0f};
  static const kiln_unary_params_t u = {KILN_UNARY_RELU, 4,       0.0f, 0.0f,
                                        -KILN_INF,       KILN_INF};
  static const int32_t sizes[2] = {1, 2};
  static const kiln_concat_params_t c = {2, 2, sizes};
  return p.groups + u.count + c.num_inputs;
}
