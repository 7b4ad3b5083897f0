// LayOutParams (see params_blob.h).
#include "compiler/codegen/params_blob.h"

#include <algorithm>
#include <cstring>

namespace kiln::codegen {

namespace {
size_t AlignUp(size_t v, size_t a) { return (v + a - 1) / a * a; }
}  // namespace

void LayOutParams(const KernelCall& c, ParamsBlob* out) {
  std::vector<uint8_t>& blob = out->bytes;
  blob.clear();
  out->arrays.clear();
  size_t max_align = 4;
  auto put = [&](const void* src, size_t bytes, size_t align) {
    blob.resize(AlignUp(blob.size(), align));
    size_t at = blob.size();
    blob.resize(at + bytes);
    memcpy(blob.data() + at, src, bytes);
    max_align = std::max(max_align, align);
  };
  out->arrays.reserve(c.params.size());
  for (const ParamField& f : c.params) {
    switch (f.kind) {
      case ParamField::kInt: {
        int32_t v = static_cast<int32_t>(f.i);
        put(&v, 4, 4);
        break;
      }
      case ParamField::kFloat:
        put(&f.f, 4, 4);
        break;
      case ParamField::kInt64: {
        int64_t v = f.i;
        put(&v, 8, alignof(int64_t));
        break;
      }
      case ParamField::kIntArray: {
        std::vector<int32_t> v(f.ints.begin(), f.ints.end());
        v.resize(f.array_len, 0);
        put(v.data(), 4 * v.size(), 4);
        break;
      }
      case ParamField::kIntArrayPtr: {
        out->arrays.emplace_back(f.ints.begin(), f.ints.end());
        const int32_t* ptr = out->arrays.back().data();
        put(&ptr, sizeof ptr, alignof(const int32_t*));
        break;
      }
      case ParamField::kNullPtr: {
        const int32_t* ptr = nullptr;
        put(&ptr, sizeof ptr, alignof(const int32_t*));
        break;
      }
    }
  }
  blob.resize(AlignUp(blob.size(), max_align));
}

}  // namespace kiln::codegen
