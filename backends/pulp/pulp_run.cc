// `kiln run` for pulp (docs/pulp.md): builds the folder's Makefile, lays the
// samples out in the harness's I/O block (runtime/platform/pulp/harness_io.h),
// runs kiln-sim (1 core) or kiln-sim-8 with --load/--dump, and turns the block
// back into .npy outputs, layer dumps and a cycle profile.
#include "backends/pulp/pulp_run.h"

#include <fmt/format.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "backends/pulp/pulp_firmware.h"
#include "compiler/support/files.h"
#include "compiler/support/npy.h"
#include "runtime/platform/pulp/harness_io.h"

namespace kiln::backends {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string Q(const std::string& s) {
  std::string o = "'";
  for (char c : s) o += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return o + "'";
}

int ShellStatus(const std::string& cmd) {
  int rc = std::system(cmd.c_str());
  if (rc == -1 || !WIFEXITED(rc)) return -1;
  return WEXITSTATUS(rc);
}

uint32_t Round4(int64_t n) {
  return static_cast<uint32_t>((n + 3) & ~int64_t{3});
}

std::string NpyDtype(const std::string& d) {
  if (d == "f32") return "f4";
  if (d == "s8") return "i1";
  if (d == "u8") return "u1";
  if (d == "s32") return "i4";
  return "i8";
}

Status Build(const RunRequest& r, const std::string& elf) {
  std::string log = r.dir + "/build/make.log";
  fs::create_directories(r.dir + "/build");
  std::string cmd = fmt::format("make -C {} -j2 build/{}.elf >{} 2>&1",
                                Q(r.dir), r.model_prefix, Q(log));
  int rc = ShellStatus(cmd);
  if (rc == 0) {
    if (!r.quiet) {
      auto text = ReadFileText(log);
      if (text.ok() && text->find("Nothing to be done") == std::string::npos)
        fmt::print(stderr, "kiln: built {}\n", elf);
    }
    return Status::Ok();
  }
  auto text = ReadFileText(log);
  std::string t = text.ok() ? *text : "";
  if (t.find("will not fit in region") != std::string::npos ||
      t.find("overflowed by") != std::string::npos) {
    size_t p = t.find("overflowed by");
    std::string by = p == std::string::npos
                         ? ""
                         : " (" + t.substr(p, t.find('\n', p) - p) + ")";
    return InvalidArgument(
        "'{}': code, weights and arena do not fit the 512 KiB L2 of the pulp "
        "target "
        "together with the stacks{}; use a smaller model (see {})",
        r.dir, by, log);
  }
  if (ShellStatus("command -v riscv64-unknown-elf-gcc >/dev/null 2>&1") != 0)
    return NotFound(
        "riscv64-unknown-elf-gcc is not installed; run tools/setup.sh");
  return InvalidArgument(
      "building '{}' with riscv64-unknown-elf-gcc failed; see {}", r.dir, log);
}

struct Samples {
  int64_t count = 0;
  std::vector<uint8_t> bytes;  // count x (inputs rounded up to 4)
};

StatusOr<Samples> GatherInputs(const RunRequest& r, const json& ins) {
  size_t ni = ins.size();
  Samples s;
  std::vector<NpyArray> arrays;
  for (const std::string& p : r.inputs) {
    KILN_ASSIGN_OR_RETURN(NpyArray a, ReadNpy(p));
    arrays.push_back(std::move(a));
  }
  if (ni == 0)
    return InvalidArgument("pulp: models without inputs are not supported");
  if (r.batch) {
    if (arrays.size() != ni)
      return InvalidArgument("batch run: {} input files for {} inputs",
                             arrays.size(), ni);
    for (size_t i = 0; i < ni; ++i) {
      int64_t b = ins[i]["bytes"].get<int64_t>();
      int64_t n = static_cast<int64_t>(arrays[i].data.size()) / b;
      if (n * b != static_cast<int64_t>(arrays[i].data.size()) ||
          (i && n != s.count))
        return InvalidArgument(
            "'{}': not a whole number of samples of input '{}'", r.inputs[i],
            ins[i]["name"].get<std::string>());
      s.count = n;
    }
  } else {
    s.count = static_cast<int64_t>(arrays.size() / ni);
  }
  for (int64_t k = 0; k < s.count; ++k) {
    for (size_t i = 0; i < ni; ++i) {
      const NpyArray& a = r.batch ? arrays[i] : arrays[k * ni + i];
      int64_t b = ins[i]["bytes"].get<int64_t>();
      if (NpyDtype(ins[i]["dtype"]) != a.dtype)
        return InvalidArgument(
            "'{}': element type {} differs from input '{}' ({})",
            r.batch ? r.inputs[i] : r.inputs[k * ni + i], a.dtype,
            ins[i]["name"].get<std::string>(),
            ins[i]["dtype"].get<std::string>());
      const uint8_t* src = a.data.data() + (r.batch ? k * b : 0);
      s.bytes.insert(s.bytes.end(), src, src + b);
      s.bytes.resize(s.bytes.size() + (Round4(b) - b), 0);
    }
  }
  return s;
}

}  // namespace

StatusOr<std::string> FindKilnSim(int cores) {
  if (cores != 1 && cores != 8)
    return InvalidArgument("--cores {}: the simulated cluster has 1 or 8 cores",
                           cores);
  std::string name = cores == 8 ? "kiln-sim-8" : "kiln-sim";
  std::string dir;
  if (const char* env = std::getenv("KILN_SIM_DIR")) {
    dir = env;
  } else {
    char self[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n > 0) {
      self[n] = 0;
      dir = fs::path(self).parent_path().string();
    }
  }
  std::string path = dir + "/" + name;
  if (access(path.c_str(), X_OK) != 0)
    return NotFound(
        "the simulator '{}' was not found (looked in '{}'); build it with "
        "`cmake --build "
        "build --target {}` or set KILN_SIM_DIR to the folder that holds it",
        name, dir, name);
  return path;
}

Status RunPulp(const RunRequest& r) {
  KILN_ASSIGN_OR_RETURN(std::string sim, FindKilnSim(r.cores));
  KILN_ASSIGN_OR_RETURN(std::string report_text,
                        ReadFileText(r.dir + "/report.json"));
  json report = json::parse(report_text, nullptr, false);
  if (report.is_discarded())
    return InvalidArgument("'{}/report.json' is damaged", r.dir);
  const json& ins = report["inputs"];
  const json& outs = report["outputs"];
  const json& layers = report["layers"];
  std::string build = r.dir + "/build";
  std::string elf = fmt::format("{}/{}.elf", build, r.model_prefix);
  KILN_RETURN_IF_ERROR(Build(r, elf));
  {
    KILN_ASSIGN_OR_RETURN(json fw,
                          FirmwareStats(elf, r.model_prefix + "_run_ptrs", 8));
    KILN_RETURN_IF_ERROR(
        WriteFileText(build + "/firmware.json", fw.dump(2) + "\n"));
  }

  KILN_ASSIGN_OR_RETURN(Samples samples, GatherInputs(r, ins));
  uint32_t out_stride = 0;
  for (const json& o : outs) out_stride += Round4(o["bytes"].get<int64_t>());
  uint32_t dump_per_sample = 0;
  for (const json& l : layers)
    dump_per_sample += 8 + Round4(l["output_bytes"].get<int64_t>());
  int64_t n = samples.count;
  int64_t dump_samples =
      r.dump_dir.empty() ? 0 : std::min<int64_t>(r.dump_samples, n);
  kiln_pulp_io_header_t h{};
  h.magic = KILN_PULP_IO_MAGIC;
  h.num_samples = static_cast<uint32_t>(n);
  h.dump_samples = static_cast<uint32_t>(dump_samples);
  h.in_offset = 64;
  h.out_offset = h.in_offset + static_cast<uint32_t>(samples.bytes.size());
  h.stats_offset = h.out_offset + static_cast<uint32_t>(n) * out_stride;
  uint32_t stats_bytes =
      sizeof(kiln_pulp_stats_t) + 8 * static_cast<uint32_t>(layers.size());
  h.dump_offset = h.stats_offset + stats_bytes;
  h.dump_capacity = static_cast<uint32_t>(dump_samples) * dump_per_sample;
  int64_t io_bytes = int64_t{h.dump_offset} + h.dump_capacity;
  // kiln-sim's L2 ends at 64 MiB; the block follows the device's 512 KiB.
  if (io_bytes > 64 * 1024 * 1024 - 512 * 1024)
    return InvalidArgument(
        "{} samples (and layer dumps) need {} bytes of simulator I/O space, "
        "more than the "
        "63.5 MiB kiln-sim provides; run fewer samples at a time",
        n, io_bytes);
  static_assert(sizeof h <= 64, "the header fits before in_offset");
  std::vector<uint8_t> in_block(h.in_offset + samples.bytes.size(), 0);
  memcpy(in_block.data(), &h, sizeof h);
  if (!samples.bytes.empty())
    memcpy(in_block.data() + h.in_offset, samples.bytes.data(),
           samples.bytes.size());
  std::string in_file = build + "/io_in.bin", out_file = build + "/io_out.bin";
  KILN_RETURN_IF_ERROR(WriteFileBytes(in_file, in_block));
  fs::remove(out_file);

  // A bound that fails a hang fast: generous per MAC (reference kernels on one
  // core reading L2 cost tens of cycles each) and per I/O element (soft-float
  // quantize / dequantize), plus start-up.
  int64_t macs = report["macs"].get<int64_t>(), elems = 0;
  for (const json& i : ins) elems += i["bytes"].get<int64_t>();
  for (const json& o : outs) elems += o["bytes"].get<int64_t>();
  int64_t max_cycles =
      20'000'000 + n * (200 * macs + 2000 * elems +
                        200 * dump_per_sample * (dump_samples ? 1 : 0));
  int64_t l2 = 512 * 1024 + ((io_bytes + 65535) / 65536) * 65536;
  std::string stats_json = build + "/sim_stats.json";
  std::string cmd = fmt::format(
      "{} --elf {} --l2-size {} --max-cycles {} --stats {} --load "
      "{}@kiln_pulp_io "
      "--dump kiln_pulp_io:{}={} 2>{}/sim.log",
      Q(sim), Q(elf), l2, max_cycles, Q(stats_json), Q(in_file), io_bytes,
      Q(out_file), Q(build));
  if (!r.quiet)
    fmt::print(stderr, "kiln: simulating {} sample(s) on {}\n", n, sim);
  std::string sim_out;
  int rc;
  {
    FILE* p = popen((cmd + "; echo \"#rc=$?\"").c_str(), "r");
    if (!p) return Internal("cannot run `{}`", cmd);
    char buf[4096];
    size_t k;
    while ((k = fread(buf, 1, sizeof buf, p)) > 0) sim_out.append(buf, k);
    pclose(p);
    size_t at = sim_out.rfind("#rc=");
    rc = at == std::string::npos ? -1 : std::atoi(sim_out.c_str() + at + 4);
  }
  if (rc != 0) {
    auto log = ReadFileText(build + "/sim.log");
    std::string msg = log.ok() ? *log : "";
    while (!msg.empty() && msg.back() == '\n') msg.pop_back();
    if (rc == 124)
      return InvalidArgument(
          "'{}': the simulation did not finish within {} cycles (a hang, "
          "or a model far slower than expected): {}",
          r.dir, max_cycles, msg);
    if (rc == KILN_PULP_EXIT_BAD_HEADER || rc == KILN_PULP_EXIT_RUN_FAILED ||
        rc == KILN_PULP_EXIT_DUMP_FULL)
      return Internal("'{}': the firmware harness failed with exit code {}",
                      r.dir, rc);
    return InvalidArgument("'{}': kiln-sim failed (exit code {}): {}", r.dir,
                           rc, msg);
  }
  KILN_ASSIGN_OR_RETURN(std::vector<uint8_t> io, ReadFileBytes(out_file));
  if (static_cast<int64_t>(io.size()) != io_bytes)
    return Internal("'{}': the I/O block dump has {} bytes, expected {}",
                    out_file, io.size(), io_bytes);
  kiln_pulp_stats_t st;
  memcpy(&st, &io[h.stats_offset], sizeof st);
  if (st.magic != KILN_PULP_DONE_MAGIC || st.samples_run != h.num_samples)
    return Internal("'{}': the firmware did not complete its runs", r.dir);

  // Outputs.
  size_t no = outs.size();
  for (size_t o = 0, off = 0; o < no; ++o) {
    int64_t b = outs[o]["bytes"].get<int64_t>();
    std::vector<int64_t> shape = outs[o]["shape"].get<std::vector<int64_t>>();
    auto sample = [&](int64_t k) {
      return &io[h.out_offset + k * out_stride + off];
    };
    if (r.batch) {
      NpyArray a;
      a.dtype = NpyDtype(outs[o]["dtype"]);
      a.shape = shape;
      a.shape.insert(a.shape.begin(), n);
      for (int64_t k = 0; k < n; ++k)
        a.data.insert(a.data.end(), sample(k), sample(k) + b);
      if (o < r.outputs.size()) KILN_RETURN_IF_ERROR(WriteNpy(r.outputs[o], a));
    } else {
      for (int64_t k = 0; k < n; ++k) {
        NpyArray a;
        a.dtype = NpyDtype(outs[o]["dtype"]);
        a.shape = shape;
        a.data.assign(sample(k), sample(k) + b);
        size_t idx = static_cast<size_t>(k) * no + o;
        if (idx < r.outputs.size())
          KILN_RETURN_IF_ERROR(WriteNpy(r.outputs[idx], a));
      }
    }
    off += Round4(b);
  }
  // Layer dumps: the records, appended per layer in sample order.
  if (!r.dump_dir.empty()) {
    std::vector<std::vector<uint8_t>> per(layers.size());
    for (uint32_t p = 0; p + 8 <= st.dump_bytes;) {
      uint32_t idx, bytes;
      memcpy(&idx, &io[h.dump_offset + p], 4);
      memcpy(&bytes, &io[h.dump_offset + p + 4], 4);
      if (idx >= per.size() || p + 8 + bytes > st.dump_bytes)
        return Internal("'{}': damaged layer dump record at {}", out_file, p);
      const uint8_t* d = &io[h.dump_offset + p + 8];
      per[idx].insert(per[idx].end(), d, d + bytes);
      p += 8 + Round4(bytes);
    }
    fs::create_directories(r.dump_dir);
    for (size_t l = 0; l < per.size(); ++l)
      KILN_RETURN_IF_ERROR(WriteFileBytes(
          fmt::format("{}/layer_{}.bin", r.dump_dir, l), per[l]));
  }
  // Profile: cycles per run (average over the samples) and per layer.
  if (!r.layer_times_json.empty()) {
    const uint8_t* lc = &io[h.stats_offset + sizeof st];
    json per_layer = json::array();
    for (size_t l = 0; l < layers.size(); ++l) {
      uint32_t lo, hi;
      memcpy(&lo, lc + 8 * l, 4);
      memcpy(&hi, lc + 8 * l + 4, 4);
      per_layer.push_back(((uint64_t{hi} << 32) | lo) /
                          static_cast<uint64_t>(n));
    }
    uint64_t total = (uint64_t{st.cycles_hi} << 32) | st.cycles_lo;
    json prof = {{"runs", n},
                 {"cores", st.num_cores},
                 {"cycles", total / static_cast<uint64_t>(n)},
                 {"first_cycles", st.first_cycles},
                 {"layer_cycles", per_layer},
                 {"stack_high_water",
                  {{"core0_bytes", st.stack_core0},
                   {"worker_bytes", st.stack_workers},
                   {"core0_painted_bytes", st.stack_core0_capacity},
                   {"worker_painted_bytes", st.stack_worker_capacity}}}};
    KILN_RETURN_IF_ERROR(
        WriteFileText(r.layer_times_json, prof.dump(2) + "\n"));
  }
  return Status::Ok();
}

}  // namespace kiln::backends
