// Builds small ONNX models in code for the frontend's unit tests, so no binary
// model is committed.
#pragma once

#include <onnx/onnx_pb.h>

#include <cstdint>
#include <string>
#include <vector>

namespace kiln::onnx_frontend::testing {

class ModelBuilder {
 public:
  explicit ModelBuilder(int64_t opset = 13);

  // A graph input; a dimension < 0 is symbolic, named by `params` in order.
  ModelBuilder& Input(const std::string& name, const std::vector<int64_t>& dims,
                      const std::vector<std::string>& params = {},
                      int32_t elem_type = onnx::TensorProto::FLOAT);
  // A graph output with element type only: shape inference fills the shape.
  ModelBuilder& Output(const std::string& name,
                       int32_t elem_type = onnx::TensorProto::FLOAT);
  // Initializers with typed fields, or raw_data when `raw` is set.
  ModelBuilder& Floats(const std::string& name,
                       const std::vector<int64_t>& dims,
                       const std::vector<float>& values, bool raw = false);
  ModelBuilder& Ints(const std::string& name, const std::vector<int64_t>& dims,
                     const std::vector<int64_t>& values);
  // Floats 0.01 * i, for weights whose values do not matter.
  ModelBuilder& Weights(const std::string& name,
                        const std::vector<int64_t>& dims);

  // Adds a node; attributes are added on the returned proto with the
  // helpers below.
  onnx::NodeProto& Node(const std::string& op,
                        const std::vector<std::string>& inputs,
                        const std::vector<std::string>& outputs,
                        const std::string& name = "");

  onnx::ModelProto& model() { return model_; }
  onnx::GraphProto& graph() { return *model_.mutable_graph(); }

 private:
  onnx::ModelProto model_;
};

void SetInt(onnx::NodeProto& n, const std::string& name, int64_t v);
void SetFloat(onnx::NodeProto& n, const std::string& name, float v);
void SetInts(onnx::NodeProto& n, const std::string& name,
             const std::vector<int64_t>& v);
void SetFloats(onnx::NodeProto& n, const std::string& name,
               const std::vector<float>& v);
void SetString(onnx::NodeProto& n, const std::string& name,
               const std::string& v);
void SetTensor(onnx::NodeProto& n, const std::string& name,
               const onnx::TensorProto& t);

onnx::TensorProto FloatTensor(const std::vector<int64_t>& dims,
                              const std::vector<float>& values);
onnx::TensorProto Int64Tensor(const std::vector<int64_t>& dims,
                              const std::vector<int64_t>& values);

}  // namespace kiln::onnx_frontend::testing
