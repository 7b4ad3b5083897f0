// EvalLowered (see run_lowered.h): the KernelCall's fields are laid out as the
// C struct they describe (int32_t/float: 4 bytes, int32_t[N]: 4N, pointers:
// pointer-aligned), checked against sizeof of the real struct, and passed to
// the kernel through a small typed trampoline per kernel.
#include "compiler/eval/run_lowered.h"

#include <cstring>
#include <map>
#include <string>

#include "compiler/codegen/kernel_call.h"
#include "compiler/codegen/params_blob.h"
#include "compiler/ir/op_rules.h"
#include "kiln/ref/add.h"
#include "kiln/ref/add_s8.h"
#include "kiln/ref/avgpool2d_s8.h"
#include "kiln/ref/clip.h"
#include "kiln/ref/concat_s8.h"
#include "kiln/ref/conv2d_s8.h"
#include "kiln/ref/depthwise_conv2d_s8.h"
#include "kiln/ref/dequantize_s8.h"
#include "kiln/ref/div.h"
#include "kiln/ref/fully_connected_s8.h"
#include "kiln/ref/global_avgpool_s8.h"
#include "kiln/ref/max.h"
#include "kiln/ref/maxpool2d_s8.h"
#include "kiln/ref/maxpool2d_u8.h"
#include "kiln/ref/min.h"
#include "kiln/ref/mul.h"
#include "kiln/ref/mul_s8.h"
#include "kiln/ref/pow.h"
#include "kiln/ref/quantize_s8.h"
#include "kiln/ref/softmax_s8.h"
#include "kiln/ref/sub.h"
#include "kiln/ref/transpose_s8.h"

namespace kiln::eval {
namespace {

using Args = std::vector<void*>;
using S8 = int8_t;

struct Entry {
  size_t params_bytes;
  void (*run)(const void* params, const Args& a);
};

template <typename P>
const P* As(const void* p) {
  return static_cast<const P*>(p);
}
template <typename T>
const T* C(void* p) {
  return static_cast<const T*>(p);
}

// Weighted kernel: (params, x, w, bias, y).
#define KILN_WEIGHTED(name)                                                  \
  {"kiln_" #name "_s8_ref",                                                  \
   {sizeof(kiln_##name##_s8_params_t), [](const void* p, const Args& a) {    \
      kiln_##name##_s8_ref(As<kiln_##name##_s8_params_t>(p), C<S8>(a[0]),    \
                           C<S8>(a[1]), C<int32_t>(a[2]), static_cast<S8*>(a[3])); \
    }}}
// Unary kernel: (params, x, y).
#define KILN_UNARY(name, TIn, TOut)                                          \
  {"kiln_" #name "_ref",                                                     \
   {sizeof(kiln_##name##_params_t), [](const void* p, const Args& a) {       \
      kiln_##name##_ref(As<kiln_##name##_params_t>(p), C<TIn>(a[0]),         \
                        static_cast<TOut*>(a[1]));                           \
    }}}
// Binary kernel: (params, a, b, y).
#define KILN_BINARY(name)                                                    \
  {"kiln_" #name "_s8_ref",                                                  \
   {sizeof(kiln_##name##_s8_params_t), [](const void* p, const Args& a) {    \
      kiln_##name##_s8_ref(As<kiln_##name##_s8_params_t>(p), C<S8>(a[0]),   \
                           C<S8>(a[1]), static_cast<S8*>(a[2]));             \
    }}}

// Typed broadcasting kernel of the integer/mixed family: (params, a, b, y).
#define KILN_TYPED_BINARY(name, TA, TB)                                      \
  {"kiln_" #name "_ref",                                                     \
   {sizeof(kiln_broadcast_params_t), [](const void* p, const Args& a) {      \
      kiln_##name##_ref(As<kiln_broadcast_params_t>(p), C<TA>(a[0]),         \
                        C<TB>(a[1]), static_cast<TA*>(a[2]));                \
    }}}

// Integer clip: (params, x, y), one params struct for every type.
#define KILN_CLIP(tag, T)                                                    \
  {"kiln_clip_" #tag "_ref",                                                 \
   {sizeof(kiln_clip_params_t), [](const void* p, const Args& a) {           \
      kiln_clip_##tag##_ref(As<kiln_clip_params_t>(p), C<T>(a[0]),           \
                            static_cast<T*>(a[1]));                          \
    }}}

const std::map<std::string, Entry>& Table() {
  static const std::map<std::string, Entry> t = {
      KILN_WEIGHTED(conv2d),
      KILN_WEIGHTED(depthwise_conv2d),
      KILN_WEIGHTED(fully_connected),
      KILN_BINARY(add),
      KILN_BINARY(mul),
      KILN_UNARY(maxpool2d_s8, S8, S8),
      KILN_UNARY(avgpool2d_s8, S8, S8),
      KILN_UNARY(global_avgpool_s8, S8, S8),
      KILN_UNARY(quantize_s8, float, S8),
      KILN_UNARY(dequantize_s8, S8, float),
      {"kiln_transpose_s8_ref",
       {sizeof(kiln_transpose_params_t),
        [](const void* p, const Args& a) {
          kiln_transpose_s8_ref(As<kiln_transpose_params_t>(p), C<S8>(a[0]),
                                static_cast<S8*>(a[1]));
        }}},
      KILN_TYPED_BINARY(add_u8, uint8_t, uint8_t),
      KILN_TYPED_BINARY(add_i8, int8_t, int8_t),
      KILN_TYPED_BINARY(add_i16, int16_t, int16_t),
      KILN_TYPED_BINARY(add_i32, int32_t, int32_t),
      KILN_TYPED_BINARY(add_i64, int64_t, int64_t),
      KILN_TYPED_BINARY(sub_u8, uint8_t, uint8_t),
      KILN_TYPED_BINARY(sub_i8, int8_t, int8_t),
      KILN_TYPED_BINARY(sub_i16, int16_t, int16_t),
      KILN_TYPED_BINARY(sub_i32, int32_t, int32_t),
      KILN_TYPED_BINARY(sub_i64, int64_t, int64_t),
      KILN_TYPED_BINARY(mul_u8, uint8_t, uint8_t),
      KILN_TYPED_BINARY(mul_i8, int8_t, int8_t),
      KILN_TYPED_BINARY(mul_i16, int16_t, int16_t),
      KILN_TYPED_BINARY(mul_i32, int32_t, int32_t),
      KILN_TYPED_BINARY(mul_i64, int64_t, int64_t),
      KILN_TYPED_BINARY(div_u8, uint8_t, uint8_t),
      KILN_TYPED_BINARY(div_i8, int8_t, int8_t),
      KILN_TYPED_BINARY(div_i16, int16_t, int16_t),
      KILN_TYPED_BINARY(div_i32, int32_t, int32_t),
      KILN_TYPED_BINARY(div_i64, int64_t, int64_t),
      KILN_TYPED_BINARY(max_u8, uint8_t, uint8_t),
      KILN_TYPED_BINARY(max_i8, int8_t, int8_t),
      KILN_TYPED_BINARY(max_i16, int16_t, int16_t),
      KILN_TYPED_BINARY(max_i32, int32_t, int32_t),
      KILN_TYPED_BINARY(max_i64, int64_t, int64_t),
      KILN_TYPED_BINARY(min_u8, uint8_t, uint8_t),
      KILN_TYPED_BINARY(min_i8, int8_t, int8_t),
      KILN_TYPED_BINARY(min_i16, int16_t, int16_t),
      KILN_TYPED_BINARY(min_i32, int32_t, int32_t),
      KILN_TYPED_BINARY(min_i64, int64_t, int64_t),
      KILN_TYPED_BINARY(pow_f32_i32, float, int32_t),
      KILN_TYPED_BINARY(pow_f32_i64, float, int64_t),
      KILN_TYPED_BINARY(pow_u8, uint8_t, uint8_t),
      KILN_TYPED_BINARY(pow_u8_f32, uint8_t, float),
      KILN_TYPED_BINARY(pow_u8_i32, uint8_t, int32_t),
      KILN_TYPED_BINARY(pow_u8_i64, uint8_t, int64_t),
      KILN_TYPED_BINARY(pow_i8, int8_t, int8_t),
      KILN_TYPED_BINARY(pow_i8_f32, int8_t, float),
      KILN_TYPED_BINARY(pow_i8_i32, int8_t, int32_t),
      KILN_TYPED_BINARY(pow_i8_i64, int8_t, int64_t),
      KILN_TYPED_BINARY(pow_i16, int16_t, int16_t),
      KILN_TYPED_BINARY(pow_i16_f32, int16_t, float),
      KILN_TYPED_BINARY(pow_i16_i32, int16_t, int32_t),
      KILN_TYPED_BINARY(pow_i16_i64, int16_t, int64_t),
      KILN_TYPED_BINARY(pow_i32, int32_t, int32_t),
      KILN_TYPED_BINARY(pow_i32_f32, int32_t, float),
      KILN_TYPED_BINARY(pow_i32_i64, int32_t, int64_t),
      KILN_TYPED_BINARY(pow_i64, int64_t, int64_t),
      KILN_TYPED_BINARY(pow_i64_f32, int64_t, float),
      KILN_TYPED_BINARY(pow_i64_i32, int64_t, int32_t),
      KILN_CLIP(u8, uint8_t),
      KILN_CLIP(i8, int8_t),
      KILN_CLIP(i16, int16_t),
      KILN_CLIP(i32, int32_t),
      KILN_CLIP(i64, int64_t),
      KILN_UNARY(maxpool2d_u8, uint8_t, uint8_t),
      {"kiln_softmax_s8_ref",
       {sizeof(kiln_softmax_s8_params_t),
        [](const void* p, const Args& a) {
          kiln_softmax_s8_ref(As<kiln_softmax_s8_params_t>(p), C<S8>(a[0]),
                              C<int32_t>(a[1]), static_cast<S8*>(a[2]));
        }}},
      {"kiln_concat_s8_ref",
       {sizeof(kiln_concat_s8_params_t),
        [](const void* p, const Args& a) {
          kiln_concat_s8_ref(As<kiln_concat_s8_params_t>(p),
                             static_cast<const S8* const*>(a[0]),
                             static_cast<S8*>(a[1]));
        }}},
  };
  return t;
}

#undef KILN_WEIGHTED
#undef KILN_UNARY
#undef KILN_BINARY
#undef KILN_TYPED_BINARY
#undef KILN_CLIP

}  // namespace

StatusOr<std::vector<Buffer>> EvalLowered(const ir::Graph& g, const ir::Node& node,
                                          const std::vector<const Buffer*>& inputs) {
  codegen::LowerOptions lo;
  lo.impl = "ref";
  KILN_ASSIGN_OR_RETURN(codegen::KernelCall call, codegen::LowerNode(g, node, lo));
  if (call.kind != codegen::KernelCall::kKernel)
    return Unimplemented("{}: no kernel to run on the host", ir::NodeWhere(node));
  auto it = Table().find(call.kernel);
  if (it == Table().end())
    return Unimplemented("{}: kernel {} has no host evaluation", ir::NodeWhere(node),
                         call.kernel);
  codegen::ParamsBlob blob;
  codegen::LayOutParams(call, &blob);
  const std::vector<uint8_t>& params = blob.bytes;
  if (params.size() != it->second.params_bytes)
    return Internal("{}: lowering of {} gives {} bytes of params, the struct has {}",
                    ir::NodeWhere(node), call.kernel, params.size(),
                    it->second.params_bytes);
  std::vector<Buffer> outs(node.outputs.size());
  for (size_t o = 0; o < node.outputs.size(); ++o)
    outs[o].assign(static_cast<size_t>(g.type(node.outputs[o]).bytes()), 0);
  // A tensor's bytes: a packed copy, a node input or an output.
  auto data_of = [&](ir::TensorId t, bool is_output) -> void* {
    if (is_output)
      for (size_t o = 0; o < node.outputs.size(); ++o)
        if (node.outputs[o] == t) return outs[o].data();
    for (const codegen::PackedConstant& p : call.packed)
      if (p.source == t) return const_cast<uint8_t*>(p.data.data());
    for (size_t i = 0; i < node.inputs.size(); ++i)
      if (node.inputs[i] == t && inputs[i])
        return const_cast<uint8_t*>(inputs[i]->data());
    return nullptr;
  };
  std::vector<std::vector<const void*>> lists;
  lists.reserve(call.args.size());
  std::vector<std::vector<int32_t>> tables32;
  std::vector<std::vector<int8_t>> tables8;
  tables32.reserve(call.args.size());
  tables8.reserve(call.args.size());
  // Kernel scratch: the bytes the runtime asked for, 8-byte aligned.
  std::vector<uint64_t> scratch((call.scratch_bytes + 7) / 8);
  Args args;
  for (const codegen::KernelArg& a : call.args) {
    if (a.kind == codegen::KernelArg::kNull) {
      args.push_back(nullptr);
    } else if (a.kind == codegen::KernelArg::kScratch) {
      args.push_back(call.scratch_bytes > 0 ? scratch.data() : nullptr);
    } else if (a.kind == codegen::KernelArg::kTable) {
      const codegen::TableConstant& t = call.tables.at(a.table);
      if (t.dtype == ir::DType::kS8) {
        tables8.emplace_back(t.values.begin(), t.values.end());
        args.push_back(tables8.back().data());
      } else {
        tables32.emplace_back(t.values.begin(), t.values.end());
        args.push_back(tables32.back().data());
      }
    } else if (a.kind == codegen::KernelArg::kTensorList) {
      lists.emplace_back();
      for (ir::TensorId t : a.list) lists.back().push_back(data_of(t, false));
      args.push_back(lists.back().data());
    } else {
      void* p = data_of(a.tensor, a.is_output);
      if (!p)
        return Internal("{}: no buffer for '{}'", ir::NodeWhere(node),
                        g.tensor(a.tensor).name);
      args.push_back(p);
    }
  }
  it->second.run(params.data(), args);
  return outs;
}

}  // namespace kiln::eval
