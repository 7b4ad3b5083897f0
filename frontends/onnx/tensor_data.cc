// ONNX tensors to IR constants (see tensor_data.h). Every size read from the
// file is checked before it is trusted: models are user input.
#include "frontends/onnx/tensor_data.h"

#include <fmt/format.h>

#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace kiln::onnx_frontend {
namespace {

namespace fs = std::filesystem;
using onnx::TensorProto;

// Far beyond any model kiln can place in a microcontroller's memory, and small
// enough that byte counts of any element type cannot overflow int64.
constexpr int64_t kMaxElements = int64_t{1} << 40;
// No microcontroller tensor has a dimension this large; bounding each one also
// keeps libonnx 1.12 out of its per-element loops (SAME padding subtracts the
// stride from the input size one step at a time) on hostile shapes.
constexpr int64_t kMaxDim = int64_t{1} << 24;
// A constant larger than this is certainly not firmware; refusing it early
// avoids allocating gigabytes for a hostile file.
constexpr int64_t kMaxConstantBytes = int64_t{1} << 31;

template <typename Src, typename Dst>
void AppendAs(const Src* src, int64_t n, std::vector<uint8_t>* out) {
  size_t at = out->size();
  out->resize(at + static_cast<size_t>(n) * sizeof(Dst));
  for (int64_t i = 0; i < n; ++i) {
    Dst v = static_cast<Dst>(src[i]);
    std::memcpy(out->data() + at + static_cast<size_t>(i) * sizeof(Dst), &v,
                sizeof(Dst));
  }
}

StatusOr<int64_t> ParseInt(const std::string& s, const char* what) {
  int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || v < 0)
    return InvalidArgument(
        "external data {} '{}' is not a non-negative integer", what, s);
  return v;
}

}  // namespace

StatusOr<ExternalData> ResolveExternalData(const TensorProto& t,
                                           const std::string& model_dir,
                                           int64_t expected_bytes) {
  ExternalData x;
  int64_t length = -1;
  for (const auto& e : t.external_data()) {
    if (e.key() == "location") {
      x.location = e.value();
    } else if (e.key() == "offset") {
      KILN_ASSIGN_OR_RETURN(x.offset, ParseInt(e.value(), "offset"));
    } else if (e.key() == "length") {
      KILN_ASSIGN_OR_RETURN(length, ParseInt(e.value(), "length"));
    }
  }
  if (x.location.empty())
    return InvalidArgument("external data has no 'location'");
  fs::path rel(x.location);
  if (rel.is_absolute() || rel.has_root_name())
    return InvalidArgument(
        "external data location '{}' is absolute; ONNX requires a path "
        "relative to the model's folder",
        x.location);
  std::error_code ec;
  fs::path base = fs::weakly_canonical(
      model_dir.empty() ? fs::path(".") : fs::path(model_dir), ec);
  if (ec)
    return IoError("cannot resolve the model folder '{}': {}", model_dir,
                   ec.message());
  fs::path full = fs::weakly_canonical(base / rel, ec);
  if (ec)
    return IoError("cannot resolve external data '{}': {}", x.location,
                   ec.message());
  // Symlinks are resolved above, so a relative path that lands outside the
  // folder (../secret, or a link pointing away) is caught here.
  fs::path inside = full.lexically_relative(base);
  if (inside.empty() || *inside.begin() == "..")
    return InvalidArgument(
        "external data location '{}' points outside the model's folder '{}'; "
        "keep data files next to the model",
        x.location, base.string());
  if (!fs::is_regular_file(full, ec))
    return InvalidArgument(
        "external data file '{}' does not exist in the model's folder '{}' "
        "(copy it next to the model)",
        x.location, base.string());
  int64_t size = static_cast<int64_t>(fs::file_size(full, ec));
  if (ec)
    return IoError("cannot read external data file '{}': {}", full.string(),
                   ec.message());
  if (length < 0) length = size - x.offset;
  if (expected_bytes >= 0 && length != expected_bytes)
    return InvalidArgument(
        "external data '{}' holds {} bytes for this tensor, its type needs {}",
        x.location, length, expected_bytes);
  if (x.offset > size || length > size - x.offset)
    return InvalidArgument(
        "external data '{}' is {} bytes, too short for offset {} + length {}",
        x.location, size, x.offset, length);
  x.path = full.string();
  x.length = length;
  return x;
}

namespace {

// Reads the external bytes of `t` (location/offset/length) from below
// `model_dir`.
StatusOr<std::vector<uint8_t>> ReadExternal(const TensorProto& t,
                                            const std::string& model_dir,
                                            int64_t expected_bytes) {
  KILN_ASSIGN_OR_RETURN(ExternalData x,
                        ResolveExternalData(t, model_dir, expected_bytes));
  std::ifstream in(x.path, std::ios::binary);
  if (!in) return IoError("cannot open external data file '{}'", x.path);
  std::vector<uint8_t> bytes(static_cast<size_t>(x.length));
  in.seekg(x.offset);
  in.read(reinterpret_cast<char*>(bytes.data()), x.length);
  if (!in) return IoError("cannot read external data file '{}'", x.path);
  return bytes;
}

// Typed-field payloads, converted to the IR's little-endian element bytes.
StatusOr<std::vector<uint8_t>> ReadTypedFields(const TensorProto& t,
                                               ir::DType dtype, int64_t n) {
  std::vector<uint8_t> out;
  auto count_error = [&](int64_t have) {
    return InvalidArgument("holds {} values, its shape needs {}", have, n);
  };
  switch (t.data_type()) {
    case TensorProto::FLOAT:
      if (t.float_data_size() != n) return count_error(t.float_data_size());
      AppendAs<float, float>(t.float_data().data(), n, &out);
      return out;
    case TensorProto::INT64:
      if (t.int64_data_size() != n) return count_error(t.int64_data_size());
      AppendAs<int64_t, int64_t>(t.int64_data().data(), n, &out);
      return out;
    default:
      break;
  }
  // INT32, INT16, INT8, UINT8 and BOOL all live in int32_data, one per value.
  if (t.int32_data_size() != n) return count_error(t.int32_data_size());
  const int32_t* src = t.int32_data().data();
  switch (dtype) {
    case ir::DType::kS32:
      AppendAs<int32_t, int32_t>(src, n, &out);
      break;
    case ir::DType::kS16:
      AppendAs<int32_t, int16_t>(src, n, &out);
      break;
    case ir::DType::kS8:
      AppendAs<int32_t, int8_t>(src, n, &out);
      break;
    case ir::DType::kU8:
      AppendAs<int32_t, uint8_t>(src, n, &out);
      break;
    case ir::DType::kBool:
      out.resize(static_cast<size_t>(n));
      for (int64_t i = 0; i < n; ++i) out[i] = src[i] != 0;
      break;
    default:
      return Internal("unexpected element type {}", ir::DTypeName(dtype));
  }
  return out;
}

template <typename T, typename R>
std::vector<R> Convert(const TensorData& d) {
  int64_t n = d.type.num_elements();
  std::vector<R> out(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) {
    T v;
    std::memcpy(&v, d.bytes.data() + i * sizeof(T), sizeof(T));
    out[i] = static_cast<R>(v);
  }
  return out;
}

}  // namespace

std::string OnnxTypeName(int32_t elem_type) {
  if (TensorProto::DataType_IsValid(elem_type))
    return TensorProto::DataType_Name(
        static_cast<TensorProto::DataType>(elem_type));
  return fmt::format("type {}", elem_type);
}

StatusOr<ir::DType> DTypeFromOnnx(int32_t elem_type) {
  switch (elem_type) {
    case TensorProto::FLOAT:
      return ir::DType::kF32;
    case TensorProto::UINT8:
      return ir::DType::kU8;
    case TensorProto::INT8:
      return ir::DType::kS8;
    case TensorProto::INT16:
      return ir::DType::kS16;
    case TensorProto::INT32:
      return ir::DType::kS32;
    case TensorProto::INT64:
      return ir::DType::kS64;
    case TensorProto::BOOL:
      return ir::DType::kBool;
    default:
      return Unimplemented(
          "element type {} is not supported by kiln; supported: FLOAT, UINT8, "
          "INT8, INT16, INT32, INT64, BOOL (convert the model, e.g. FLOAT16 "
          "or DOUBLE to FLOAT)",
          OnnxTypeName(elem_type));
  }
}

StatusOr<ir::Shape> CheckedShape(const std::vector<int64_t>& dims) {
  int64_t n = 1;
  for (int64_t d : dims) {
    if (d < 0) return InvalidArgument("negative dimension {}", d);
    if (d > kMaxDim)
      return InvalidArgument("dimension {} is larger than kiln accepts ({})", d,
                             kMaxDim);
    if (d != 0 && n > kMaxElements / d)
      return InvalidArgument("shape [{}] has too many elements",
                             fmt::join(dims, ","));
    n *= d;
  }
  return ir::Shape(dims.begin(), dims.end());
}

StatusOr<ir::TensorType> TypeFromValueType(const onnx::TypeProto& type) {
  if (!type.has_tensor_type())
    return Unimplemented(
        "is not a tensor (sequences, maps and optionals are "
        "not supported)");
  const auto& tt = type.tensor_type();
  KILN_ASSIGN_OR_RETURN(ir::DType dtype, DTypeFromOnnx(tt.elem_type()));
  if (!tt.has_shape())
    return InvalidArgument("has no known shape (its rank is unknown)");
  std::vector<int64_t> dims;
  for (int i = 0; i < tt.shape().dim_size(); ++i) {
    const auto& d = tt.shape().dim(i);
    if (!d.has_dim_value())
      return InvalidArgument(
          "has an unknown dimension {}{}", i,
          d.has_dim_param() ? fmt::format(" ('{}')", d.dim_param()) : "");
    dims.push_back(d.dim_value());
  }
  ir::TensorType t;
  t.dtype = dtype;
  KILN_ASSIGN_OR_RETURN(t.shape, CheckedShape(dims));
  return t;
}

Status ValidateTensorStructure(const TensorProto& t) {
  if (!TensorProto::DataType_IsValid(t.data_type()) ||
      t.data_type() == TensorProto::UNDEFINED)
    return InvalidArgument("has an invalid element type {}", t.data_type());
  KILN_ASSIGN_OR_RETURN(
      ir::Shape shape,
      CheckedShape(std::vector<int64_t>(t.dims().begin(), t.dims().end())));
  if (t.data_location() == TensorProto::EXTERNAL) return Status::Ok();
  const int64_t n = ir::NumElements(shape);
  int64_t bytes = 0, count = 0, per = 1;  // per: field values per element
  switch (t.data_type()) {
    case TensorProto::FLOAT:
      bytes = 4;
      count = t.float_data_size();
      break;
    case TensorProto::COMPLEX64:
      bytes = 8, per = 2, count = t.float_data_size();
      break;
    case TensorProto::DOUBLE:
      bytes = 8;
      count = t.double_data_size();
      break;
    case TensorProto::COMPLEX128:
      bytes = 16, per = 2, count = t.double_data_size();
      break;
    case TensorProto::INT64:
      bytes = 8;
      count = t.int64_data_size();
      break;
    case TensorProto::UINT32:
      bytes = 4;
      count = t.uint64_data_size();
      break;
    case TensorProto::UINT64:
      bytes = 8;
      count = t.uint64_data_size();
      break;
    case TensorProto::INT32:
      bytes = 4;
      count = t.int32_data_size();
      break;
    case TensorProto::INT16:
    case TensorProto::UINT16:
    case TensorProto::FLOAT16:
    case TensorProto::BFLOAT16:
      bytes = 2;
      count = t.int32_data_size();
      break;
    case TensorProto::INT8:
    case TensorProto::UINT8:
    case TensorProto::BOOL:
      bytes = 1;
      count = t.int32_data_size();
      break;
    case TensorProto::STRING:
      if (t.has_raw_data())
        return InvalidArgument("is a STRING tensor with raw_data");
      if (t.string_data_size() != n)
        return InvalidArgument("holds {} strings, its shape needs {}",
                               t.string_data_size(), n);
      return Status::Ok();
    default:
      return InvalidArgument("has an invalid element type {}", t.data_type());
  }
  if (t.has_raw_data()) {
    if (static_cast<int64_t>(t.raw_data().size()) != n * bytes)
      return InvalidArgument(
          "raw_data holds {} bytes, its shape [{}] and type {} need {}",
          t.raw_data().size(), fmt::join(shape, ","),
          OnnxTypeName(t.data_type()), n * bytes);
    return Status::Ok();
  }
  if (count != n * per)
    return InvalidArgument("holds {} values, its shape [{}] needs {}", count,
                           fmt::join(shape, ","), n * per);
  return Status::Ok();
}

StatusOr<TensorData> ReadTensorProto(const TensorProto& t,
                                     const std::string& model_dir) {
  TensorData d;
  KILN_ASSIGN_OR_RETURN(d.type.dtype, DTypeFromOnnx(t.data_type()));
  KILN_ASSIGN_OR_RETURN(d.type.shape, CheckedShape(std::vector<int64_t>(
                                          t.dims().begin(), t.dims().end())));
  int64_t n = d.type.num_elements();
  int64_t bytes = d.type.bytes();
  if (bytes > kMaxConstantBytes)
    return InvalidArgument("is {} bytes, more than kiln accepts for a constant",
                           bytes);
  if (t.data_location() == TensorProto::EXTERNAL) {
    KILN_ASSIGN_OR_RETURN(d.bytes, ReadExternal(t, model_dir, bytes));
  } else if (t.has_raw_data()) {
    // raw_data is little-endian by the ONNX spec, as is the IR payload.
    if (static_cast<int64_t>(t.raw_data().size()) != bytes)
      return InvalidArgument(
          "raw_data holds {} bytes, its shape and type need {}",
          t.raw_data().size(), bytes);
    d.bytes.assign(t.raw_data().begin(), t.raw_data().end());
    if (d.type.dtype == ir::DType::kBool)
      for (uint8_t& b : d.bytes) b = b != 0;
  } else {
    KILN_ASSIGN_OR_RETURN(d.bytes, ReadTypedFields(t, d.type.dtype, n));
  }
  return d;
}

StatusOr<std::vector<int64_t>> ToInt64s(const TensorData& d) {
  switch (d.type.dtype) {
    case ir::DType::kS64:
      return Convert<int64_t, int64_t>(d);
    case ir::DType::kS32:
      return Convert<int32_t, int64_t>(d);
    case ir::DType::kS16:
      return Convert<int16_t, int64_t>(d);
    case ir::DType::kS8:
      return Convert<int8_t, int64_t>(d);
    case ir::DType::kU8:
    case ir::DType::kBool:
      return Convert<uint8_t, int64_t>(d);
    case ir::DType::kF32:
      break;
  }
  return InvalidArgument("is {}, an integer tensor is expected",
                         ir::DTypeName(d.type.dtype));
}

StatusOr<std::vector<float>> ToFloats(const TensorData& d) {
  switch (d.type.dtype) {
    case ir::DType::kF32:
      return Convert<float, float>(d);
    case ir::DType::kS64:
      return Convert<int64_t, float>(d);
    case ir::DType::kS32:
      return Convert<int32_t, float>(d);
    case ir::DType::kS16:
      return Convert<int16_t, float>(d);
    case ir::DType::kS8:
      return Convert<int8_t, float>(d);
    case ir::DType::kU8:
    case ir::DType::kBool:
      return Convert<uint8_t, float>(d);
  }
  return Internal("unexpected element type");
}

}  // namespace kiln::onnx_frontend
