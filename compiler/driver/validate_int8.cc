// ValidateInt8 (see validate_int8.h). Both sides run once over all samples:
// kiln's x86 build in batch mode (dumping every layer's output for the first
// layer_samples samples) and ONNX Runtime on a copy of the model whose graph
// outputs also list the ONNX values the int8 layers compute.
#include "compiler/driver/validate_int8.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <random>
#include <set>

#include <fmt/format.h>

#include "compiler/driver/compile.h"
#include "compiler/driver/sample_data.h"
#include "compiler/support/files.h"
#include "compiler/support/npy.h"
#include "frontends/onnx/model_outputs.h"

namespace kiln::driver {
namespace fs = std::filesystem;
using nlohmann::json;

void ErrorStats::Add(double ref, double q) {
  double e = ref - q;
  signal += ref * ref;
  noise += e * e;
  dot += ref * q;
  qq += q * q;
  max_abs = std::max(max_abs, std::fabs(e));
}
double ErrorStats::SqnrDb() const {
  if (noise == 0) return 200.0;
  if (signal == 0) return -200.0;
  return std::min(200.0, 10.0 * std::log10(signal / noise));
}
double ErrorStats::Cosine() const {
  if (signal == 0 || qq == 0) return signal == qq ? 1.0 : 0.0;
  return dot / std::sqrt(signal * qq);
}

namespace {

std::string Quote(const std::string& s) {
  std::string o = "'";
  for (char c : s) o += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return o + "'";
}

// The ONNX value a kiln tensor holds: its name, or the name with the suffixes
// passes add (layout-nhwc "_nhwc"/"_t", quantize-int8 "_q"/"_f", uniquing
// "_<n>") removed. "" when none matches. *transposed: a "_t" was removed.
std::string TraceOnnxName(std::string name, const std::set<std::string>& onnx,
                          bool* transposed) {
  *transposed = false;
  static const char* kSuffixes[] = {"_nhwc", "_t", "_q", "_f"};
  while (!name.empty()) {
    if (onnx.count(name)) return name;
    bool cut = false;
    for (const char* s : kSuffixes) {
      size_t n = strlen(s);
      if (name.size() > n && name.compare(name.size() - n, n, s) == 0) {
        *transposed |= std::string(s) == "_t";
        name.resize(name.size() - n);
        cut = true;
        break;
      }
    }
    if (!cut) {
      size_t u = name.find_last_of('_');
      if (u == std::string::npos || u + 1 == name.size() ||
          name.find_first_not_of("0123456789", u + 1) != std::string::npos)
        return "";
      name.resize(u);
    }
  }
  return "";
}

std::vector<double> AsDoubles(const NpyArray& a) {
  std::vector<double> v(a.num_elements());
  for (int64_t i = 0; i < a.num_elements(); ++i) {
    if (a.dtype == "f4") {
      float f;
      memcpy(&f, &a.data[i * 4], 4);
      v[i] = f;
    } else if (a.dtype == "i1") {
      v[i] = static_cast<int8_t>(a.data[i]);
    } else if (a.dtype == "u1" || a.dtype == "b1") {
      v[i] = a.data[i];
    } else if (a.dtype == "i4") {
      int32_t x;
      memcpy(&x, &a.data[i * 4], 4);
      v[i] = x;
    } else if (a.dtype == "i8") {
      int64_t x;
      memcpy(&x, &a.data[i * 8], 8);
      v[i] = static_cast<double>(x);
    }
  }
  return v;
}

// Layer dump bytes as real values (s8 dequantized with the layer's params).
std::vector<double> DumpValues(const std::vector<uint8_t>& b, const json& out) {
  std::string dt = out["dtype"];
  std::vector<double> v;
  if (dt == "f32") {
    v.resize(b.size() / 4);
    for (size_t i = 0; i < v.size(); ++i) {
      float f;
      memcpy(&f, &b[i * 4], 4);
      v[i] = f;
    }
  } else if (dt == "s8") {
    double scale = out.value("scale", 1.0);
    int zp = out.value("zero_point", 0);
    v.resize(b.size());
    for (size_t i = 0; i < v.size(); ++i)
      v[i] = static_cast<float>(static_cast<int8_t>(b[i]) - zp) * static_cast<float>(scale);
  }
  return v;
}

// One sample of an ONNX NCHW (or NCW) value in kiln's channels-last order.
std::vector<double> ToChannelsLast(const double* x, const std::vector<int64_t>& s) {
  int64_t n = s[0], c = s[1], hw = 1;
  for (size_t i = 2; i < s.size(); ++i) hw *= s[i];
  std::vector<double> y(n * c * hw);
  for (int64_t b = 0; b < n; ++b)
    for (int64_t ch = 0; ch < c; ++ch)
      for (int64_t p = 0; p < hw; ++p) y[(b * hw + p) * c + ch] = x[(b * c + ch) * hw + p];
  return y;
}

int64_t ArgMax(const double* v, int64_t n) {
  int64_t best = 0;
  for (int64_t i = 1; i < n; ++i)
    if (v[i] > v[best]) best = i;
  return best;
}

Status RunOrt(const std::string& ort, const std::string& model,
              const std::vector<std::string>& ins, const std::vector<std::string>& outs,
              const std::string& dump_dir, int64_t dump_samples) {
  std::string cmd = fmt::format("node {} {} --batch", Quote(ort), Quote(model));
  for (const std::string& p : ins) cmd += " --in " + Quote(p);
  for (const std::string& p : outs) cmd += " --out " + Quote(p);
  if (!dump_dir.empty())
    cmd += fmt::format(" --dump {} --dump-samples {}", Quote(dump_dir), dump_samples);
  int rc = std::system(cmd.c_str());
  if (rc == -1 || !WIFEXITED(rc) || WEXITSTATUS(rc) != 0)
    return Internal("ONNX Runtime failed on '{}' (command: {})", model, cmd);
  return Status::Ok();
}

}  // namespace

StatusOr<json> ValidateInt8(const ValidateOptions& o) {
  KILN_ASSIGN_OR_RETURN(std::string ort, OrtRunner());
  KILN_ASSIGN_OR_RETURN(WorkDir work_dir, WorkDir::Make(o.work_dir, "validate"));
  const std::string& work = work_dir.path();

  CompileOptions co;
  co.model_path = o.model_path;
  co.target = o.target;
  co.out_dir = work + "/model";
  co.force = true;
  co.quantize = o.quantize;
  co.calibration_dir = o.calibration_dir;
  co.calibration_method = o.calibration_method;
  co.progress = o.progress;
  for (const auto& [name, shape] : o.input_shapes) co.input_shapes[name] = shape;
  KILN_ASSIGN_OR_RETURN(CompileResult cr, Compile(co));
  KILN_ASSIGN_OR_RETURN(std::string report_text, ReadFileText(co.out_dir + "/report.json"));
  json report = json::parse(report_text);

  // Inputs: given data or seeded random samples, one [N, ...] batch per input.
  std::vector<InputSpec> inputs;
  for (const json& in : report["inputs"]) {
    if (in["dtype"] != "f32")
      return Unimplemented("validate --quantize: input '{}' is {}; only float inputs",
                           in["name"].get<std::string>(), in["dtype"].get<std::string>());
    inputs.push_back({in["name"], in["shape"].get<std::vector<int64_t>>()});
  }
  SampleSet set;
  if (!o.data_dir.empty()) {
    KILN_ASSIGN_OR_RETURN(set, LoadSamples(o.data_dir, inputs, "--data"));
  } else {
    set.count = std::max(1, o.samples);
    std::mt19937_64 rng(o.seed);
    std::uniform_real_distribution<float> u(-1.0f, 1.0f);
    for (const InputSpec& in : inputs) {
      set.per_input.emplace_back(set.count * ir::NumElements(in.shape));
      for (float& v : set.per_input.back()) v = u(rng);
    }
  }
  std::vector<int64_t> labels;
  if (!o.labels.empty()) {
    KILN_ASSIGN_OR_RETURN(NpyArray l, ReadNpy(o.labels));
    if (l.num_elements() != set.count)
      return InvalidArgument("--labels '{}' has {} entries for {} samples", o.labels,
                             l.num_elements(), set.count);
    for (double d : AsDoubles(l)) labels.push_back(static_cast<int64_t>(d));
  }
  std::vector<std::string> in_files;
  for (size_t i = 0; i < inputs.size(); ++i) {
    in_files.push_back(fmt::format("{}/in_{}.npy", work, i));
    KILN_RETURN_IF_ERROR(WriteNpy(in_files.back(), BatchArray(set, inputs, i)));
  }
  size_t no = report["outputs"].size();
  std::vector<std::string> kiln_outs, ort_outs;
  for (size_t k = 0; k < no; ++k) {
    kiln_outs.push_back(fmt::format("{}/kiln_out_{}.npy", work, k));
    ort_outs.push_back(fmt::format("{}/ort_out_{}.npy", work, k));
  }
  int64_t layer_samples = std::min<int64_t>(std::max(0, o.layer_samples), set.count);

  // kiln: the x86 build, one process, every layer dumped for layer_samples.
  std::string kiln_dump = work + "/kiln_layers", ort_dump = work + "/ort_layers";
  fs::create_directories(kiln_dump);
  fs::create_directories(ort_dump);
  {
    KILN_ASSIGN_OR_RETURN(const backends::Target* target, FindTarget(o.target));
    if (!target->run) return Unimplemented("target '{}' cannot run yet", o.target);
    backends::RunRequest req;
    req.dir = co.out_dir;
    req.model_prefix = cr.model_prefix;
    req.inputs = in_files;
    req.outputs = kiln_outs;
    req.quiet = true;
    req.batch = true;
    req.dump_dir = kiln_dump;
    req.dump_samples = layer_samples;
    KILN_RETURN_IF_ERROR(target->run(req));
  }

  // Which ONNX value each layer computes.
  KILN_ASSIGN_OR_RETURN(std::vector<std::string> onnx_values,
                        onnx_frontend::NodeOutputNames(o.model_path));
  std::set<std::string> onnx_set(onnx_values.begin(), onnx_values.end());
  std::map<std::string, size_t> output_index;
  for (size_t k = 0; k < no; ++k) output_index[report["outputs"][k]["name"]] = k;
  std::vector<std::string> extra;  // extra graph outputs, in order
  std::map<std::string, size_t> extra_index;
  std::vector<std::string> layer_value(report["layers"].size());
  for (size_t i = 0; i < report["layers"].size(); ++i) {
    const json& l = report["layers"][i];
    if (l["precision"] == "convert") continue;
    bool transposed = false;
    std::string v = TraceOnnxName(l["output"]["name"], onnx_set, &transposed);
    // A pushed transpose ("_t") holds a permutation only the nhwc tag names.
    if (v.empty() || (transposed && l["output"]["layout"] != "nhwc")) continue;
    layer_value[i] = v;
    if (!output_index.count(v) && !extra_index.count(v)) {
      extra_index[v] = extra.size();
      extra.push_back(v);
    }
  }
  std::string ref_model = work + "/reference.onnx";
  KILN_RETURN_IF_ERROR(
      onnx_frontend::WriteWithExtraOutputs(o.model_path, extra, ref_model));
  KILN_RETURN_IF_ERROR(RunOrt(ort, ref_model, in_files, ort_outs, ort_dump, layer_samples));

  json result;
  result["model"] = o.model_path;
  result["target"] = o.target;
  result["quantize"] = o.quantize;
  result["calibration_method"] = o.calibration_method;
  result["samples"] = set.count;
  result["layer_samples"] = layer_samples;
  result["sqnr_threshold"] = o.sqnr_threshold;
  result["quantization"] = report.value("quantization", json());
  bool passed = true;
  json outs = json::array();
  int64_t agree = 0, rows = 0, correct_f = 0, correct_q = 0;
  for (size_t k = 0; k < no; ++k) {
    KILN_ASSIGN_OR_RETURN(NpyArray qa, ReadNpy(kiln_outs[k]));
    KILN_ASSIGN_OR_RETURN(NpyArray ra, ReadNpy(ort_outs[k]));
    std::vector<double> q = AsDoubles(qa), r = AsDoubles(ra);
    if (q.size() != r.size())
      return Internal("output '{}': kiln gave {} values, ONNX Runtime {}",
                      report["outputs"][k]["name"].get<std::string>(), q.size(), r.size());
    ErrorStats st;
    for (size_t i = 0; i < q.size(); ++i) st.Add(r[i], q[i]);
    int64_t per = set.count ? static_cast<int64_t>(q.size()) / set.count : 0;
    json e = {{"name", report["outputs"][k]["name"]},
              {"sqnr_db", st.SqnrDb()},
              {"cosine", st.Cosine()},
              {"max_abs_error", st.max_abs}};
    if (per > 1) {
      int64_t a = 0;
      for (int64_t s = 0; s < set.count; ++s) {
        int64_t tq = ArgMax(&q[s * per], per), tr = ArgMax(&r[s * per], per);
        a += tq == tr;
        // Labels score the first output (the classifier's).
        if (k == 0 && !labels.empty()) {
          correct_q += tq == labels[s];
          correct_f += tr == labels[s];
        }
      }
      e["top1_agreement"] = double(a) / set.count;
      if (k == 0) {
        agree = a;
        rows = set.count;
      }
    }
    passed &= st.SqnrDb() >= o.sqnr_threshold;
    outs.push_back(e);
  }
  result["outputs"] = outs;
  result["top1_agreement"] = rows ? json(double(agree) / rows) : json();
  if (!labels.empty()) {
    result["accuracy_float"] = double(correct_f) / set.count;
    result["accuracy_int8"] = double(correct_q) / set.count;
  }

  // Per layer, over the first layer_samples samples.
  json layers = json::array();
  json first_below;
  for (size_t i = 0; i < report["layers"].size() && layer_samples > 0; ++i) {
    if (layer_value[i].empty()) continue;
    const json& l = report["layers"][i];
    const std::string& v = layer_value[i];
    std::string ref_path = output_index.count(v)
                               ? ort_outs[output_index[v]]
                               : fmt::format("{}/out_{}.npy", ort_dump, extra_index[v]);
    auto ra = ReadNpy(ref_path);
    if (!ra.ok()) continue;  // ONNX Runtime could not output it
    auto bytes = ReadFileBytes(fmt::format("{}/layer_{}.bin", kiln_dump, i));
    if (!bytes.ok()) continue;
    std::vector<double> q = DumpValues(*bytes, l["output"]);
    std::vector<double> r = AsDoubles(*ra);
    int64_t per_q = static_cast<int64_t>(q.size()) / layer_samples;
    int64_t per_r = static_cast<int64_t>(r.size()) / std::max<int64_t>(1, ra->shape[0]);
    if (per_q != per_r || per_q == 0) continue;
    std::vector<int64_t> sample_shape(ra->shape.begin() + 1, ra->shape.end());
    bool nhwc = l["output"]["layout"] == "nhwc" &&
                (sample_shape.size() == 3 || sample_shape.size() == 4);
    ErrorStats st;
    for (int64_t s = 0; s < layer_samples; ++s) {
      const double* rs = &r[s * per_r];
      std::vector<double> perm;
      if (nhwc) {
        perm = ToChannelsLast(rs, sample_shape);
        rs = perm.data();
      }
      for (int64_t j = 0; j < per_q; ++j) st.Add(rs[j], q[s * per_q + j]);
    }
    json e = {{"index", l["index"]},         {"name", l["name"]},
              {"op", l["op"]},               {"precision", l["precision"]},
              {"onnx_value", v},             {"sqnr_db", st.SqnrDb()},
              {"cosine", st.Cosine()},       {"max_abs_error", st.max_abs}};
    if (first_below.is_null() && st.SqnrDb() < o.sqnr_threshold) first_below = l["name"];
    layers.push_back(e);
  }
  result["layers"] = layers;
  result["first_layer_below_threshold"] = first_below;
  result["passed"] = passed;
  return result;
}

std::string ValidateInt8Text(const json& r) {
  std::string s = fmt::format(
      "{} int8 (kiln, {}) vs float (ONNX Runtime): {} sample(s), layers on the first "
      "{}\n",
      r["model"].get<std::string>(), r["target"].get<std::string>(),
      r["samples"].get<int64_t>(), r["layer_samples"].get<int64_t>());
  s += fmt::format("  {:<4} {:<32} {:<10} {:<8} {:>9} {:>9} {:>12}\n", "#", "layer", "op",
                   "prec", "SQNR dB", "cosine", "max abs err");
  for (const json& l : r["layers"]) {
    std::string name = l["name"];
    if (name.size() > 32) name = name.substr(0, 29) + "...";
    s += fmt::format("  {:<4} {:<32} {:<10} {:<8} {:>9.2f} {:>9.5f} {:>12.4g}\n",
                     l["index"].get<int>(), name, l["op"].get<std::string>(),
                     l["precision"].get<std::string>(), l["sqnr_db"].get<double>(),
                     l["cosine"].get<double>(), l["max_abs_error"].get<double>());
  }
  for (const json& o : r["outputs"]) {
    s += fmt::format("output '{}': SQNR {:.2f} dB, cosine {:.5f}, max abs error {:.4g}",
                     o["name"].get<std::string>(), o["sqnr_db"].get<double>(),
                     o["cosine"].get<double>(), o["max_abs_error"].get<double>());
    if (o.contains("top1_agreement"))
      s += fmt::format(", top-1 agreement {:.2f} %",
                       100 * o["top1_agreement"].get<double>());
    s += "\n";
  }
  if (r.contains("accuracy_float"))
    s += fmt::format("accuracy: float {:.2f} %, int8 {:.2f} %\n",
                     100 * r["accuracy_float"].get<double>(),
                     100 * r["accuracy_int8"].get<double>());
  if (r["first_layer_below_threshold"].is_null())
    s += fmt::format("every compared layer reaches {} dB\n",
                     r["sqnr_threshold"].get<double>());
  else
    s += fmt::format("first layer below {} dB: {}\n", r["sqnr_threshold"].get<double>(),
                     r["first_layer_below_threshold"].get<std::string>());
  s += r["passed"].get<bool>() ? "passed\n" : "FAILED: an output is below the threshold\n";
  return s;
}

}  // namespace kiln::driver
