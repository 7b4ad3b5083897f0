// NodeOutputNames and WriteWithExtraOutputs (see model_outputs.h).
#include "frontends/onnx/model_outputs.h"

#include <onnx/onnx_pb.h>

#include <fstream>
#include <set>
#include <sstream>

namespace kiln::onnx_frontend {
namespace {

StatusOr<onnx::ModelProto> Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("cannot open '{}'", path);
  std::stringstream ss;
  ss << in.rdbuf();
  onnx::ModelProto m;
  if (!m.ParseFromString(ss.str()))
    return InvalidArgument("'{}' is not an ONNX model (protobuf parse failed)", path);
  return m;
}

}  // namespace

StatusOr<std::vector<std::string>> NodeOutputNames(const std::string& path) {
  KILN_ASSIGN_OR_RETURN(onnx::ModelProto m, Load(path));
  std::vector<std::string> v;
  for (const auto& n : m.graph().node())
    for (const std::string& o : n.output())
      if (!o.empty()) v.push_back(o);
  return v;
}

Status WriteWithExtraOutputs(const std::string& in, const std::vector<std::string>& names,
                             const std::string& out) {
  KILN_ASSIGN_OR_RETURN(onnx::ModelProto m, Load(in));
  std::set<std::string> have;
  for (const auto& o : m.graph().output()) have.insert(o.name());
  for (const std::string& n : names)
    if (have.insert(n).second) m.mutable_graph()->add_output()->set_name(n);
  std::ofstream f(out, std::ios::binary);
  if (!f || !m.SerializeToOstream(&f)) return IoError("cannot write '{}'", out);
  return Status::Ok();
}

}  // namespace kiln::onnx_frontend
