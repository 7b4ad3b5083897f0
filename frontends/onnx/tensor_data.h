// Conversions from ONNX types and tensors to kiln IR types and constant
// payloads: element types, checked shapes, typed fields, raw_data and external
// data files.
#pragma once

#include <onnx/onnx_pb.h>

#include <cstdint>
#include <string>
#include <vector>

#include "compiler/ir/types.h"
#include "compiler/support/status.h"

namespace kiln::onnx_frontend {

// "FLOAT", "INT64", ... for messages.
std::string OnnxTypeName(int32_t elem_type);

// The IR element type of an ONNX TensorProto::DataType, or an error naming the
// type and the supported ones.
StatusOr<ir::DType> DTypeFromOnnx(int32_t elem_type);

// Dimensions as an IR shape: non-negative, with an element count that fits in
// memory a microcontroller compiler can reason about (no int64 overflow).
StatusOr<ir::Shape> CheckedShape(const std::vector<int64_t>& dims);

// An IR type (layout kNone) from an inferred ONNX value type; fails when the
// value is not a tensor, or a dimension is unknown or symbolic.
StatusOr<ir::TensorType> TypeFromValueType(const onnx::TypeProto& type);

// Checks that a tensor's payload matches its dims and type (dims >= 0, no
// overflow, raw_data or typed-field sizes exact), for every element type.
// libonnx 1.12 reads tensors during shape inference without these checks, so a
// hostile file must be rejected before it reaches libonnx.
Status ValidateTensorStructure(const onnx::TensorProto& tensor);

struct TensorData {
  ir::TensorType type;
  std::vector<uint8_t> bytes;  // little-endian elements, row-major
};

// Where a tensor's external data lives, checked: a relative location that stays
// inside `model_dir` (symlinks resolved), an existing file, and offset + length
// inside it; `expected_bytes` (>= 0) is the size the tensor's type needs.
struct ExternalData {
  std::string location;  // as written in the model
  std::string path;      // resolved
  int64_t offset = 0;
  int64_t length = 0;
};
StatusOr<ExternalData> ResolveExternalData(const onnx::TensorProto& tensor,
                                           const std::string& model_dir,
                                           int64_t expected_bytes);

// Reads a tensor from its typed fields, raw_data, or external data resolved
// against `model_dir` (a location that leaves that folder is an error).
StatusOr<TensorData> ReadTensorProto(const onnx::TensorProto& tensor,
                                     const std::string& model_dir);

// The elements of an integer or float constant as int64 / float (for attributes
// that ONNX passes as constant inputs: shapes, axes, clip bounds).
StatusOr<std::vector<int64_t>> ToInt64s(const TensorData& data);
StatusOr<std::vector<float>> ToFloats(const TensorData& data);

}  // namespace kiln::onnx_frontend
