// The plan checker (see check.h). Deliberately shares no code with the
// planners: it compares every pair of buffers directly.
#include "compiler/memory/check.h"

namespace kiln::memory {

std::string CheckPlan(const std::vector<Buffer>& buffers, const Plan& plan) {
  if (plan.offsets.size() != buffers.size())
    return "plan has " + std::to_string(plan.offsets.size()) + " offsets for " +
           std::to_string(buffers.size()) + " buffers";
  for (size_t i = 0; i < buffers.size(); ++i) {
    const Buffer& a = buffers[i];
    if (a.size <= 0) continue;
    int64_t oa = plan.offsets[i];
    if (oa < 0 || (a.alignment > 1 && oa % a.alignment != 0))
      return "buffer " + std::to_string(i) + " is misaligned at " +
             std::to_string(oa);
    if (oa + a.size > plan.total_bytes)
      return "buffer " + std::to_string(i) + " ends past the arena";
    for (size_t j = i + 1; j < buffers.size(); ++j) {
      const Buffer& b = buffers[j];
      if (b.size <= 0) continue;
      bool same_time = a.first_step <= b.last_step && b.first_step <= a.last_step;
      if (!same_time) continue;
      int64_t ob = plan.offsets[j];
      if (oa < ob + b.size && ob < oa + a.size)
        return "buffers " + std::to_string(i) + " and " + std::to_string(j) +
               " are live together and overlap";
    }
  }
  return "";
}

}  // namespace kiln::memory
