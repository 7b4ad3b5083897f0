// Lowering of IR nodes to runtime kernel calls: which kernel, its params struct field
// by field, and its tensor arguments. The C++ emitter prints these; nothing else in
// codegen knows an op's kernel.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "compiler/ir/graph.h"
#include "compiler/support/status.h"

namespace kiln::codegen {

// One field of a kernel params struct, printed positionally with its name as a
// comment. Every params struct of the runtime is a sequence of int32_t, float and
// int32_t[N] fields, int64_t fields (kInt64: integer Clip's bounds) and const
// int32_t* arrays (kIntArrayPtr; kNullPtr is NULL) (runtime/include/kiln/ref/*.h).
struct ParamField {
  enum Kind { kInt, kFloat, kIntArray, kIntArrayPtr, kNullPtr, kInt64 } kind;
  std::string name;
  int64_t i = 0;
  float f = 0.0f;
  std::vector<int64_t> ints;  // kIntArray: padded to array_len; kIntArrayPtr: data
  int array_len = 0;
};

struct KernelArg {
  // kScratch: the node's kernel scratch in the arena (Node::scratch_offset), or
  // NULL when the kernel's scratch-size function gives 0 for these params.
  enum Kind { kTensor, kTensorList, kNull, kTable, kScratch } kind = kTensor;
  ir::TensorId tensor = ir::kNoTensor;
  std::vector<ir::TensorId> list;  // kTensorList (e.g. concat inputs)
  bool is_output = false;
  // Passed as float* to a float kernel that only moves 4-byte elements (pad of
  // an int32 tensor).
  bool as_float = false;
  int table = -1;  // kTable: index into KernelCall::tables
  ir::DType scratch_dtype = ir::DType::kF32;  // kScratch: the pointer's type
};

// A constant array the lowering computes (e.g. the int8 softmax's exp table),
// emitted beside the params struct and passed as an argument.
struct TableConstant {
  ir::DType dtype = ir::DType::kS32;  // kS32 or kS8
  std::vector<int64_t> values;
};

// A constant the lowering derived from a weight tensor (e.g. depthwise weights
// re-packed to HWO). Emitted as a weight array and passed instead of the tensor.
struct PackedConstant {
  ir::TensorId source;
  std::vector<uint8_t> data;  // same dtype as source
};

struct KernelCall {
  enum Kind { kKernel, kCopy, kNone } kind = kKernel;
  std::string kernel;       // e.g. "kiln_conv2d_f32_ref"
  std::string params_type;  // e.g. "kiln_conv2d_params_t"
  std::string header;       // e.g. "kiln/ref/conv2d.h"
  std::vector<ParamField> params;
  std::vector<KernelArg> args;  // kernel argument order after the params
  std::vector<PackedConstant> packed;
  std::vector<TableConstant> tables;
  int64_t macs = 0;
  int64_t copy_bytes = 0;  // kCopy: memcpy(out, in, copy_bytes)
  // Bytes of kernel scratch: what the runtime's own kiln_<kernel>_scratch_bytes
  // returns for these params (LowerNode calls it, kernel_scratch.h), planned in
  // the arena by plan-memory and passed through the kScratch argument.
  int64_t scratch_bytes = 0;
};

struct LowerOptions {
  std::string impl = "ref";  // kernel implementation suffix of the target
};

// The kernel call(s) for `node`, with scratch_bytes from the runtime's
// scratch-size function; an op that passes must have removed (identity, gemm,
// ...) is an Internal error naming the pass.
StatusOr<KernelCall> LowerNode(const ir::Graph& g, const ir::Node& node,
                               const LowerOptions& opts);

#define KILN_OP(name, text, attrs, min_in, max_in, n_out)              \
  StatusOr<KernelCall> Lower##name(const ir::Graph& g, const ir::Node& node, \
                                   const LowerOptions& opts);
#include "compiler/ir/ops.def"
#undef KILN_OP

// Helpers for lowerings.
ParamField IntField(std::string name, int64_t v);
ParamField Int64Field(std::string name, int64_t v);
ParamField FloatField(std::string name, float v);
ParamField IntArrayField(std::string name, std::vector<int64_t> v, int len);
// A `const int32_t*` field pointing at a static array of `v` (emitted beside the
// params struct).
ParamField IntArrayPtrField(std::string name, std::vector<int64_t> v);
ParamField NullPtrField(std::string name);
KernelArg In(ir::TensorId t);
KernelArg Out(ir::TensorId t);
KernelArg OptIn(ir::TensorId t);  // kNull when absent
KernelArg Scratch(ir::DType element);  // the kernel's scratch pointer
// Requires the f32 element type (int8 nodes go to the *S8 lowerings first).
Status RequireF32(const ir::Graph& g, const ir::Node& node);
// True when the node's first output is quantized s8 (s8 with quantization
// parameters): the int8 lowerings (lower/int8_*.cc) take it. A plain int8
// tensor (ONNX INT8 data) is an integer like the others.
bool IsS8Node(const ir::Graph& g, const ir::Node& node);
// A numpy-broadcasting binary kernel (add, sub, mul, ...) taking
// kiln_broadcast_params_t: shapes right-aligned to the output's rank; the
// kernel is chosen by the operands' element types (TypedKernelName).
StatusOr<KernelCall> BroadcastCall(const ir::Graph& g, const ir::Node& node,
                                   const LowerOptions& opts, const std::string& base,
                                   float act_min, float act_max);
// Kernel name for op `base` ("conv2d") with dtype and impl: kiln_conv2d_f32_ref.
std::string KernelName(const std::string& base, const LowerOptions& o);
// The tag of an element type in kernel names: f32, and u8, i8, i16, i32, i64
// for plain integers ("s8" names the quantized int8 kernels); empty when no
// kernel takes the type (bool).
std::string KernelTypeTag(ir::DType t);
// kiln_<base>_<tag of input 0>[_<tag of each later input of another type>]_<impl>
// (kiln_add_u8_ref, kiln_pow_f32_i64_ref), when the runtime has that reference
// kernel (ref_kernels.def); otherwise the element-type refusal, a declared
// limit. Quantized tensors are refused: these kernels do integer arithmetic.
StatusOr<std::string> TypedKernelName(const ir::Graph& g, const ir::Node& node,
                                      const std::string& base, const LowerOptions& o);

}  // namespace kiln::codegen
