// ONNX model construction helpers for the frontend tests (see model_builder.h).
#include "frontends/onnx/tests/model_builder.h"

#include <cstring>

namespace kiln::onnx_frontend::testing {

ModelBuilder::ModelBuilder(int64_t opset) {
  model_.set_ir_version(8);
  model_.set_producer_name("kiln-test");
  auto* imp = model_.add_opset_import();
  imp->set_domain("");
  imp->set_version(opset);
  model_.mutable_graph()->set_name("test");
}

ModelBuilder& ModelBuilder::Input(const std::string& name,
                                  const std::vector<int64_t>& dims,
                                  const std::vector<std::string>& params,
                                  int32_t elem_type) {
  auto* v = graph().add_input();
  v->set_name(name);
  auto* tt = v->mutable_type()->mutable_tensor_type();
  tt->set_elem_type(elem_type);
  auto* shape = tt->mutable_shape();
  size_t p = 0;
  for (int64_t d : dims) {
    auto* dim = shape->add_dim();
    if (d >= 0)
      dim->set_dim_value(d);
    else if (p < params.size())
      dim->set_dim_param(params[p++]);
  }
  return *this;
}

ModelBuilder& ModelBuilder::Output(const std::string& name, int32_t elem_type) {
  auto* v = graph().add_output();
  v->set_name(name);
  v->mutable_type()->mutable_tensor_type()->set_elem_type(elem_type);
  return *this;
}

onnx::TensorProto FloatTensor(const std::vector<int64_t>& dims,
                              const std::vector<float>& values) {
  onnx::TensorProto t;
  t.set_data_type(onnx::TensorProto::FLOAT);
  for (int64_t d : dims) t.add_dims(d);
  for (float f : values) t.add_float_data(f);
  return t;
}

onnx::TensorProto Int64Tensor(const std::vector<int64_t>& dims,
                              const std::vector<int64_t>& values) {
  onnx::TensorProto t;
  t.set_data_type(onnx::TensorProto::INT64);
  for (int64_t d : dims) t.add_dims(d);
  for (int64_t v : values) t.add_int64_data(v);
  return t;
}

ModelBuilder& ModelBuilder::Floats(const std::string& name,
                                   const std::vector<int64_t>& dims,
                                   const std::vector<float>& values, bool raw) {
  onnx::TensorProto t = FloatTensor(dims, raw ? std::vector<float>{} : values);
  if (raw) {
    std::string bytes(values.size() * sizeof(float), '\0');
    std::memcpy(bytes.data(), values.data(), bytes.size());
    t.set_raw_data(bytes);
  }
  t.set_name(name);
  *graph().add_initializer() = t;
  return *this;
}

ModelBuilder& ModelBuilder::Ints(const std::string& name,
                                 const std::vector<int64_t>& dims,
                                 const std::vector<int64_t>& values) {
  onnx::TensorProto t = Int64Tensor(dims, values);
  t.set_name(name);
  *graph().add_initializer() = t;
  return *this;
}

ModelBuilder& ModelBuilder::Weights(const std::string& name,
                                    const std::vector<int64_t>& dims) {
  int64_t n = 1;
  for (int64_t d : dims) n *= d;
  std::vector<float> v(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) v[i] = 0.01f * static_cast<float>(i % 100);
  return Floats(name, dims, v, /*raw=*/true);
}

onnx::NodeProto& ModelBuilder::Node(const std::string& op,
                                    const std::vector<std::string>& inputs,
                                    const std::vector<std::string>& outputs,
                                    const std::string& name) {
  auto* n = graph().add_node();
  n->set_op_type(op);
  if (!name.empty()) n->set_name(name);
  for (const auto& i : inputs) n->add_input(i);
  for (const auto& o : outputs) n->add_output(o);
  return *n;
}

namespace {
onnx::AttributeProto* NewAttr(onnx::NodeProto& n, const std::string& name,
                              onnx::AttributeProto::AttributeType type) {
  auto* a = n.add_attribute();
  a->set_name(name);
  a->set_type(type);
  return a;
}
}  // namespace

void SetInt(onnx::NodeProto& n, const std::string& name, int64_t v) {
  NewAttr(n, name, onnx::AttributeProto::INT)->set_i(v);
}
void SetFloat(onnx::NodeProto& n, const std::string& name, float v) {
  NewAttr(n, name, onnx::AttributeProto::FLOAT)->set_f(v);
}
void SetInts(onnx::NodeProto& n, const std::string& name,
             const std::vector<int64_t>& v) {
  auto* a = NewAttr(n, name, onnx::AttributeProto::INTS);
  for (int64_t x : v) a->add_ints(x);
}
void SetFloats(onnx::NodeProto& n, const std::string& name,
               const std::vector<float>& v) {
  auto* a = NewAttr(n, name, onnx::AttributeProto::FLOATS);
  for (float x : v) a->add_floats(x);
}
void SetString(onnx::NodeProto& n, const std::string& name,
               const std::string& v) {
  NewAttr(n, name, onnx::AttributeProto::STRING)->set_s(v);
}
void SetTensor(onnx::NodeProto& n, const std::string& name,
               const onnx::TensorProto& t) {
  *NewAttr(n, name, onnx::AttributeProto::TENSOR)->mutable_t() = t;
}

}  // namespace kiln::onnx_frontend::testing
