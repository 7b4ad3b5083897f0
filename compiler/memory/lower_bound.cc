// Peak live bytes by a sweep over lifetime boundaries (see lower_bound.h).
#include "compiler/memory/lower_bound.h"

#include <map>

namespace kiln::memory {

Peak PeakLive(const std::vector<Buffer>& buffers) {
  // +size at first_step, -size after last_step.
  std::map<int, int64_t> delta;
  for (const Buffer& b : buffers) {
    if (b.size <= 0) continue;
    delta[b.first_step] += b.size;
    delta[b.last_step + 1] -= b.size;
  }
  Peak peak;
  int64_t live = 0;
  for (const auto& [step, d] : delta) {
    live += d;
    if (live > peak.bytes) peak = {live, step};
  }
  return peak;
}

}  // namespace kiln::memory
