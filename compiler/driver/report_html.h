// report.html: one self-contained page (inline CSS and SVG, no scripts, no
// network) drawn from report.json, so a user sees at a glance whether a model
// fits and which tensors set the peak. docs/report_schema.md has the fields.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace kiln::driver {

// Renders `report` (the object MakeReportJson builds). Fields the page needs
// but the report lacks (an older schema) are drawn as absent, never guessed.
std::string MakeReportHtml(const nlohmann::json& report);

}  // namespace kiln::driver
