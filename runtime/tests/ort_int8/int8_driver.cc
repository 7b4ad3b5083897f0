// Test driver of the int8 ONNX Runtime agreement test (ort_int8_test.py): runs
// one kiln int8 reference kernel on raw little-endian files. The script writes
// `case.txt` ("key value..." lines: shapes, float scales, zero points) and the
// tensors in kiln's layouts; the driver turns scales into multipliers with the
// host helpers of kiln/quant_host.h, exactly as the compiler will, and writes
// y.bin.
//
//   int8_driver DIR
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "kiln/kernels_ref.h"
#include "kiln/quant_host.h"

namespace {

std::string g_dir;
std::map<std::string, std::vector<double>> g_kv;

double D(const std::string& k, size_t i = 0) {
  auto it = g_kv.find(k);
  if (it == g_kv.end() || i >= it->second.size()) {
    std::fprintf(stderr, "int8_driver: missing %s[%zu]\n", k.c_str(), i);
    std::exit(2);
  }
  return it->second[i];
}
int32_t I(const std::string& k, size_t i = 0) { return (int32_t)D(k, i); }
size_t Count(const std::string& k) { return g_kv.count(k) ? g_kv[k].size() : 0; }

template <typename T>
std::vector<T> Read(const std::string& name) {
  std::ifstream f(g_dir + "/" + name, std::ios::binary);
  if (!f) {
    std::fprintf(stderr, "int8_driver: cannot read %s\n", name.c_str());
    std::exit(2);
  }
  std::vector<char> b((std::istreambuf_iterator<char>(f)),
                      std::istreambuf_iterator<char>());
  std::vector<T> v(b.size() / sizeof(T));
  std::memcpy(v.data(), b.data(), v.size() * sizeof(T));
  return v;
}

template <typename T>
void Write(const std::vector<T>& v) {
  std::ofstream f(g_dir + "/y.bin", std::ios::binary);
  f.write(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
}

void Quant(double real, int32_t* m, int32_t* s) {
  if (kiln_quantize_multiplier(real, m, s) != 0) {
    std::fprintf(stderr, "int8_driver: multiplier %g out of range\n", real);
    std::exit(2);
  }
}

// Output multipliers in_scale * w_scale[oc] / out_scale for conv-like ops.
void ChannelMultipliers(std::vector<int32_t>* m, std::vector<int32_t>* s) {
  const size_t n = Count("w_scale");
  m->resize(n);
  s->resize(n);
  for (size_t i = 0; i < n; ++i)
    Quant(D("x_scale") * D("w_scale", i) / D("y_scale"), &(*m)[i], &(*s)[i]);
}

int Conv(bool depthwise) {
  auto x = Read<int8_t>("x.bin");
  auto w = Read<int8_t>("w.bin");
  auto b = Read<int32_t>("b.bin");
  std::vector<int32_t> m, s, wzp;
  ChannelMultipliers(&m, &s);
  for (size_t i = 0; i < Count("w_zp"); ++i) wzp.push_back(I("w_zp", i));
  const int32_t per_channel = m.size() > 1 ? 1 : 0;
  const int32_t* wzp_p = wzp.empty() ? nullptr : wzp.data();
  std::vector<int8_t> y((size_t)I("n") * I("oh") * I("ow") * I("oc"));
  if (depthwise) {
    kiln_depthwise_conv2d_s8_params_t p = {
        I("n"), I("h"), I("w"), I("c"), I("oh"), I("ow"), I("oc") / I("c"),
        I("kh"), I("kw"), I("sh"), I("sw"), I("dh"), I("dw"), I("pt"), I("pl"),
        I("pb"), I("pr"), I("x_zp"), I("y_zp"), -128, 127, per_channel,
        m.data(), s.data(), wzp_p};
    kiln_depthwise_conv2d_s8_ref(&p, x.data(), w.data(), b.data(), y.data());
  } else {
    kiln_conv2d_s8_params_t p = {
        I("n"), I("h"), I("w"), I("c"), I("oh"), I("ow"), I("oc"), I("kh"),
        I("kw"), I("sh"), I("sw"), I("dh"), I("dw"), I("pt"), I("pl"), I("pb"),
        I("pr"), I("groups"), I("x_zp"), I("y_zp"), -128, 127, per_channel,
        m.data(), s.data(), wzp_p};
    kiln_conv2d_s8_ref(&p, x.data(), w.data(), b.empty() ? nullptr : b.data(),
                       y.data());
  }
  Write(y);
  return 0;
}

int FullyConnected() {
  auto x = Read<int8_t>("x.bin");
  auto w = Read<int8_t>("w.bin");
  std::vector<int32_t> m, s, wzp;
  ChannelMultipliers(&m, &s);
  for (size_t i = 0; i < Count("w_zp"); ++i) wzp.push_back(I("w_zp", i));
  kiln_fully_connected_s8_params_t p = {
      I("batch"), I("k"), I("n_out"), I("x_zp"), I("y_zp"), -128, 127,
      m.size() > 1 ? 1 : 0, m.data(), s.data(),
      wzp.empty() ? nullptr : wzp.data()};
  std::vector<int8_t> y((size_t)I("batch") * I("n_out"));
  kiln_fully_connected_s8_ref(&p, x.data(), w.data(), nullptr, y.data());
  Write(y);
  return 0;
}

void Shapes(int32_t* rank, int32_t* out, int32_t* a, int32_t* b) {
  *rank = (int32_t)Count("out_shape");
  for (int32_t d = 0; d < *rank; ++d) {
    out[d] = I("out_shape", d);
    a[d] = I("a_shape", d);
    b[d] = I("b_shape", d);
  }
}

int AddOrMul(bool add) {
  auto a = Read<int8_t>("x.bin");
  auto b = Read<int8_t>("x1.bin");
  size_t total = 1;
  for (size_t d = 0; d < Count("out_shape"); ++d) total *= I("out_shape", d);
  std::vector<int8_t> y(total);
  if (add) {
    kiln_add_s8_params_t p = {};
    Shapes(&p.rank, p.out_shape, p.a_shape, p.b_shape);
    p.a_zero_point = I("a_zp");
    p.b_zero_point = I("b_zp");
    p.output_zero_point = I("y_zp");
    p.act_min = -128;
    p.act_max = 127;
    if (kiln_add_s8_multipliers(D("a_scale"), D("b_scale"), D("y_scale"),
                                &p.left_shift, &p.a_multiplier, &p.a_shift,
                                &p.b_multiplier, &p.b_shift,
                                &p.output_multiplier, &p.output_shift) != 0)
      return 2;
    kiln_add_s8_ref(&p, a.data(), b.data(), y.data());
  } else {
    kiln_mul_s8_params_t p = {};
    Shapes(&p.rank, p.out_shape, p.a_shape, p.b_shape);
    p.a_zero_point = I("a_zp");
    p.b_zero_point = I("b_zp");
    p.output_zero_point = I("y_zp");
    p.act_min = -128;
    p.act_max = 127;
    Quant(D("a_scale") * D("b_scale") / D("y_scale"), &p.output_multiplier,
          &p.output_shift);
    kiln_mul_s8_ref(&p, a.data(), b.data(), y.data());
  }
  Write(y);
  return 0;
}

int Pool(const std::string& op) {
  auto x = Read<int8_t>("x.bin");
  std::vector<int8_t> y((size_t)I("n") * I("oh") * I("ow") * I("c"));
  if (op == "maxpool") {
    kiln_maxpool2d_s8_params_t p = {
        I("n"), I("h"), I("w"), I("c"), I("oh"), I("ow"), I("kh"), I("kw"),
        I("sh"), I("sw"), I("dh"), I("dw"), I("pt"), I("pl"), I("pb"), I("pr"),
        -128, 127};
    kiln_maxpool2d_s8_ref(&p, x.data(), y.data());
  } else {
    kiln_avgpool2d_s8_params_t p = {
        I("n"), I("h"), I("w"), I("c"), I("oh"), I("ow"), I("kh"), I("kw"),
        I("sh"), I("sw"), 1, 1, I("pt"), I("pl"), I("pb"), I("pr"),
        I("count_include_pad"), I("x_zp"), -128, 127};
    kiln_avgpool2d_s8_ref(&p, x.data(), y.data());
  }
  Write(y);
  return 0;
}

int GlobalAvgPool() {
  auto x = Read<int8_t>("x.bin");
  kiln_global_avgpool_s8_params_t p = {I("n"), I("spatial"), I("c"), I("x_zp"),
                                       I("y_zp"), 0, 0, -128, 127};
  Quant(D("x_scale") / (D("y_scale") * I("spatial")), &p.multiplier, &p.shift);
  std::vector<int8_t> y((size_t)I("n") * I("c"));
  kiln_global_avgpool_s8_ref(&p, x.data(), y.data());
  Write(y);
  return 0;
}

int Quantize() {
  auto x = Read<float>("x.bin");
  kiln_quantize_s8_params_t p = {(int32_t)x.size(), (float)D("y_scale"),
                                 I("y_zp")};
  std::vector<int8_t> y(x.size());
  kiln_quantize_s8_ref(&p, x.data(), y.data());
  Write(y);
  return 0;
}

int Dequantize() {
  auto x = Read<int8_t>("x.bin");
  kiln_dequantize_s8_params_t p = {(int32_t)x.size(), (float)D("x_scale"),
                                   I("x_zp")};
  std::vector<float> y(x.size());
  kiln_dequantize_s8_ref(&p, x.data(), y.data());
  Write(y);
  return 0;
}

double Sigmoid(double v) { return 1.0 / (1.0 + std::exp(-v)); }
double Tanh(double v) { return std::tanh(v); }
double HardSwish(double v) {
  return v * std::fmin(1.0, std::fmax(0.0, v / 6.0 + 0.5));
}

int Lut(const std::string& fn) {
  auto x = Read<int8_t>("x.bin");
  int8_t table[256];
  double (*f)(double) = fn == "sigmoid" ? Sigmoid : fn == "tanh" ? Tanh : HardSwish;
  kiln_fill_lut_s8(f, D("x_scale"), I("x_zp"), D("y_scale"), I("y_zp"), table);
  kiln_lut_s8_params_t p = {(int32_t)x.size()};
  std::vector<int8_t> y(x.size());
  kiln_lut_s8_ref(&p, x.data(), table, y.data());
  Write(y);
  return 0;
}

int Concat() {
  const int32_t k = (int32_t)Count("slice");
  std::vector<std::vector<int8_t>> xs;
  std::vector<const int8_t*> ptrs;
  std::vector<int32_t> slices, zps, m(k), s(k);
  size_t total = 0;
  for (int32_t i = 0; i < k; ++i) {
    xs.push_back(Read<int8_t>("x" + std::to_string(i) + ".bin"));
    slices.push_back(I("slice", i));
    zps.push_back(I("in_zp", i));
    Quant(D("in_scale", i) / D("y_scale"), &m[i], &s[i]);
    total += xs.back().size();
  }
  for (auto& v : xs) ptrs.push_back(v.data());
  kiln_concat_s8_params_t p = {I("outer"), k, I("y_zp"), slices.data(),
                               zps.data(), m.data(), s.data()};
  std::vector<int8_t> y(total);
  kiln_concat_s8_ref(&p, ptrs.data(), y.data());
  Write(y);
  return 0;
}

int Pad() {
  auto x = Read<int8_t>("x.bin");
  kiln_pad_s8_params_t p = {};
  p.rank = (int32_t)Count("in_shape");
  size_t total = 1;
  for (int32_t d = 0; d < p.rank; ++d) {
    p.in_shape[d] = I("in_shape", d);
    p.pad_begin[d] = I("pad_begin", d);
    p.pad_end[d] = I("pad_end", d);
    total *= p.in_shape[d] + p.pad_begin[d] + p.pad_end[d];
  }
  p.mode = I("mode");
  p.value = I("x_zp");
  std::vector<int8_t> y(total);
  kiln_pad_s8_ref(&p, x.data(), y.data());
  Write(y);
  return 0;
}

int Softmax() {
  auto x = Read<int8_t>("x.bin");
  int32_t lut[256];
  for (int d = 0; d < 256; ++d)
    lut[d] = (int32_t)std::nearbyint(std::ldexp(std::exp(-D("x_scale") * d), 20));
  kiln_softmax_s8_params_t p = {I("outer"), I("axis"), 1, I("y_zp"), 0, 0};
  Quant(1.0 / (D("y_scale") * (1 << KILN_SOFTMAX_S8_PROB_BITS)), &p.multiplier,
        &p.shift);
  std::vector<int8_t> y(x.size());
  kiln_softmax_s8_ref(&p, x.data(), lut, y.data());
  Write(y);
  return 0;
}

int ResizeNearest() {
  auto x = Read<int8_t>("x.bin");
  const int32_t in_h = I("h"), in_w = I("w"), out_h = I("oh"), out_w = I("ow");
  // The source index tables, from the float resize kernel run on an iota
  // "image" (one channel): the same coordinate arithmetic as ONNX Runtime,
  // and what the compiler does on the host.
  std::vector<float> iota((size_t)in_h * in_w);
  for (size_t i = 0; i < iota.size(); ++i) iota[i] = (float)i;
  kiln_resize_params_t rp = {1, in_h, in_w, 1, out_h, out_w, KILN_RESIZE_NEAREST,
                             I("coord_mode"), I("nearest_mode"),
                             (float)D("scale_h"), (float)D("scale_w"), -0.75f, 0,
                             0.0f, 1.0f, 0.0f, 1.0f, 0.0f};
  std::vector<float> idx((size_t)out_h * out_w);
  kiln_resize_f32_ref(&rp, iota.data(), idx.data());
  std::vector<int32_t> sy(out_h), sx(out_w);
  for (int32_t o = 0; o < out_h; ++o) sy[o] = (int32_t)idx[(size_t)o * out_w] / in_w;
  for (int32_t o = 0; o < out_w; ++o) sx[o] = (int32_t)idx[o] % in_w;
  kiln_resize_nearest_s8_params_t p = {I("n"), in_h, in_w, I("c"), out_h,
                                       out_w, sy.data(), sx.data()};
  std::vector<int8_t> y((size_t)I("n") * out_h * out_w * I("c"));
  kiln_resize_nearest_s8_ref(&p, x.data(), y.data());
  Write(y);
  return 0;
}

// The requantization routine itself, for the exact-integer Python reference
// (requant_ref.py): req.bin holds rows of six int32 (x, multiplier, shift,
// zero_point, act_min, act_max); y.bin gets two int32 per row,
// kiln_multiply_by_quantized_multiplier(x, multiplier, shift) and
// kiln_requantize_s8(x, multiplier, shift, zero_point, act_min, act_max).
int Requant() {
  auto r = Read<int32_t>("req.bin");
  std::vector<int32_t> y;
  y.reserve(r.size() / 3);
  for (size_t i = 0; i + 6 <= r.size(); i += 6) {
    y.push_back(
        kiln_multiply_by_quantized_multiplier(r[i], r[i + 1], r[i + 2]));
    y.push_back(kiln_requantize_s8(r[i], r[i + 1], r[i + 2], r[i + 3], r[i + 4],
                                   r[i + 5]));
  }
  Write(y);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: int8_driver DIR\n");
    return 2;
  }
  g_dir = argv[1];
  std::ifstream f(g_dir + "/case.txt");
  std::string line, op;
  while (std::getline(f, line)) {
    std::istringstream ss(line);
    std::string key;
    ss >> key;
    if (key == "op") {
      ss >> op;
      continue;
    }
    double v;
    while (ss >> v) g_kv[key].push_back(v);
  }
  if (op == "conv") return Conv(false);
  if (op == "depthwise") return Conv(true);
  if (op == "fc") return FullyConnected();
  if (op == "add") return AddOrMul(true);
  if (op == "mul") return AddOrMul(false);
  if (op == "maxpool" || op == "avgpool") return Pool(op);
  if (op == "global_avgpool") return GlobalAvgPool();
  if (op == "quantize") return Quantize();
  if (op == "dequantize") return Dequantize();
  if (op == "sigmoid" || op == "tanh" || op == "hardswish") return Lut(op);
  if (op == "concat") return Concat();
  if (op == "pad") return Pad();
  if (op == "softmax") return Softmax();
  if (op == "resize") return ResizeNearest();
  if (op == "requant") return Requant();
  std::fprintf(stderr, "int8_driver: unknown op '%s'\n", op.c_str());
  return 2;
}
