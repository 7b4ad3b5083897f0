// PULP broadcast addition (kiln/pulp/add_s8.h), the TFLite add scheme of the
// reference with the same three roundings.
//
// Parallel axis: the flat output range, one contiguous chunk per core. The
// shapes are first collapsed (dimensions of extent 1 dropped, neighbours with
// the same broadcast pattern merged), so equal shapes become one contiguous
// row and a per-channel operand becomes [pixels][channels]; a tile is a piece
// of one output row, staged with one transfer per operand (a broadcast
// operand's row is one byte). For large tensors the cores first build the
// tables of each input's rescaled value A(a), B(b) (256 entries each, the
// reference's routine), so only the final requantization runs per element, in
// the one-mulh form of requant_pulp.h (bit-identical to kiln_requantize_s8).
// In place on an operand of the output's shape is legal: element i of that
// operand is read (staged) before element i of y is written, by the same core.
#include "kiln/pulp/add_s8.h"
#include "runtime/kernels/pulp/requant_pulp.h"
#include "runtime/kernels/pulp/staging.h"

namespace {

using namespace kiln_pulp;

constexpr int32_t kTableMinCount = 1024;
constexpr int32_t kTableBytes = 2 * 256 * 4;

// The output as [outer][inner] with per-dimension strides of a and b (0 where
// broadcast) over at most KILN_MAX_DIMS collapsed dimensions.
struct Shape {
  int32_t rank;
  int32_t dims[KILN_MAX_DIMS];
  int32_t sa[KILN_MAX_DIMS], sb[KILN_MAX_DIMS];
  int32_t total;
};

Shape Collapse(const kiln_add_s8_params_t& p) {
  Shape s;
  s.rank = 0;
  bool fa[KILN_MAX_DIMS], fb[KILN_MAX_DIMS];
  for (int32_t d = 0; d < p.rank; ++d) {
    if (p.out_shape[d] == 1) continue;
    const bool a_full = p.a_shape[d] != 1, b_full = p.b_shape[d] != 1;
    if (s.rank > 0 && fa[s.rank - 1] == a_full && fb[s.rank - 1] == b_full) {
      s.dims[s.rank - 1] *= p.out_shape[d];
      continue;
    }
    fa[s.rank] = a_full;
    fb[s.rank] = b_full;
    s.dims[s.rank++] = p.out_shape[d];
  }
  if (s.rank == 0) {
    s.rank = 1;
    s.dims[0] = 1;
    fa[0] = fb[0] = true;
  }
  int32_t ea = 1, eb = 1;
  s.total = 1;
  for (int32_t d = s.rank - 1; d >= 0; --d) {
    s.sa[d] = fa[d] ? ea : 0;
    s.sb[d] = fb[d] ? eb : 0;
    if (fa[d]) ea *= s.dims[d];
    if (fb[d]) eb *= s.dims[d];
    s.total *= s.dims[d];
  }
  return s;
}

struct Args {
  const kiln_add_s8_params_t* p;
  const int8_t* a;
  const int8_t* b;
  int8_t* y;
};

inline int32_t Rescale(int32_t x, int32_t zp, int32_t left_shift, int32_t mult,
                       int32_t shift) {
  // As the reference: (x - zp) << left_shift written as a multiply.
  return kiln_multiply_by_quantized_multiplier(
      (x - zp) * ((int32_t)1 << left_shift), mult, shift);
}

void Body(void* arg) {
  const Args args = *static_cast<const Args*>(arg);  // onto the L1 stack
  const kiln_add_s8_params_t p = *args.p;
  const uint32_t core = kiln_core_id(), cores = kiln_num_cores();
  const Shape s = Collapse(p);
  const bool table = s.total >= kTableMinCount;
  const int32_t shared = table ? kTableBytes : 0;
  int32_t* ta = (int32_t*)(void*)kiln_pulp_l1;  // ta[a + 128]
  int32_t* tb = ta + 256;
  if (table) {
    int32_t b, e;
    kiln_pulp_chunk(512, core, cores, &b, &e);
    for (int32_t i = b; i < e; ++i) {
      ta[i] = i < 256 ? Rescale(i - 128, p.a_zero_point, p.left_shift,
                                p.a_multiplier, p.a_shift)
                      : Rescale(i - 384, p.b_zero_point, p.left_shift,
                                p.b_multiplier, p.b_shift);
    }
    kiln_barrier();
  }
  const int32_t inner = s.dims[s.rank - 1];
  const int32_t ia = s.sa[s.rank - 1], ib = s.sb[s.rank - 1];
  const int32_t tile = (SliceBytes(cores, shared) / 3) & ~3;
  int8_t* buf_a = CoreSlice(core, cores, shared);
  int8_t* buf_b = buf_a + tile;
  int8_t* buf_y = buf_b + tile;
  ChanQuant q;
  MakeChanQuant(p.output_multiplier, p.output_shift, p.output_zero_point, &q);
  const int32_t zp = p.output_zero_point, lo = p.act_min, hi = p.act_max;
  const uint32_t lo4 = SplatS8(lo), hi4 = SplatS8(hi);
  int32_t begin, end;
  kiln_pulp_chunk(s.total, core, cores, &begin, &end);
  for (int32_t e = begin; e < end;) {
    const int32_t o = e / inner, i0 = e % inner;
    const int32_t n = Min(Min(tile, inner - i0), end - e);
    ptrdiff_t off_a = (ptrdiff_t)i0 * ia, off_b = (ptrdiff_t)i0 * ib;
    int32_t rest = o;
    for (int32_t d = s.rank - 2; d >= 0; --d) {
      const int32_t idx = rest % s.dims[d];
      rest /= s.dims[d];
      off_a += (ptrdiff_t)idx * s.sa[d];
      off_b += (ptrdiff_t)idx * s.sb[d];
    }
    kiln_dma_to_l1(buf_a, args.a + off_a, (uint32_t)(ia ? n : 1));
    kiln_dma_to_l1(buf_b, args.b + off_b, (uint32_t)(ib ? n : 1));
    kiln_dma_wait();
    if (table && q.rs > 0 && ia == 1 && ib == 1) {
      // Equal shapes (the residual adds): two lookups, one mulh per element.
      const int32_t* ta0 = ta + 128;
      const int32_t* tb0 = tb + 128;
      const int32_t m = q.m, rs = q.rs;
      const uint32_t add = (uint32_t)q.add;
      for (int32_t k = 0; k < n; ++k) {
        const int32_t sum = ta0[buf_a[k]] + tb0[buf_b[k]];
        const int32_t v = (int32_t)((uint32_t)MulHi(sum, m) + add) >> rs;
        buf_y[k] = (int8_t)ClampS8(v, lo, hi, lo4, hi4);
      }
      kiln_dma_to_l2(args.y + e, buf_y, (uint32_t)n);
      kiln_dma_wait();
      e += n;
      continue;
    }
    for (int32_t k = 0; k < n; ++k) {
      const int32_t xa = buf_a[ia ? k : 0], xb = buf_b[ib ? k : 0];
      int32_t sum;
      if (table) {
        sum = ta[xa + 128] + tb[xb + 128];
      } else {
        sum = Rescale(xa, p.a_zero_point, p.left_shift, p.a_multiplier,
                      p.a_shift) +
              Rescale(xb, p.b_zero_point, p.left_shift, p.b_multiplier,
                      p.b_shift);
      }
      buf_y[k] = (int8_t)Requant(q, sum, zp, lo, hi, lo4, hi4);
    }
    kiln_dma_to_l2(args.y + e, buf_y, (uint32_t)n);
    kiln_dma_wait();
    e += n;
  }
}

}  // namespace

extern "C" void kiln_add_s8_pulp(const kiln_add_s8_params_t* p, const int8_t* a,
                                 const int8_t* b, int8_t* y) {
  Args args{p, a, b, y};
  ForkL1(Body, &args);
}
