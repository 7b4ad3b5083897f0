// Float32 convolution as im2col + a register-blocked matrix product (see
// kiln/ref/conv2d_gemm.h). Why: kiln_conv2d_f32_ref reads every weight once per
// output pixel with a stride of K floats and tests the padding at every tap;
// here a block of 4 pixels x 8 channels keeps 32 sums in registers, each
// weight loaded once per 4 pixels from a contiguous K-major row, and the
// windows are gathered once per pixel into the scratch rows. Each sum still
// runs over K in order from 0.0f, so results are kiln_conv2d_f32_ref's.
#include "kiln/ref/conv2d_gemm.h"
#include "runtime/kernels/ref/internal.h"

namespace {

constexpr int32_t kRows = KILN_CONV2D_GEMM_ROWS;

// y[r][j] = clamp(bias + sum_k x[r][k] * w[k][j]) for kR rows and kN columns;
// w has row stride ldw, y row stride ldy.
template <int kR, int kN>
inline void Block(const float* const* x, int32_t k_len, const float* w,
                  ptrdiff_t ldw, const float* bias, float act_min,
                  float act_max, float* const* y) {
  float acc[kR][kN];
  for (int r = 0; r < kR; ++r)
    for (int j = 0; j < kN; ++j) acc[r][j] = 0.0f;
  for (int32_t k = 0; k < k_len; ++k) {
    const float* wk = w + (ptrdiff_t)k * ldw;
    for (int r = 0; r < kR; ++r) {
      const float xv = x[r][k];
      for (int j = 0; j < kN; ++j) acc[r][j] += xv * wk[j];
    }
  }
  for (int r = 0; r < kR; ++r)
    for (int j = 0; j < kN; ++j) {
      float v = acc[r][j];
      if (bias != NULL) v += bias[j];
      y[r][j] = kiln_internal::ClampAct(v, act_min, act_max);
    }
}

template <int kR>
void Rows(const float* const* x, int32_t k_len, const float* w, int32_t cout_g,
          const float* bias, float act_min, float act_max, float* const* y) {
  float* yo[kRows];
  int32_t oc = 0;
  auto at = [&](int32_t c) {
    for (int r = 0; r < kR; ++r) yo[r] = y[r] + c;
    return bias != NULL ? bias + c : (const float*)NULL;
  };
  for (; oc + 8 <= cout_g; oc += 8)
    Block<kR, 8>(x, k_len, w + oc, cout_g, at(oc), act_min, act_max, yo);
  for (; oc + 4 <= cout_g; oc += 4)
    Block<kR, 4>(x, k_len, w + oc, cout_g, at(oc), act_min, act_max, yo);
  for (; oc < cout_g; ++oc)
    Block<kR, 1>(x, k_len, w + oc, cout_g, at(oc), act_min, act_max, yo);
}

// Whether every window is one input pixel inside the image (a 1x1 convolution
// whose taps never fall in the padding): its rows are read in place.
bool DirectRows(const kiln_conv2d_params_t* p) {
  return p->kernel_h == 1 && p->kernel_w == 1 && p->pad_top == 0 &&
         p->pad_left == 0 && (p->out_h - 1) * p->stride_h < p->in_h &&
         (p->out_w - 1) * p->stride_w < p->in_w;
}

// Window of output pixel (n, oy, ox), group g, as K floats in (ky, kx, ic)
// order, zeros where it lies in the padding.
void Gather(const kiln_conv2d_params_t* p, const float* input, int32_t n,
            int32_t oy, int32_t ox, int32_t g, int32_t cin_g, float* row) {
  const int32_t iy0 = oy * p->stride_h - p->pad_top;
  const int32_t ix0 = ox * p->stride_w - p->pad_left;
  const float* in_n = input + (ptrdiff_t)n * p->in_h * p->in_w * p->in_c;
  for (int32_t ky = 0; ky < p->kernel_h; ++ky) {
    const int32_t iy = iy0 + ky * p->dilation_h;
    for (int32_t kx = 0; kx < p->kernel_w; ++kx, row += cin_g) {
      const int32_t ix = ix0 + kx * p->dilation_w;
      if (iy < 0 || iy >= p->in_h || ix < 0 || ix >= p->in_w) {
        for (int32_t c = 0; c < cin_g; ++c) row[c] = 0.0f;
        continue;
      }
      const float* src =
          in_n + ((ptrdiff_t)iy * p->in_w + ix) * p->in_c + g * cin_g;
      for (int32_t c = 0; c < cin_g; ++c) row[c] = src[c];
    }
  }
}

}  // namespace

extern "C" void kiln_conv2d_gemm_f32_ref(const kiln_conv2d_params_t* p,
                                         const float* input,
                                         const float* weights,
                                         const float* bias, float* scratch,
                                         float* output) {
  KILN_DCHECK(p->groups > 0 && p->in_c % p->groups == 0 &&
              p->out_c % p->groups == 0);
  const int32_t cin_g = p->in_c / p->groups;
  const int32_t cout_g = p->out_c / p->groups;
  const int32_t k_len = p->kernel_h * p->kernel_w * cin_g;
  const int32_t hw = p->out_h * p->out_w;
  const int32_t pixels = p->batch * hw;
  const bool direct = DirectRows(p);
  KILN_DCHECK(direct || scratch != NULL);
  const float* rows[kRows];
  float* outs[kRows];
  for (int32_t g = 0; g < p->groups; ++g) {
    const float* w_g = weights + (ptrdiff_t)g * k_len * cout_g;
    const float* b_g = bias != NULL ? bias + g * cout_g : (const float*)NULL;
    for (int32_t p0 = 0; p0 < pixels; p0 += kRows) {
      const int32_t count = pixels - p0 < kRows ? pixels - p0 : kRows;
      for (int32_t r = 0; r < count; ++r) {
        const int32_t px = p0 + r, n = px / hw, oy = (px % hw) / p->out_w,
                      ox = px % p->out_w;
        if (direct) {
          rows[r] = input + (((ptrdiff_t)n * p->in_h + oy * p->stride_h) *
                                 p->in_w + ox * p->stride_w) * p->in_c +
                    g * cin_g;
        } else {
          float* row = scratch + (ptrdiff_t)r * k_len;
          Gather(p, input, n, oy, ox, g, cin_g, row);
          rows[r] = row;
        }
        outs[r] = output + (ptrdiff_t)px * p->out_c + g * cout_g;
      }
      switch (count) {
        case 4: Rows<4>(rows, k_len, w_g, cout_g, b_g, p->act_min, p->act_max, outs); break;
        case 3: Rows<3>(rows, k_len, w_g, cout_g, b_g, p->act_min, p->act_max, outs); break;
        case 2: Rows<2>(rows, k_len, w_g, cout_g, b_g, p->act_min, p->act_max, outs); break;
        default: Rows<1>(rows, k_len, w_g, cout_g, b_g, p->act_min, p->act_max, outs); break;
      }
    }
  }
}

extern "C" size_t kiln_conv2d_gemm_f32_ref_scratch_bytes(
    const kiln_conv2d_params_t* p) {
  if (DirectRows(p)) return 0;
  return (size_t)kRows * p->kernel_h * p->kernel_w * (p->in_c / p->groups) *
         sizeof(float);
}
