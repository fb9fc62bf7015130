// axe-core against WCAG 2.2 AA on one HTML file, in the system's headless Chromium (no browser download).
// Usage: node axe-check.js FILE.html [--screenshot WIDTH OUT.png]...  Exit 0: no violations; 1: violations; 2: could not run.
'use strict';
const path = require('path');
const { chromium } = require('playwright-core');
const axe = require('axe-core');

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

async function main(argv) {
  const file = argv[0];
  if (!file) {
    console.error('usage: node axe-check.js FILE.html [--screenshot WIDTH OUT.png]...');
    return 2;
  }
  const shots = [];
  for (let i = 1; i < argv.length; i++) {
    if (argv[i] === '--screenshot') {
      shots.push({ width: Number(argv[i + 1]), out: argv[i + 2] });
      i += 2;
    }
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ARGS });
  try {
    const page = await browser.newPage();
    // the page must need nothing from the network: any request but the file itself fails the check
    const requests = [];
    page.on('request', r => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
    await page.goto('file://' + path.resolve(file), { waitUntil: 'load' });
    await page.addScriptTag({ content: axe.source });
    const results = await page.evaluate(tags => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
    console.log(`axe-core ${results.testEngine.version}, ${TAGS.join(', ')}: ${results.passes.length} rules passed, `
      + `${results.violations.length} violated, ${results.incomplete.length} to review by hand, ${results.inapplicable.length} not applicable`);
    for (const v of results.violations) {
      console.log(`VIOLATION ${v.id} (${v.impact}): ${v.help} [${v.tags.filter(t => t.startsWith('wcag')).join(' ')}] ${v.nodes.length} elements`);
      for (const n of v.nodes.slice(0, 5)) {
        console.log(`  ${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`);
      }
    }
    for (const r of results.incomplete) {
      console.log(`review ${r.id}: ${r.help} (${r.nodes.length} elements)`);
    }
    for (const u of requests) {
      console.log(`NETWORK request to ${u}`);
    }
    for (const s of shots) {
      await page.setViewportSize({ width: s.width, height: s.width < 600 ? 844 : 900 });
      await page.screenshot({ path: s.out, fullPage: false });
    }
    return results.violations.length === 0 && requests.length === 0 ? 0 : 1;
  } finally {
    await browser.close();
  }
}

main(process.argv.slice(2)).then(code => process.exit(code), e => { console.error(e.stack || String(e)); process.exit(2); });
