/* Compiled as C99 -pedantic by the build: every public runtime header must be
 * valid C, since generated code and users' C firmware include them, and params
 * structs must be writable as static positional initialisers (KILN_INF too). */
#include "kiln/kernels_ref.h"
#include "kiln/math.h"
#include "kiln/quant_host.h"
#include "kiln/pulp/conv2d_s8.h"
#include "kiln/pulp/fully_connected_s8.h"
#include "kiln/pulp/add_s8.h"
#include "kiln/pulp/avgpool2d_s8.h"
#include "kiln/pulp/depthwise_conv2d_s8.h"
#include "kiln/pulp/global_avgpool_s8.h"
#include "kiln/pulp/maxpool2d_s8.h"
#include "kiln/pulp/requantize_s8.h"
#include "kiln/pulp/quantize_s8.h"

int kiln_c_header_check(void);
int kiln_c_header_check(void) {
  static const kiln_conv2d_params_t p = {1, 1, 1, 1, 1, 1, 1, 1, 1,    1,
                                         1, 1, 1, 0, 0, 0, 0, 1, 0.0f, 6.0f};
  static const kiln_unary_params_t u = {KILN_UNARY_RELU, 4,       0.0f, 0.0f,
                                        -KILN_INF,       KILN_INF};
  static const int32_t sizes[2] = {1, 2};
  static const kiln_concat_params_t c = {2, 2, sizes};
  static const int32_t mult[1] = {1073741824};
  static const int32_t shift[1] = {1};
  static const kiln_fully_connected_s8_params_t fc = {
      1, 4, 2, -128, 3, -128, 127, 0, mult, shift, NULL};
  int32_t m = 0, s = 0;
  (void)kiln_quantize_multiplier(0.25, &m, &s);
  return p.groups + u.count + c.num_inputs + fc.batch + m + s +
         kiln_requantize_s8(100, fc.multipliers[0], fc.shifts[0], 0, -128, 127);
}
