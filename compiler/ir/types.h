// Element types, shapes, layouts and quantization parameters of IR tensors.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiln::ir {

enum class DType : uint8_t { kF32, kS8, kU8, kS16, kS32, kS64, kBool };

const char* DTypeName(DType t);  // "f32", "s8", ...
std::optional<DType> ParseDType(std::string_view s);
int64_t DTypeBytes(DType t);

// Physical order of a rank-4 activation. kNone for tensors whose layout is
// irrelevant (weights in kernel order, vectors, shapes).
enum class Layout : uint8_t { kNone, kNCHW, kNHWC };
const char* LayoutName(Layout l);  // "", "nchw", "nhwc"
std::optional<Layout> ParseLayout(std::string_view s);

using Shape = std::vector<int64_t>;
int64_t NumElements(const Shape& s);
std::string ShapeToString(const Shape& s);  // "1x3x32x32"

// Per-tensor (one scale) or per-channel (one per index of `axis`) affine
// quantization: real = scale * (q - zero_point). Empty when not quantized.
struct QuantParams {
  std::vector<float> scale;
  std::vector<int32_t> zero_point;
  int32_t axis = -1;  // -1: per tensor
  bool empty() const { return scale.empty(); }
  bool operator==(const QuantParams& o) const {
    return scale == o.scale && zero_point == o.zero_point && axis == o.axis;
  }
};

// The static type of an IR value.
struct TensorType {
  DType dtype = DType::kF32;
  Shape shape;
  Layout layout = Layout::kNone;
  QuantParams quant;
  int64_t num_elements() const { return NumElements(shape); }
  int64_t bytes() const { return num_elements() * DTypeBytes(dtype); }
  int64_t rank() const { return static_cast<int64_t>(shape.size()); }
  bool operator==(const TensorType& o) const {
    return dtype == o.dtype && shape == o.shape && layout == o.layout &&
           quant == o.quant;
  }
  bool operator!=(const TensorType& o) const { return !(*this == o); }
  // "f32[1,3,32,32]#nhwc"
  std::string ToString() const;
};

}  // namespace kiln::ir
