// Names and sizes of IR element types and layouts.
#include "compiler/ir/types.h"

#include <fmt/format.h>

namespace kiln::ir {
namespace {
struct DTypeInfo {
  DType type;
  const char* name;
  int64_t bytes;
};
constexpr DTypeInfo kDTypes[] = {
    {DType::kF32, "f32", 4}, {DType::kS8, "s8", 1},   {DType::kU8, "u8", 1},
    {DType::kS16, "s16", 2}, {DType::kS32, "s32", 4}, {DType::kS64, "s64", 8},
    {DType::kBool, "bool", 1},
};
}  // namespace

const char* DTypeName(DType t) {
  for (const auto& d : kDTypes)
    if (d.type == t) return d.name;
  return "?";
}
std::optional<DType> ParseDType(std::string_view s) {
  for (const auto& d : kDTypes)
    if (s == d.name) return d.type;
  return std::nullopt;
}
int64_t DTypeBytes(DType t) {
  for (const auto& d : kDTypes)
    if (d.type == t) return d.bytes;
  return 0;
}

const char* LayoutName(Layout l) {
  switch (l) {
    case Layout::kNone: return "";
    case Layout::kNCHW: return "nchw";
    case Layout::kNHWC: return "nhwc";
  }
  return "";
}
std::optional<Layout> ParseLayout(std::string_view s) {
  if (s == "nchw") return Layout::kNCHW;
  if (s == "nhwc") return Layout::kNHWC;
  return std::nullopt;
}

int64_t NumElements(const Shape& s) {
  int64_t n = 1;
  for (int64_t d : s) n *= d;
  return n;
}
std::string ShapeToString(const Shape& s) {
  if (s.empty()) return "scalar";
  return fmt::format("{}", fmt::join(s, "x"));
}

std::string TensorType::ToString() const {
  std::string out = fmt::format("{}[{}]", DTypeName(dtype), fmt::join(shape, ","));
  if (layout != Layout::kNone) out += fmt::format("#{}", LayoutName(layout));
  if (!quant.empty()) {
    out += "{q";
    if (quant.axis >= 0) out += fmt::format(" axis={}", quant.axis);
    for (size_t i = 0; i < quant.scale.size(); ++i)
      out += fmt::format(" {:.9g}:{}", quant.scale[i], quant.zero_point[i]);
    out += "}";
  }
  return out;
}

}  // namespace kiln::ir
