// Draws report.html from report.json. Everything is computed here from the
// report's own numbers (buffers, layers, planners), so the page and the JSON
// can never disagree. Hover text uses SVG <title> elements: native tooltips
// work without scripts, and a page without scripts has no console errors.
#include "compiler/driver/report_html.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <set>
#include <vector>

namespace kiln::driver {
namespace {

using nlohmann::json;

std::string Esc(const std::string& s) {
  std::string o;
  o.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': o += "&amp;"; break;
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '"': o += "&quot;"; break;
      case '\'': o += "&#39;"; break;
      default: o += c;
    }
  }
  return o;
}

int64_t Int(const json& j, const char* key, int64_t def = -1) {
  if (!j.is_object() || !j.contains(key) || !j[key].is_number()) return def;
  return j[key].get<int64_t>();
}

std::string Str(const json& j, const char* key, const std::string& def = "") {
  if (!j.is_object() || !j.contains(key) || !j[key].is_string()) return def;
  return j[key].get<std::string>();
}

// 12345678 -> "12,345,678": byte counts are read digit-group by digit-group.
std::string Num(int64_t v) {
  if (v < 0) return "—";
  std::string d = std::to_string(v), o;
  int n = static_cast<int>(d.size());
  for (int i = 0; i < n; ++i) {
    o += d[i];
    if ((n - 1 - i) % 3 == 0 && i != n - 1) o += ',';
  }
  return o;
}

std::string Bytes(int64_t v) {
  if (v < 0) return "—";
  if (v < 10 * 1024) return Num(v) + " B";
  if (v < 10 * 1024 * 1024) return fmt::format("{:.1f} KiB", v / 1024.0);
  return fmt::format("{:.2f} MiB", v / (1024.0 * 1024.0));
}

std::string ShapeText(const json& s) {
  if (!s.is_array()) return "";
  std::string o;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i) o += "×";
    o += s[i].is_number() ? std::to_string(s[i].get<int64_t>()) : "?";
  }
  return o;
}

// A stable colour per tensor name (FNV-1a → hue), so a buffer keeps its colour
// across reports of the same model.
std::string Colour(const std::string& name) {
  uint32_t h = 2166136261u;
  for (unsigned char c : name) h = (h ^ c) * 16777619u;
  return fmt::format("hsl({},55%,62%)", h % 360);
}

struct Buf {
  std::string tensor, shape, dtype;
  int64_t offset = 0, size = 0;
  int first = 0, last = 0;
  bool peak = false;
};

std::vector<Buf> ReadBuffers(const json& r, const std::set<std::string>& peak) {
  std::vector<Buf> out;
  if (!r.contains("buffers") || !r["buffers"].is_array()) return out;
  for (const json& b : r["buffers"]) {
    Buf x;
    x.tensor = Str(b, "tensor");
    x.shape = ShapeText(b.value("shape", json()));
    x.dtype = Str(b, "dtype");
    x.offset = Int(b, "offset", 0);
    x.size = Int(b, "size", 0);
    x.first = static_cast<int>(Int(b, "first_step", 0));
    x.last = static_cast<int>(Int(b, "last_step", 0));
    x.peak = peak.count(x.tensor) > 0;
    out.push_back(x);
  }
  return out;
}

// Bytes live at each step, from the buffers alone.
std::vector<int64_t> LiveCurve(const std::vector<Buf>& bufs, int steps) {
  std::vector<int64_t> live(std::max(steps, 1), 0);
  for (const Buf& b : bufs)
    for (int s = std::max(b.first, 0); s <= b.last && s < steps; ++s) live[s] += b.size;
  return live;
}

std::string Card(const std::string& label, const std::string& value,
                 const std::string& sub = "") {
  return fmt::format(
      "<div class=card><div class=lbl>{}</div><div class=val>{}</div>"
      "<div class=sub>{}</div></div>\n",
      Esc(label), Esc(value), Esc(sub));
}

// Steps across, offsets down: each buffer is a box spanning its lifetime and
// its bytes. Peak tensors get a thick outline.
std::string ArenaSvg(const std::vector<Buf>& bufs, int steps, int64_t arena,
                     int peak_step) {
  const int W = 960, H = 360, L = 70, R = 10, T = 10, B = 30;
  const double pw = W - L - R, ph = H - T - B;
  int64_t top = arena;
  for (const Buf& b : bufs) top = std::max(top, b.offset + b.size);
  if (top <= 0) top = 1;
  const double sx = pw / std::max(steps, 1), sy = ph / static_cast<double>(top);
  std::string s = fmt::format(
      "<svg id=arena-layout class=chart viewBox='0 0 {} {}' width='{}' height='{}' "
      "role=img aria-label='arena layout'>\n",
      W, H, W, H);
  s += fmt::format("<rect x='{}' y='{}' width='{:.1f}' height='{:.1f}' class='frame'/>\n", L,
                   T, pw, ph);
  if (peak_step >= 0 && peak_step < steps)
    s += fmt::format(
        "<rect x='{:.1f}' y='{}' width='{:.1f}' height='{:.1f}' class=peakcol>"
        "<title>peak step {}</title></rect>\n",
        L + peak_step * sx, T, sx, ph, peak_step);
  for (const Buf& b : bufs) {
    if (b.size <= 0) continue;
    double x = L + b.first * sx, w = (b.last - b.first + 1) * sx;
    double y = T + b.offset * sy, h = std::max(b.size * sy, 1.0);
    s += fmt::format(
        "<rect class='buf{}' x='{:.1f}' y='{:.1f}' width='{:.1f}' height='{:.1f}' "
        "fill='{}'><title>{}\n{} {}\n{} at offset {}\nlive steps {}–{}</title></rect>\n",
        b.peak ? " peak" : "", x, y, std::max(w - 1.0, 1.0), h, Colour(b.tensor),
        Esc(b.tensor), Esc(b.dtype), Esc(b.shape), Esc(Bytes(b.size)), Num(b.offset),
        b.first, b.last);
    // A name inside the box when it fits (about 6.5 px per character at 11 px).
    if (w > 40 && h > 14) {
      size_t chars = static_cast<size_t>((w - 8) / 6.5);
      std::string label = b.tensor.size() > chars ? b.tensor.substr(0, chars) : b.tensor;
      s += fmt::format("<text class=boxlbl x='{:.1f}' y='{:.1f}'>{}</text>\n", x + 4,
                       y + std::min(h / 2 + 4, 14.0), Esc(label));
    }
  }
  // Axes: offsets at 0, half and the top; steps every ~10% of the width.
  for (int k = 0; k <= 2; ++k) {
    int64_t v = top * k / 2;
    s += fmt::format("<text x='{}' y='{:.1f}' class=ax text-anchor=end>{}</text>\n", L - 4,
                     T + v * sy + 4, Esc(Bytes(v)));
  }
  int every = std::max(1, steps / 10);
  for (int st = 0; st < steps; st += every)
    s += fmt::format("<text x='{:.1f}' y='{}' class=ax text-anchor=middle>{}</text>\n",
                     L + (st + 0.5) * sx, H - 12, st);
  s += fmt::format("<text x='{}' y='{}' class=ax>step →</text>\n", W - 50, H - 1);
  s += "</svg>\n";
  return s;
}

// Live bytes per step with the arena size and the lower bound as lines.
std::string CurveSvg(const std::vector<int64_t>& live, int64_t arena, int64_t bound,
                     int peak_step) {
  const int W = 960, H = 240, L = 70, R = 10, T = 10, B = 30;
  const double pw = W - L - R, ph = H - T - B;
  int64_t top = std::max<int64_t>({arena, bound, 1});
  for (int64_t v : live) top = std::max(top, v);
  const int n = static_cast<int>(live.size());
  const double sx = pw / std::max(n, 1), sy = ph / static_cast<double>(top);
  auto Y = [&](int64_t v) { return T + ph - v * sy; };
  std::string s = fmt::format(
      "<svg id=memory-curve class=chart viewBox='0 0 {} {}' width='{}' height='{}' "
      "role=img aria-label='memory over steps'>\n",
      W, H, W, H);
  s += fmt::format("<rect x='{}' y='{}' width='{:.1f}' height='{:.1f}' class='frame'/>\n", L,
                   T, pw, ph);
  std::string pts;
  for (int i = 0; i < n; ++i) {
    pts += fmt::format("{:.1f},{:.1f} {:.1f},{:.1f} ", L + i * sx, Y(live[i]),
                       L + (i + 1) * sx, Y(live[i]));
  }
  s += fmt::format("<polygon class='area' points='{:.1f},{:.1f} {}{:.1f},{:.1f}'/>\n", L + 0.0,
                   Y(0), pts, L + n * sx, Y(0));
  for (int i = 0; i < n; ++i)
    s += fmt::format(
        "<rect class=hit x='{:.1f}' y='{}' width='{:.1f}' height='{:.1f}'><title>step "
        "{}: {} live</title></rect>\n",
        L + i * sx, T, sx, ph, i, Esc(Bytes(live[i])));
  if (arena >= 0)
    s += fmt::format(
        "<line class=arena x1='{}' x2='{:.1f}' y1='{:.1f}' y2='{:.1f}'><title>arena {}"
        "</title></line>\n",
        L, L + pw, Y(arena), Y(arena), Esc(Bytes(arena)));
  if (bound >= 0)
    s += fmt::format(
        "<line class=bound x1='{}' x2='{:.1f}' y1='{:.1f}' y2='{:.1f}'><title>lower bound "
        "{}</title></line>\n",
        L, L + pw, Y(bound), Y(bound), Esc(Bytes(bound)));
  if (peak_step >= 0 && peak_step < n)
    s += fmt::format("<circle class=peakdot cx='{:.1f}' cy='{:.1f}' r='4'><title>peak at "
                     "step {}</title></circle>\n",
                     L + (peak_step + 0.5) * sx, Y(live[peak_step]), peak_step);
  for (int k = 0; k <= 2; ++k) {
    int64_t v = top * k / 2;
    s += fmt::format("<text x='{}' y='{:.1f}' class=ax text-anchor=end>{}</text>\n", L - 4,
                     Y(v) + 4, Esc(Bytes(v)));
  }
  int every = std::max(1, n / 10);
  for (int st = 0; st < n; st += every)
    s += fmt::format("<text x='{:.1f}' y='{}' class=ax text-anchor=middle>{}</text>\n",
                     L + (st + 0.5) * sx, H - 12, st);
  s += "</svg>\n";
  return s;
}

// One bar per planner (and the bound), on a common scale.
std::string PlannersSvg(const json& planners) {
  std::vector<std::pair<std::string, int64_t>> rows;
  if (planners.is_object())
    for (auto it = planners.begin(); it != planners.end(); ++it)
      if (it.value().is_number_integer()) rows.emplace_back(it.key(), it.value().get<int64_t>());
  if (rows.empty()) return "<p class=muted>No planner comparison in this report.</p>\n";
  int64_t top = 1;
  for (auto& [k, v] : rows) top = std::max(top, v);
  const int W = 960, row = 26, L = 170, R = 130;
  const int H = static_cast<int>(rows.size()) * row + 10;
  std::string s = fmt::format(
      "<svg id=planners class=chart viewBox='0 0 {} {}' width='{}' height='{}' role=img "
      "aria-label='planner comparison'>\n",
      W, H, W, H);
  for (size_t i = 0; i < rows.size(); ++i) {
    const auto& [name, v] = rows[i];
    double w = (W - L - R) * static_cast<double>(v) / top;
    int y = 5 + static_cast<int>(i) * row;
    bool bound = name.find("bound") != std::string::npos;
    s += fmt::format("<text x='{}' y='{}' class=lbltxt text-anchor=end>{}</text>\n", L - 8,
                     y + 16, Esc(name));
    s += fmt::format(
        "<rect class='{}' x='{}' y='{}' width='{:.1f}' height='{}'><title>{}: {} "
        "bytes</title></rect>\n",
        bound ? "pbar bound" : "pbar", L, y + 3, std::max(w, 1.0), row - 8, Esc(name),
        Num(v));
    s += fmt::format("<text x='{:.1f}' y='{}' class=lbltxt>{}</text>\n", L + w + 6, y + 16,
                     Esc(Bytes(v)));
  }
  s += "</svg>\n";
  return s;
}

std::string LayerTable(const json& layers, int peak_step) {
  if (!layers.is_array()) return "";
  int64_t top = 1;
  for (const json& l : layers) top = std::max(top, Int(l, "live_bytes", 0));
  std::string s =
      "<table id=layers><thead><tr><th>#</th><th>layer</th><th>op</th><th>precision</th>"
      "<th>output</th><th class=r>MACs</th><th class=r>weights</th><th class=r>scratch"
      "</th><th class=r>live</th><th></th></tr></thead><tbody>\n";
  for (const json& l : layers) {
    int64_t idx = Int(l, "index", 0), live = Int(l, "live_bytes");
    int64_t wb = Int(l, "weights_bytes", Int(l, "weight_bytes"));
    s += fmt::format(
        "<tr{}><td>{}</td><td class=nm>{}</td><td>{}</td><td class='prec {}'>{}</td>"
        "<td>{}</td><td class=r>{}</td><td class=r>{}</td><td class=r>{}</td>"
        "<td class=r>{}</td><td><div class=bar style='width:{}px'></div></td></tr>\n",
        idx == peak_step ? " class=peakrow" : "", idx, Esc(Str(l, "name")),
        Esc(Str(l, "op")), Esc(Str(l, "precision", "float")),
        Esc(Str(l, "precision", "float")), Esc(ShapeText(l.value("output_shape", json()))),
        Num(Int(l, "macs")), Esc(Bytes(wb)), Esc(Bytes(Int(l, "scratch_bytes", 0))),
        Esc(Bytes(live)), live > 0 ? live * 160 / top : 0);
  }
  s += "</tbody></table>\n";
  return s;
}

constexpr const char* kStyle = R"css(
body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1d2330;background:#fbfbfd}
h1{font-size:22px;margin:0 0 4px} h2{font-size:16px;margin:28px 0 8px}
.muted{color:#667} .cards{display:flex;flex-wrap:wrap;gap:10px;margin:14px 0}
.card{background:#fff;border:1px solid #dde;border-radius:8px;padding:8px 14px;min-width:140px}
.lbl{font-size:12px;color:#667} .val{font-size:20px;font-weight:600} .sub{font-size:12px;color:#667}
.chart{background:#fff;border:1px solid #dde;border-radius:8px;max-width:100%;height:auto}
.frame{fill:none;stroke:#ccd} .boxlbl{font-size:11px;fill:#1d2330;pointer-events:none} .ax{font-size:11px;fill:#667}
.buf{stroke:#fff;stroke-width:.5} .buf:hover{stroke:#000;stroke-width:1.5}
.buf.peak{stroke:#c0143c;stroke-width:2.5} .peakcol{fill:#c0143c;opacity:.08}
.area{fill:#6a8fd8;opacity:.55} .hit{fill:transparent} .hit:hover{fill:#000;opacity:.06}
.arena{stroke:#1d2330;stroke-width:1.5;stroke-dasharray:6 4} .bound{stroke:#c0143c;stroke-width:1.5}
.peakdot{fill:#c0143c} .pbar{fill:#6a8fd8} .pbar.bound{fill:#c0143c} .lbltxt{font-size:12px;fill:#1d2330}
table{border-collapse:collapse;background:#fff;border:1px solid #dde;font-size:13px}
th,td{padding:3px 8px;border-bottom:1px solid #eef;text-align:left} .r{text-align:right}
.nm{max-width:280px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.peakrow{background:#fde8ec} .bar{height:10px;background:#6a8fd8;border-radius:2px}
.prec.int8{color:#1a7f37} .prec.float{color:#8a5a00} .prec.convert{color:#667}
.legend span{display:inline-block;margin-right:16px} .sw{display:inline-block;width:18px;height:3px;vertical-align:middle;margin-right:4px}
)css";

}  // namespace

std::string MakeReportHtml(const json& r) {
  const json& t = r.value("totals", json::object());
  int64_t arena = Int(r, "arena_bytes", Int(t, "arena_bytes"));
  int64_t bound = Int(r, "lower_bound_bytes", Int(t, "arena_lower_bound"));
  int64_t weights = Int(r, "weights_bytes", Int(t, "weight_bytes"));
  int64_t macs = Int(r, "macs", Int(t, "macs"));
  int peak_step = static_cast<int>(Int(r, "peak_step"));
  std::set<std::string> peak;
  if (r.contains("peak_tensors") && r["peak_tensors"].is_array())
    for (const json& p : r["peak_tensors"])
      if (p.is_string()) peak.insert(p.get<std::string>());
  const json& layers = r.value("layers", json::array());
  int steps = layers.is_array() ? static_cast<int>(layers.size()) : 0;
  std::vector<Buf> bufs = ReadBuffers(r, peak);
  for (const Buf& b : bufs) steps = std::max(steps, b.last + 1);
  std::vector<int64_t> live = LiveCurve(bufs, steps);

  std::string name = Str(r, "name", "model");
  std::string h = "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>\n";
  h += fmt::format("<title>kiln report: {}</title>\n", Esc(name));
  h += "<meta name=viewport content='width=device-width,initial-scale=1'>\n";
  h += fmt::format("<style>{}</style></head><body>\n", kStyle);
  h += fmt::format("<h1>kiln memory report: {}</h1>\n<div class=muted>{} · target {}</div>\n",
                   Esc(name), Esc(Str(r, "model")), Esc(Str(r, "target")));
  if (r.contains("notes") && r["notes"].is_array())
    for (const json& n : r["notes"])
      if (n.is_string()) h += fmt::format("<div class=muted>note: {}</div>\n", Esc(n.get<std::string>()));

  h += "<div class=cards id=totals>\n";
  h += Card("activation arena", Bytes(arena),
            bound > 0 && arena >= 0 ? fmt::format("{:.3f}× the lower bound", arena /
                                                      static_cast<double>(bound))
                                    : "");
  h += Card("lower bound", Bytes(bound), "for this execution order");
  h += Card("weights", Bytes(weights));
  int64_t flash = Int(r, "flash_bytes"), ram = Int(r, "ram_total_bytes");
  h += Card("flash", flash >= 0 ? Bytes(flash) : "—",
            flash >= 0 ? "measured from the ELF" : "not measured for this target");
  h += Card("RAM total", ram >= 0 ? Bytes(ram) : "—",
            ram >= 0 ? "data + bss + arena + stack" : "not measured for this target");
  h += Card("MACs", Num(macs));
  h += "</div>\n";

  h += "<h2>Memory over the steps</h2>\n<div class=legend><span><i class=sw "
       "style='background:#6a8fd8'></i>live bytes</span><span><i class=sw "
       "style='background:#1d2330'></i>arena</span><span><i class=sw "
       "style='background:#c0143c'></i>lower bound</span></div>\n";
  h += CurveSvg(live, arena, bound, peak_step);

  h += "<h2>Arena layout</h2>\n<div class=muted>Steps across, offsets down; one box per "
       "buffer (hover for tensor, shape and lifetime). Outlined in red: the tensors live "
       "at the peak";
  if (peak_step >= 0) h += fmt::format(" (step {})", peak_step);
  h += ".</div>\n";
  h += ArenaSvg(bufs, steps, arena, peak_step);
  if (!peak.empty()) {
    h += "<div id=peak-tensors>Peak tensors: ";
    bool first = true;
    for (const Buf& b : bufs)
      if (b.peak) {
        h += fmt::format("{}<b>{}</b> ({})", first ? "" : ", ", Esc(b.tensor),
                         Esc(Bytes(b.size)));
        first = false;
      }
    h += "</div>\n";
  }

  h += "<h2>Planners</h2>\n";
  h += PlannersSvg(r.value("planners", json()));
  h += "<h2>Layers</h2>\n";
  h += LayerTable(layers, peak_step);
  h += "</body></html>\n";
  return h;
}

}  // namespace kiln::driver
