// Runs Lighthouse over several pages with one Chromium (CHROME_PATH, default /usr/bin/chromium) and prints
// one JSON array (an argument "mobile:URL" checks URL with Lighthouse's mobile preset, a 390 px wide phone; others use
// the desktop preset; "signed-in:URL" sends the Cookie header in LIGHTHOUSE_COOKIE, for pages behind sign-in; the two
// prefixes combine as "mobile:signed-in:URL"; each result carries its argument as "url"): per page the four category scores, the audits that lost points, and every request
// that went anywhere but this machine. Used by tests/InvestPortal.BrowserTests/PageChecks.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktop from 'lighthouse/core/config/desktop-config.js';

const urls = process.argv.slice(2);
if (urls.length === 0) { console.error('usage: node lighthouse-pages.mjs URL...'); process.exit(2); }

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const local = host => host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
const results = [];
try {
  for (const arg of urls) {
    // The desktop preset for most pages: on a shared 2-core CI machine the mobile preset's 4x CPU slowdown multiplies
    // other jobs' noise into "blocking time" that no page change can remove. A few pages are checked as a phone too.
    let url = arg;
    const take = prefix => url.startsWith(prefix) ? (url = url.slice(prefix.length), true) : false;
    const mobile = take('mobile:');
    const signedIn = take('signed-in:');
    if (signedIn && !process.env.LIGHTHOUSE_COOKIE) throw new Error(`${arg}: LIGHTHOUSE_COOKIE is not set`);
    const run = await lighthouse(url, {
      port: chrome.port, output: 'json', logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      extraHeaders: signedIn ? { Cookie: process.env.LIGHTHOUSE_COOKIE } : undefined,
    }, mobile ? undefined : desktop);
    const lhr = run.lhr;
    const scores = Object.fromEntries(Object.entries(lhr.categories).map(([k, c]) => [k, Math.round((c.score ?? 0) * 100)]));
    const lost = [];
    for (const [key, category] of Object.entries(lhr.categories)) {
      for (const ref of category.auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) lost.push(`${key}/${ref.id} (${audit.score}): ${audit.displayValue ?? audit.title}`);
      }
    }
    const requests = (lhr.audits['network-requests']?.details?.items ?? []).map(i => i.url);
    const external = requests.filter(u => { try { const p = new URL(u); return /^https?:$/.test(p.protocol) && !local(p.hostname); } catch { return false; } });
    results.push({ url: arg, scores, lost, external, runtimeError: lhr.runtimeError?.message ?? null });
  }
} finally {
  await chrome.kill();
}
process.stdout.write(JSON.stringify(results));
