// Runs the bit probe on the host and compares each hash with the rv32im
// (soft-float) build of the same runtime running under qemu-riscv32: the design
// promise that float islands give the same bits on every target.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "runtime/tests/cross_target/probe.h"

namespace {

void Collect(void* ctx, const char* name, uint32_t hash) {
  static_cast<std::vector<std::pair<std::string, uint32_t>>*>(ctx)
      ->emplace_back(name, hash);
}

// Runs `cmd` and parses its "<name> <hex hash>" lines.
std::map<std::string, uint32_t> RunProbe(const std::string& cmd) {
  std::map<std::string, uint32_t> out;
  FILE* f = popen((cmd + " 2>&1").c_str(), "r");
  EXPECT_NE(f, nullptr) << cmd;
  if (f == nullptr) return out;
  char name[64];
  unsigned hash;
  while (std::fscanf(f, "%63s %x", name, &hash) == 2) out[name] = hash;
  EXPECT_EQ(pclose(f), 0) << cmd;
  return out;
}

void ExpectSameBits(const std::vector<std::pair<std::string, uint32_t>>& host,
                    const std::string& cmd, const char* what) {
  std::map<std::string, uint32_t> target = RunProbe(cmd);
  ASSERT_EQ(target.size(), host.size()) << cmd;
  for (const auto& [n, h] : host) {
    ASSERT_TRUE(target.count(n)) << n;
    EXPECT_EQ(target[n], h)
        << n << " differs between the host (g++) and " << what;
  }
}

TEST(CrossTargetBits, Rv32imAndClangMatchHost) {
  std::vector<std::pair<std::string, uint32_t>> host;
  kiln_probe_run(Collect, &host);
  ASSERT_EQ(host.size(), 27u);
  ExpectSameBits(host, std::string(KILN_QEMU_RISCV32) + " " + KILN_RV32_PROBE,
                 "rv32im soft-float under qemu");
  ExpectSameBits(host, KILN_CLANG_PROBE, "the clang++ build");
}

}  // namespace
