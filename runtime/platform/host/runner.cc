// Host harness for a compiled model (used by `kiln run` and the tests): reads .npy
// inputs, runs the model one or more times on one arena, writes .npy outputs and,
// optionally, per-layer wall times. Host-only code: it may use stdio and malloc;
// the model and kernels it links stay freestanding.
//
//   runner [--prefill BYTE] [--times FILE.json] [--guard start|end]
//          (--in X.npy... --out Y.npy...)...
// Each group of num_inputs --in and num_outputs --out flags is one run, in order;
// all runs share one arena, so a stale-state bug shows as differing outputs.
// --guard puts an arena of exactly <NAME>_ARENA_BYTES against an inaccessible
// page (its end on the page after it, or its start on the page before it), so
// a plan that is too small, or a kernel that writes past its buffer, faults.
//   runner --batch [--dump DIR --dump-samples M] --in X.npy... --out Y.npy...
// --batch: each --in holds N samples ([N, ...input shape]) and each --out gets
// [N, ...output shape]; --dump writes DIR/layer_<i>.bin, every layer's output
// bytes for the first M samples one after another (`kiln validate`'s per-layer
// comparison).
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include KILN_MODEL_HEADER

namespace {

double g_layer_ns[4096];
struct timespec g_t0;

double NowNs() {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e9 + t.tv_nsec;
}

}  // namespace

// Layer output dumps (--dump): grown per sample while g_dumping.
bool g_dumping = false;
unsigned char* g_dump[4096];
size_t g_dump_bytes[4096];

extern "C" void kiln_host_layer_begin(int) { clock_gettime(CLOCK_MONOTONIC, &g_t0); }
extern "C" void kiln_host_layer_end(int index, const void* output, int bytes) {
  double t0 = g_t0.tv_sec * 1e9 + g_t0.tv_nsec;
  if (index < 0 || index >= 4096) return;
  g_layer_ns[index] += NowNs() - t0;
  if (!g_dumping || bytes <= 0) return;
  unsigned char* grown =
      static_cast<unsigned char*>(realloc(g_dump[index], g_dump_bytes[index] + bytes));
  if (!grown) return;
  memcpy(grown + g_dump_bytes[index], output, static_cast<size_t>(bytes));
  g_dump[index] = grown;
  g_dump_bytes[index] += static_cast<size_t>(bytes);
}

namespace {

const char* DescrOf(int32_t dtype) {
  switch (dtype) {
    case KILN_DTYPE_F32: return "<f4";
    case KILN_DTYPE_S8: return "|i1";
    case KILN_DTYPE_U8: return "|u1";
    case KILN_DTYPE_S32: return "<i4";
    case KILN_DTYPE_S16: return "<i2";
    case KILN_DTYPE_BOOL: return "|b1";
    default: return "<i8";
  }
}

int Fail(const char* fmt, const char* a, const char* b = "") {
  fprintf(stderr, "runner: ");
  fprintf(stderr, fmt, a, b);
  fprintf(stderr, "\n");
  return 2;
}

// Opens a .npy whose dtype matches `info` and leaves it at the data; *data_bytes
// is the size of the data. Returns NULL after printing why.
FILE* OpenInput(const char* path, const kiln_io_info_t* info, long* data_bytes) {
  FILE* f = fopen(path, "rb");
  if (!f) {
    Fail("cannot open input '%s'", path);
    return nullptr;
  }
  unsigned char pre[10];
  if (fread(pre, 1, 10, f) != 10 || memcmp(pre, "\x93NUMPY", 6) != 0) {
    fclose(f);
    Fail("'%s' is not a .npy file", path);
    return nullptr;
  }
  size_t hlen = pre[8] | (pre[9] << 8);
  if (pre[6] >= 2) {
    unsigned char more[2];
    if (fread(more, 1, 2, f) != 2) {
      fclose(f);
      Fail("'%s': truncated header", path);
      return nullptr;
    }
    hlen |= (size_t(more[0]) << 16) | (size_t(more[1]) << 24);
  }
  char* header = static_cast<char*>(calloc(1, hlen + 1));
  if (fread(header, 1, hlen, f) != hlen) {
    free(header);
    fclose(f);
    Fail("'%s': truncated header", path);
    return nullptr;
  }
  const char* want = DescrOf(info->dtype);
  bool dtype_ok = strstr(header, want) != nullptr ||
                  (want[0] == '|' && strstr(header, want + 1) != nullptr);
  free(header);
  if (!dtype_ok) {
    fclose(f);
    Fail("'%s': element type differs from the model input '%s'", path, info->name);
    return nullptr;
  }
  long start = ftell(f);
  fseek(f, 0, SEEK_END);
  *data_bytes = ftell(f) - start;
  fseek(f, start, SEEK_SET);
  return f;
}

// Reads a .npy whose dtype and element count match `info` into `buf`.
int ReadInput(const char* path, const kiln_io_info_t* info, void* buf) {
  long bytes = 0;
  FILE* f = OpenInput(path, info, &bytes);
  if (!f) return 2;
  size_t got = fread(buf, 1, static_cast<size_t>(info->bytes), f);
  fclose(f);
  if (got != static_cast<size_t>(info->bytes) || bytes != info->bytes)
    return Fail("'%s': size differs from the model input '%s'", path, info->name);
  return 0;
}

// Writes the .npy header of `info`'s shape, with a leading dimension `batch`
// when batch > 0.
void WriteHeader(FILE* f, const kiln_io_info_t* info, int batch) {
  char shape[256] = "(";
  if (batch > 0) {
    char d[32];
    snprintf(d, sizeof d, info->rank == 0 ? "%d," : "%d, ", batch);
    strncat(shape, d, sizeof shape - strlen(shape) - 1);
  }
  for (int i = 0; i < info->rank; ++i) {
    char d[32];
    snprintf(d, sizeof d, info->rank == 1 ? "%d," : (i + 1 < info->rank ? "%d, " : "%d"),
             info->shape[i]);
    strncat(shape, d, sizeof shape - strlen(shape) - 1);
  }
  strncat(shape, ")", sizeof shape - strlen(shape) - 1);
  char header[512];
  int n = snprintf(header, sizeof header,
                   "{'descr': '%s', 'fortran_order': False, 'shape': %s, }",
                   DescrOf(info->dtype), shape);
  int total = 10 + n + 1;
  int pad = (64 - total % 64) % 64;
  unsigned short hlen = static_cast<unsigned short>(n + pad + 1);
  fwrite("\x93NUMPY\x01\x00", 1, 8, f);
  unsigned char hl[2] = {static_cast<unsigned char>(hlen & 0xff),
                         static_cast<unsigned char>(hlen >> 8)};
  fwrite(hl, 1, 2, f);
  fwrite(header, 1, n, f);
  for (int i = 0; i < pad; ++i) fputc(' ', f);
  fputc('\n', f);
}

int WriteOutput(const char* path, const kiln_io_info_t* info, const void* buf) {
  FILE* f = fopen(path, "wb");
  if (!f) return Fail("cannot write '%s'", path);
  WriteHeader(f, info, 0);
  fwrite(buf, 1, static_cast<size_t>(info->bytes), f);
  return fclose(f) == 0 ? 0 : Fail("cannot write '%s'", path);
}

// Maps [guard page][arena pages][guard page] and returns a pointer to `bytes`
// bytes that end at the second guard (at_end) or start right after the first.
uint8_t* GuardedArena(size_t bytes, bool at_end) {
  const size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  const size_t body = (bytes + page - 1) / page * page;
  void* p = mmap(nullptr, body + 2 * page, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) return nullptr;
  uint8_t* base = static_cast<uint8_t*>(p) + page;
  if (body && mprotect(base, body, PROT_READ | PROT_WRITE) != 0) return nullptr;
  return at_end ? base + body - bytes : base;
}

// --batch: N samples per input file, run one after another on one arena.
int RunBatch(const kiln_model_t* m, const char* const* ins, const char* const* outs,
             uint8_t* arena, void** in_bufs, void** out_bufs, const char* dump_dir,
             long dump_samples, int* runs) {
  FILE* in_files[64];
  FILE* out_files[64];
  long count = -1;
  for (int i = 0; i < m->num_inputs; ++i) {
    long bytes = 0;
    in_files[i] = OpenInput(ins[i], &m->inputs[i], &bytes);
    if (!in_files[i]) return 2;
    if (m->inputs[i].bytes <= 0 || bytes % m->inputs[i].bytes != 0 ||
        (count >= 0 && bytes / m->inputs[i].bytes != count))
      return Fail("'%s': not a whole number of samples, or a count differing from "
                  "the other inputs ('%s')", ins[i], m->inputs[i].name);
    count = bytes / m->inputs[i].bytes;
  }
  for (int i = 0; i < m->num_outputs; ++i) {
    out_files[i] = fopen(outs[i], "wb");
    if (!out_files[i]) return Fail("cannot write '%s'", outs[i]);
    WriteHeader(out_files[i], &m->outputs[i], static_cast<int>(count));
  }
  for (long k = 0; k < count; ++k) {
    for (int i = 0; i < m->num_inputs; ++i)
      if (fread(in_bufs[i], 1, static_cast<size_t>(m->inputs[i].bytes), in_files[i]) !=
          static_cast<size_t>(m->inputs[i].bytes))
        return Fail("'%s': read error", ins[i]);
    g_dumping = dump_dir != nullptr && k < dump_samples;
    if (m->run_with_arena(in_bufs, out_bufs, arena) != 0) return Fail("%s: run failed", m->name);
    for (int i = 0; i < m->num_outputs; ++i)
      fwrite(out_bufs[i], 1, static_cast<size_t>(m->outputs[i].bytes), out_files[i]);
  }
  g_dumping = false;
  for (int i = 0; i < m->num_inputs; ++i) fclose(in_files[i]);
  for (int i = 0; i < m->num_outputs; ++i)
    if (fclose(out_files[i]) != 0) return Fail("cannot write '%s'", outs[i]);
  if (dump_dir) {
    for (int l = 0; l < m->num_layers && l < 4096; ++l) {
      char path[4096];
      snprintf(path, sizeof path, "%s/layer_%d.bin", dump_dir, l);
      FILE* f = fopen(path, "wb");
      if (!f) return Fail("cannot write '%s'", path);
      if (g_dump_bytes[l]) fwrite(g_dump[l], 1, g_dump_bytes[l], f);
      if (fclose(f) != 0) return Fail("cannot write '%s'", path);
    }
  }
  *runs = static_cast<int>(count > 0 ? count : 1);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const kiln_model_t* m = &KILN_MODEL;
  int prefill = 0xA5;
  const char* times_path = nullptr;
  const char* ins[256];
  const char* outs[256];
  int nin = 0, nout = 0;
  const char* guard = nullptr;
  bool batch = false;
  const char* dump_dir = nullptr;
  long dump_samples = 0;
  for (int i = 1; i < argc; ++i) {
    if (!strcmp(argv[i], "--batch")) {
      batch = true;
    } else if (!strcmp(argv[i], "--dump") && i + 1 < argc) {
      dump_dir = argv[++i];
    } else if (!strcmp(argv[i], "--dump-samples") && i + 1 < argc) {
      dump_samples = strtol(argv[++i], nullptr, 10);
    } else if (!strcmp(argv[i], "--prefill") && i + 1 < argc) {
      prefill = static_cast<int>(strtol(argv[++i], nullptr, 0));
    } else if (!strcmp(argv[i], "--times") && i + 1 < argc) {
      times_path = argv[++i];
    } else if (!strcmp(argv[i], "--guard") && i + 1 < argc &&
               (!strcmp(argv[i + 1], "start") || !strcmp(argv[i + 1], "end"))) {
      guard = argv[++i];
    } else if (!strcmp(argv[i], "--in") && i + 1 < argc && nin < 256) {
      ins[nin++] = argv[++i];
    } else if (!strcmp(argv[i], "--out") && i + 1 < argc && nout < 256) {
      outs[nout++] = argv[++i];
    } else {
      return Fail("unknown or incomplete argument '%s'", argv[i]);
    }
  }
  // A model without inputs (all constant) runs once per group of outputs.
  int runs = m->num_inputs ? nin / m->num_inputs
                           : (m->num_outputs ? nout / m->num_outputs : 0);
  if (m->num_outputs == 0 || runs == 0 || nin != runs * m->num_inputs ||
      nout != runs * m->num_outputs)
    return Fail("need groups of %s inputs and %s outputs per run",
                "num_inputs", "num_outputs");
  if (batch && nin != m->num_inputs)
    return Fail("--batch takes one --in per input and one --out per output%s", "");
  // The arena is deliberately dirty: a kernel that reads before writing shows up.
  uint8_t* arena = guard ? GuardedArena(static_cast<size_t>(m->arena_bytes), guard[0] == 'e')
                         : static_cast<uint8_t*>(
                               aligned_alloc(16, (m->arena_bytes + 15) / 16 * 16 + 16));
  if (!arena) return Fail("%s: cannot allocate the arena%s", m->name);
  memset(arena, prefill, static_cast<size_t>(m->arena_bytes));
  void* in_bufs[64];
  void* out_bufs[64];
  for (int i = 0; i < m->num_inputs; ++i) in_bufs[i] = malloc(m->inputs[i].bytes + 16);
  for (int i = 0; i < m->num_outputs; ++i) out_bufs[i] = malloc(m->outputs[i].bytes + 16);
  if (batch) {
    if (int rc = RunBatch(m, ins, outs, arena, in_bufs, out_bufs, dump_dir, dump_samples,
                          &runs))
      return rc;
  }
  for (int r = 0; !batch && r < runs; ++r) {
    for (int i = 0; i < m->num_inputs; ++i)
      if (int rc = ReadInput(ins[r * m->num_inputs + i], &m->inputs[i], in_bufs[i])) return rc;
    for (int i = 0; i < m->num_outputs; ++i)
      memset(out_bufs[i], prefill, static_cast<size_t>(m->outputs[i].bytes));
    if (m->run_with_arena(in_bufs, out_bufs, arena) != 0) return Fail("%s: run failed", m->name);
    for (int i = 0; i < m->num_outputs; ++i)
      if (int rc = WriteOutput(outs[r * m->num_outputs + i], &m->outputs[i], out_bufs[i]))
        return rc;
  }
  if (times_path) {
    FILE* f = fopen(times_path, "w");
    if (!f) return Fail("cannot write '%s'", times_path);
    fprintf(f, "{\"runs\": %d, \"layer_us\": [", runs);
    for (int i = 0; i < m->num_layers && i < 4096; ++i)
      fprintf(f, "%s%.3f", i ? ", " : "", g_layer_ns[i] / 1e3 / runs);
    fprintf(f, "]}\n");
    fclose(f);
  }
  return 0;
}
