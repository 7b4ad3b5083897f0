// Opens report.html files in Debian's headless Chromium ([reports] acceptance 1):
// every SVG part must have rendered (non-empty boxes, one box per buffer, one table
// row per layer), the console must stay free of errors, and a screenshot is kept.
//
//   node check_report_html.js SCREENSHOT.png DIR1 [DIR2 ...]
// The first folder's page is the screenshot (docs/report.png comes from here:
// tests/report/update_screenshot.sh).
'use strict';
const fs = require('fs');
const path = require('path');
const {chromium} = require(path.join(__dirname, '../../third_party/browser/node_modules/playwright-core'));

async function main() {
  const [shot, ...dirs] = process.argv.slice(2);
  if (!shot || dirs.length === 0) {
    console.error('usage: check_report_html.js SCREENSHOT.png DIR...');
    process.exit(2);
  }
  const exe = process.env.KILN_CHROMIUM || '/usr/bin/chromium';
  if (!fs.existsSync(exe)) {
    console.error(`no Chromium at ${exe}: run tools/setup.sh`);
    process.exit(2);
  }
  const browser = await chromium.launch({executablePath: exe, args: ['--no-sandbox']});
  let failures = 0;
  const fail = (m) => { console.log('FAIL: ' + m); failures++; };
  try {
    for (const [i, dir] of dirs.entries()) {
      const report = JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8'));
      const page = await browser.newPage({viewport: {width: 1100, height: 900}});
      const problems = [];
      page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
      page.on('pageerror', (e) => problems.push(String(e)));
      page.on('requestfailed', (r) => problems.push('request failed: ' + r.url()));
      await page.goto('file://' + path.resolve(dir, 'report.html'), {waitUntil: 'load'});
      const got = await page.evaluate(() => {
        const box = (sel) => {
          const e = document.querySelector(sel);
          if (!e) return null;
          const b = e.getBoundingClientRect();
          return {w: b.width, h: b.height};
        };
        const bufs = [...document.querySelectorAll('#arena-layout rect.buf')];
        const drawn = bufs.filter((r) => { const b = r.getBBox(); return b.width > 0 && b.height > 0; });
        const area = document.querySelector('#memory-curve polygon.area');
        return {
          layout: box('#arena-layout'), curve: box('#memory-curve'), planners: box('#planners'),
          buffers: bufs.length, drawn: drawn.length,
          peak: document.querySelectorAll('#arena-layout rect.buf.peak').length,
          area: area ? area.getBBox().height : 0,
          bound: !!document.querySelector('#memory-curve line.bound'),
          bars: document.querySelectorAll('#planners rect.pbar').length,
          rows: document.querySelectorAll('#layers tbody tr').length,
          title: document.title,
        };
      });
      const name = report.name;
      for (const part of ['layout', 'curve', 'planners'])
        if (!got[part] || got[part].w < 100 || got[part].h < 20) fail(`${name}: #${part} did not render`);
      const nonEmpty = report.buffers.filter((b) => b.size > 0).length;
      if (got.buffers !== nonEmpty || got.drawn !== nonEmpty)
        fail(`${name}: ${got.drawn}/${got.buffers} buffer boxes drawn, report has ${nonEmpty}`);
      if (got.peak !== report.peak_tensors.length)
        fail(`${name}: ${got.peak} peak boxes, report names ${report.peak_tensors.length}`);
      if (got.area <= 0 || !got.bound) fail(`${name}: the memory curve or its bound is missing`);
      // One bar per size in the planners object (greedy_by_size, best_fit, kiln,
      // lower_bound; the nested exact/order objects are not sizes).
      const sizes = Object.values(report.planners).filter((v) => Number.isInteger(v)).length;
      if (got.bars !== sizes) fail(`${name}: ${got.bars} planner bars, expected ${sizes}`);
      if (got.rows !== report.layers.length) fail(`${name}: ${got.rows} table rows for ${report.layers.length} layers`);
      if (!got.title.includes(name)) fail(`${name}: page title '${got.title}'`);
      for (const p of problems) fail(`${name}: console: ${p}`);
      if (i === 0) await page.screenshot({path: shot, fullPage: true});
      console.log(`${name}: ${got.drawn} buffers, ${got.rows} layers, ${got.bars} planner bars, ` +
                  `${problems.length} console problems`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
  process.exit(failures ? 1 : 0);
}

main().catch((e) => { console.error(e); process.exit(1); });
