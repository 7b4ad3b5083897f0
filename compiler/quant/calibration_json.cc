// Reading and writing calibration ranges as JSON (nlohmann-json).
#include "compiler/quant/calibration_json.h"

#include <nlohmann/json.hpp>

namespace kiln::quant {

std::string CalibrationToJson(const CalibrationResult& r) {
  nlohmann::ordered_json j;
  j["method"] = r.method;
  j["num_samples"] = r.num_samples;
  nlohmann::ordered_json ranges = nlohmann::ordered_json::object();
  for (const auto& [name, range] : r.ranges)
    ranges[name] = {range.min, range.max};
  j["ranges"] = ranges;
  return j.dump(2) + "\n";
}

StatusOr<CalibrationResult> CalibrationFromJson(std::string_view text,
                                                std::string_view source) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return InvalidArgument("{}: not a JSON object", source);
  CalibrationResult r;
  if (j.contains("method") && j["method"].is_string())
    r.method = j["method"].get<std::string>();
  if (j.contains("num_samples") && j["num_samples"].is_number_integer())
    r.num_samples = j["num_samples"].get<int>();
  if (!j.contains("ranges") || !j["ranges"].is_object())
    return InvalidArgument("{}: needs \"ranges\": {{\"tensor\": [min, max], ...}}",
                           source);
  for (const auto& [name, v] : j["ranges"].items()) {
    if (!v.is_array() || v.size() != 2 || !v[0].is_number() ||
        !v[1].is_number())
      return InvalidArgument("{}: range of '{}' must be [min, max]", source,
                             name);
    TensorRange range{v[0].get<float>(), v[1].get<float>()};
    if (!(range.min <= range.max))
      return InvalidArgument("{}: range of '{}' has min > max", source, name);
    r.ranges[name] = range;
  }
  return r;
}

}  // namespace kiln::quant
