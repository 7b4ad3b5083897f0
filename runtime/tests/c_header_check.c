/* Compiled as C99 by the build: every public runtime header must be valid C,
 * since generated code and users' C firmware include them. */
#include "kiln/kernels_ref.h"
#include "kiln/math.h"

int kiln_c_header_check(void);
int kiln_c_header_check(void) {
  static const kiln_conv2d_params_t p = {1, 1, 1, 1, 1, 1, 1, 1, 1,    1,
                                         1, 1, 1, 0, 0, 0, 0, 1, 0.0f, 6.0f};
  return p.groups;
}
