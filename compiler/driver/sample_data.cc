// LoadSamples (see sample_data.h).
#include "compiler/driver/sample_data.h"

#include <algorithm>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

namespace kiln::driver {
namespace fs = std::filesystem;

std::vector<InputSpec> GraphInputs(const ir::Graph& g) {
  std::vector<InputSpec> v;
  for (ir::TensorId t : g.inputs) v.push_back({g.tensor(t).name, g.type(t).shape});
  return v;
}

namespace {

std::vector<std::string> NpyFiles(const fs::path& dir) {
  std::vector<std::string> v;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file() && e.path().extension() == ".npy") v.push_back(e.path().string());
  std::sort(v.begin(), v.end());
  return v;
}

// Appends the samples in `file` for `in` to `out`; returns how many.
StatusOr<int64_t> AppendFile(const std::string& file, const InputSpec& in,
                             const std::string& flag, std::vector<float>* out) {
  KILN_ASSIGN_OR_RETURN(NpyArray a, ReadNpy(file));
  ir::Shape want = in.shape;
  // One sample's trailing dims: the input's shape without leading 1s.
  ir::Shape core(std::find_if(want.begin(), want.end(), [](int64_t d) { return d != 1; }),
                 want.end());
  bool suffix = a.shape.size() >= core.size() &&
                std::equal(core.begin(), core.end(), a.shape.end() - core.size());
  int64_t count = 1;
  for (size_t i = 0; i + core.size() < a.shape.size(); ++i) count *= a.shape[i];
  if (!suffix || count < 1)
    return InvalidArgument(
        "{} file '{}' has shape [{}]; input '{}' expects [{}] per sample (or [N,{}] "
        "for a batch of N)",
        flag, file, fmt::join(a.shape, ","), in.name, fmt::join(want, ","),
        fmt::join(want, ","));
  int64_t n = a.num_elements();
  size_t at = out->size();
  out->resize(at + n);
  if (a.dtype == "f4") {
    if (n) memcpy(out->data() + at, a.data.data(), n * 4);
  } else {
    return InvalidArgument("{} file '{}' holds {}; input '{}' needs float32 data "
                           "(np.float32)",
                           flag, file, a.dtype, in.name);
  }
  return count;
}

StatusOr<int64_t> AppendFiles(const std::vector<std::string>& files, const InputSpec& in,
                              const std::string& flag, std::vector<float>* out) {
  int64_t total = 0;
  for (const std::string& f : files) {
    KILN_ASSIGN_OR_RETURN(int64_t n, AppendFile(f, in, flag, out));
    total += n;
  }
  return total;
}

}  // namespace

StatusOr<SampleSet> LoadSamples(const std::string& path,
                                const std::vector<InputSpec>& inputs,
                                const std::string& flag) {
  std::error_code ec;
  if (!fs::exists(path, ec))
    return InvalidArgument("{} '{}' does not exist; give a folder of .npy files or one "
                           ".npy batch",
                           flag, path);
  SampleSet s;
  s.per_input.resize(inputs.size());
  std::vector<int64_t> counts(inputs.size(), 0);
  fs::path p(path);
  if (inputs.size() == 1) {
    std::vector<std::string> files;
    if (fs::is_directory(p, ec)) {
      fs::path own = p / (inputs[0].name + ".npy");
      files = fs::exists(own, ec) ? std::vector<std::string>{own.string()} : NpyFiles(p);
      if (files.empty())
        return InvalidArgument("{} folder '{}' has no .npy files", flag, path);
    } else {
      files = {path};
    }
    KILN_ASSIGN_OR_RETURN(counts[0], AppendFiles(files, inputs[0], flag, &s.per_input[0]));
  } else {
    if (!fs::is_directory(p, ec))
      return InvalidArgument("{} '{}': a model with {} inputs needs a folder with "
                             "<input>.npy or a folder per input",
                             flag, path, inputs.size());
    for (size_t i = 0; i < inputs.size(); ++i) {
      fs::path file = p / (inputs[i].name + ".npy"), dir = p / inputs[i].name;
      std::vector<std::string> files;
      if (fs::is_regular_file(file, ec)) files = {file.string()};
      else if (fs::is_directory(dir, ec)) files = NpyFiles(dir);
      if (files.empty())
        return InvalidArgument("{} folder '{}' has no '{}.npy' and no folder '{}/' with "
                               ".npy files for input '{}'",
                               flag, path, inputs[i].name, inputs[i].name, inputs[i].name);
      KILN_ASSIGN_OR_RETURN(counts[i],
                            AppendFiles(files, inputs[i], flag, &s.per_input[i]));
    }
  }
  for (size_t i = 1; i < counts.size(); ++i)
    if (counts[i] != counts[0])
      return InvalidArgument("{} '{}': input '{}' has {} samples, input '{}' has {}", flag,
                             path, inputs[0].name, counts[0], inputs[i].name, counts[i]);
  s.count = counts.empty() ? 0 : counts[0];
  if (s.count == 0) return InvalidArgument("{} '{}' holds no samples", flag, path);
  return s;
}

std::vector<uint8_t> SampleBytes(const SampleSet& s, const std::vector<InputSpec>& in,
                                 size_t input, int64_t k) {
  int64_t n = ir::NumElements(in[input].shape);
  std::vector<uint8_t> b(n * 4);
  if (n) memcpy(b.data(), s.per_input[input].data() + k * n, n * 4);
  return b;
}

NpyArray BatchArray(const SampleSet& s, const std::vector<InputSpec>& in, size_t input) {
  NpyArray a;
  a.dtype = "f4";
  a.shape = {s.count};
  a.shape.insert(a.shape.end(), in[input].shape.begin(), in[input].shape.end());
  const std::vector<float>& v = s.per_input[input];
  a.data.resize(v.size() * 4);
  if (!v.empty()) memcpy(a.data.data(), v.data(), a.data.size());
  return a;
}

}  // namespace kiln::driver
