// PULP cluster int8 fully-connected layer (kiln/pulp/fully_connected_s8.h): a
// batch x in -> out layer is exactly a 1x1 convolution of a 1 x batch image with
// in channels and out output channels (weights [out][in] are OHWI with H = W =
// 1), so it runs the convolution kernel, bit-identical to the reference.
#include "kiln/pulp/fully_connected_s8.h"

#include "kiln/pulp/conv2d_s8.h"

extern "C" void kiln_fully_connected_s8_pulp(const kiln_fully_connected_s8_params_t* p,
                                             const int8_t* input, const int8_t* weights,
                                             const int32_t* bias, int8_t* output) {
  kiln_conv2d_s8_params_t c;
  c.batch = 1;
  c.in_h = 1;
  c.in_w = p->batch;
  c.in_c = p->in_features;
  c.out_h = 1;
  c.out_w = p->batch;
  c.out_c = p->out_features;
  c.kernel_h = 1;
  c.kernel_w = 1;
  c.stride_h = 1;
  c.stride_w = 1;
  c.dilation_h = 1;
  c.dilation_w = 1;
  c.pad_top = 0;
  c.pad_left = 0;
  c.pad_bottom = 0;
  c.pad_right = 0;
  c.groups = 1;
  c.input_zero_point = p->input_zero_point;
  c.output_zero_point = p->output_zero_point;
  c.act_min = p->act_min;
  c.act_max = p->act_max;
  c.per_channel = p->per_channel;
  c.multipliers = p->multipliers;
  c.shifts = p->shifts;
  c.weight_zero_points = p->weight_zero_points;
  kiln_conv2d_s8_pulp(&c, input, weights, bias, output);
}
