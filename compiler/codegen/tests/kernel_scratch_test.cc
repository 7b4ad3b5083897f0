// Kernel scratch: every reference kernel is in ref_kernels.def, sizes come from
// the runtime's own functions, and the im2col convolution gets its scratch
// (and gives kiln_conv2d_f32_ref's results with it).
#include <dirent.h>

#include <fstream>
#include <random>
#include <regex>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "compiler/codegen/kernel_call.h"
#include "compiler/codegen/kernel_scratch.h"
#include "compiler/codegen/params_blob.h"
#include "kiln/ref/conv2d.h"
#include "kiln/ref/conv2d_gemm.h"

namespace kiln::codegen {
namespace {

TEST(KernelScratch, EveryReferenceKernelIsListed) {
  std::string dir = std::string(KILN_SOURCE_DIR) + "/runtime/include/kiln/ref";
  DIR* d = opendir(dir.c_str());
  ASSERT_NE(d, nullptr);
  std::set<std::string> declared;
  std::regex re(R"(size_t\s+(kiln_\w+_ref)_scratch_bytes\s*\()");
  while (dirent* e = readdir(d)) {
    std::string n = e->d_name;
    if (n.size() < 3 || n.substr(n.size() - 2) != ".h") continue;
    std::ifstream f(dir + "/" + n);
    std::stringstream ss;
    ss << f.rdbuf();
    std::string text = ss.str();
    for (std::sregex_iterator it(text.begin(), text.end(), re), end; it != end; ++it)
      declared.insert((*it)[1]);
  }
  closedir(d);
  std::vector<std::string> listed = ScratchSizedKernels();
  std::set<std::string> have(listed.begin(), listed.end());
  EXPECT_GT(declared.size(), 40u);
  for (const std::string& k : declared)
    EXPECT_TRUE(have.count(k)) << k << " is missing from compiler/codegen/ref_kernels.def";
}

// A conv2d params KernelCall as the lowering fills it.
KernelCall ConvCall(int h, int w, int cin, int cout, int k, int stride, int pad,
                    int groups) {
  KernelCall c;
  c.kernel = "kiln_conv2d_gemm_f32_ref";
  int oh = (h + 2 * pad - k) / stride + 1, ow = (w + 2 * pad - k) / stride + 1;
  c.params = {IntField("batch", 1),       IntField("in_h", h),
              IntField("in_w", w),        IntField("in_c", cin),
              IntField("out_h", oh),      IntField("out_w", ow),
              IntField("out_c", cout),    IntField("kernel_h", k),
              IntField("kernel_w", k),    IntField("stride_h", stride),
              IntField("stride_w", stride), IntField("dilation_h", 1),
              IntField("dilation_w", 1),  IntField("pad_top", pad),
              IntField("pad_left", pad),  IntField("pad_bottom", pad),
              IntField("pad_right", pad), IntField("groups", groups),
              FloatField("act_min", -1e30f), FloatField("act_max", 1e30f)};
  return c;
}

TEST(KernelScratch, SizedByTheRuntime) {
  KernelCall c = ConvCall(8, 8, 6, 4, 3, 1, 1, 2);
  auto bytes = KernelScratchBytes(c);
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  ParamsBlob blob;
  LayOutParams(c, &blob);
  ASSERT_EQ(blob.bytes.size(), sizeof(kiln_conv2d_params_t));
  EXPECT_EQ(*bytes, static_cast<int64_t>(kiln_conv2d_gemm_f32_ref_scratch_bytes(
                        reinterpret_cast<const kiln_conv2d_params_t*>(blob.bytes.data()))));
  // 4 rows of K = 3 * 3 * (6 / 2) floats.
  EXPECT_EQ(*bytes, 4 * 27 * 4);
  // A 1x1 convolution inside the image reads its rows in place.
  auto none = KernelScratchBytes(ConvCall(8, 8, 6, 4, 1, 2, 0, 1));
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(*none, 0);
  // Another implementation is sized by its reference twin.
  c.kernel = "kiln_conv2d_gemm_f32_pulp";
  auto twin = KernelScratchBytes(c);
  ASSERT_TRUE(twin.ok());
  EXPECT_EQ(*twin, *bytes);
  c.kernel = "kiln_no_such_kernel_ref";
  EXPECT_FALSE(KernelScratchBytes(c).ok());
  c = ConvCall(8, 8, 6, 4, 3, 1, 1, 2);
  c.params.pop_back();  // wrong layout
  EXPECT_FALSE(KernelScratchBytes(c).ok());
}

// im2col + GEMM against the direct reference convolution on random shapes
// (strides, dilation, asymmetric padding, groups, batches): the same sums in
// the same order, so equal to the bit up to the sign of zero.
TEST(ConvGemm, MatchesTheReferenceConvolution) {
  std::mt19937 rng(5);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  std::uniform_real_distribution<float> u(-1.0f, 1.0f);
  for (int trial = 0; trial < 200; ++trial) {
    kiln_conv2d_params_t p{};
    p.groups = pick(1, 3);
    p.batch = pick(1, 2);
    p.in_h = pick(1, 9);
    p.in_w = pick(1, 9);
    p.in_c = p.groups * pick(1, 5);
    p.out_c = p.groups * pick(1, 11);
    p.kernel_h = pick(1, std::min(3, p.in_h));
    p.kernel_w = pick(1, std::min(3, p.in_w));
    p.stride_h = pick(1, 2);
    p.stride_w = pick(1, 2);
    p.dilation_h = pick(1, 2);
    p.dilation_w = pick(1, 2);
    p.pad_top = pick(0, 2);
    p.pad_left = pick(0, 2);
    p.pad_bottom = pick(0, 2);
    p.pad_right = pick(0, 2);
    int eh = (p.kernel_h - 1) * p.dilation_h + 1, ew = (p.kernel_w - 1) * p.dilation_w + 1;
    int span_h = p.in_h + p.pad_top + p.pad_bottom - eh, span_w = p.in_w + p.pad_left + p.pad_right - ew;
    if (span_h < 0 || span_w < 0) continue;
    p.out_h = span_h / p.stride_h + 1;
    p.out_w = span_w / p.stride_w + 1;
    p.act_min = trial % 3 == 0 ? 0.0f : -KILN_INF;
    p.act_max = trial % 5 == 0 ? 0.5f : KILN_INF;
    const int cin_g = p.in_c / p.groups, cout_g = p.out_c / p.groups;
    const int k_len = p.kernel_h * p.kernel_w * cin_g;
    std::vector<float> x(p.batch * p.in_h * p.in_w * p.in_c), w(p.out_c * k_len),
        b(p.out_c), packed(w.size());
    for (float& v : x) v = u(rng);
    for (float& v : w) v = u(rng);
    for (float& v : b) v = u(rng);
    for (int gr = 0; gr < p.groups; ++gr)
      for (int o = 0; o < cout_g; ++o)
        for (int k = 0; k < k_len; ++k)
          packed[(gr * k_len + k) * cout_g + o] = w[(gr * cout_g + o) * k_len + k];
    size_t n_out = static_cast<size_t>(p.batch) * p.out_h * p.out_w * p.out_c;
    std::vector<float> want(n_out), got(n_out, 7.0f);
    // Scratch exactly as large as asked, with guard values after it.
    size_t scratch_floats = kiln_conv2d_gemm_f32_ref_scratch_bytes(&p) / 4;
    std::vector<float> scratch(scratch_floats + 8, 3.0f);
    const float* bias = trial % 2 ? b.data() : nullptr;
    kiln_conv2d_f32_ref(&p, x.data(), w.data(), bias, want.data());
    kiln_conv2d_gemm_f32_ref(&p, x.data(), packed.data(), bias,
                             scratch_floats ? scratch.data() : nullptr, got.data());
    for (size_t i = 0; i < n_out; ++i)
      ASSERT_EQ(got[i], want[i]) << "trial " << trial << " element " << i;
    for (size_t i = scratch_floats; i < scratch.size(); ++i)
      ASSERT_EQ(scratch[i], 3.0f) << "trial " << trial << ": wrote past its scratch";
  }
}

}  // namespace
}  // namespace kiln::codegen
