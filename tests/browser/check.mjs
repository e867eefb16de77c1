// Opens a drafttrail HTML report from disk in headless Chromium and checks it:
// no console error, no uncaught exception, no dialog, no network request; the expected DOM;
// the JavaScript enhancements work. Saves a screenshot. Exit 0 when every check holds.
//
// usage: node check.mjs REPORT.html SCREENSHOT.png [--versions N] [--redline OLD:NEW] [--text T]...
//        [--max-open-ms MS]
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const args = process.argv.slice(2);
const [report, screenshot] = args;
const opt = (name) => args.flatMap((a, i) => (a === name ? [args[i + 1]] : []));
const failures = [];
const fail = (msg) => failures.push(msg);

const url = pathToFileURL(resolve(report)).href;
const profile = mkdtempSync(join(tmpdir(), "drafttrail-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
try {
  const requests = [];
  context.on("request", (r) => {
    if (r.url() !== url) requests.push(r.url());
  });
  // Nothing may leave the page; abort anything that tries.
  await context.route("**/*", (route) => (route.request().url() === url ? route.continue() : route.abort()));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("console", (m) => { if (m.type() === "error") fail(`console error: ${m.text()}`); });
  page.on("pageerror", (e) => fail(`uncaught exception: ${e.message}`));
  page.on("dialog", async (d) => { fail(`dialog opened: ${d.message()}`); await d.dismiss(); });

  const started = Date.now();
  await page.goto(url, { waitUntil: "load" });
  const openMs = Date.now() - started;
  console.log(`opened in ${openMs} ms`);
  for (const max of opt("--max-open-ms")) {
    if (openMs > Number(max)) fail(`opened in ${openMs} ms, over ${max} ms`);
  }

  for (const n of opt("--versions")) {
    const count = await page.locator("li.version").count();
    if (count !== Number(n)) fail(`expected ${n} versions in the timeline, found ${count}`);
    const cols = await page.locator("table.matrix thead th").count();
    if (cols !== Number(n) + 1) fail(`expected ${n} version columns in the matrix, found ${cols - 1}`);
  }
  for (const pair of opt("--redline")) {
    const [del, ins] = pair.split(":");
    const found = await page.locator(".change .inline").evaluateAll(
      (els, [d, i]) => els.some((e) =>
        [...e.querySelectorAll("del")].some((x) => x.textContent.includes(d)) &&
        [...e.querySelectorAll("ins")].some((x) => x.textContent.includes(i))),
      [del, ins]);
    if (!found) fail(`no redline deleting "${del}" and inserting "${ins}"`);
  }
  for (const text of opt("--text")) {
    const body = await page.locator("body").innerText();
    if (!body.includes(text)) fail(`text not found: ${text}`);
  }
  // Enhancements: the date axis re-orders the timeline; redlines switch to side by side.
  const jsRan = await page.evaluate(() => document.documentElement.classList.contains("js"));
  if (!jsRan) fail("the report's script did not run");
  // Both controls must exist: a report without them would pass these checks by skipping them.
  if ((await page.locator("#axis").count()) !== 1) fail("no date axis control (#axis)");
  if ((await page.locator("#redline-mode").count()) !== 1) fail("no redline mode control (#redline-mode)");
  if ((await page.locator("#matrix-filter").count()) !== 1) fail("no matrix filter (#matrix-filter)");
  if ((await page.locator("#matrix-all").count()) !== 1) fail("no toggle for all provisions (#matrix-all)");
  if (jsRan && failures.length === 0) {
    // The filter hides rows that do not match and brings them back; the toggle shows the
    // provisions that never changed.
    const visible = () => page.locator("table.matrix tbody.changed tr:not(.hide)").count();
    const before = await visible();
    await page.fill("#matrix-filter", "zzqxjv");
    if ((await visible()) !== 0) fail("the matrix filter left rows that do not match");
    await page.fill("#matrix-filter", "");
    if ((await visible()) !== before) fail("clearing the matrix filter did not restore the rows");
    const shown = () => page.locator("table.matrix tbody.same").evaluate((b) => getComputedStyle(b).display);
    if ((await shown()) !== "none") fail("provisions that never changed are shown by default");
    await page.check("#matrix-all");
    if ((await shown()) === "none") fail("the toggle did not show the provisions that never changed");
    await page.uncheck("#matrix-all");
  }
  if (jsRan && failures.length === 0) {
    await page.selectOption("#axis", "leaked");
    await page.locator("#redline-mode").selectOption("side-by-side");
    const shown = await page.locator("body.side-by-side").count();
    if (shown !== 1) fail("side-by-side switch did not apply");
    await page.selectOption("#redline-mode", "inline");
    await page.selectOption("#axis", "best");
  }
  await page.screenshot({ path: screenshot });
  if (requests.length > 0) fail(`network requests: ${requests.join(", ")}`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
if (failures.length > 0) {
  for (const f of failures) console.error(`FAIL ${f}`);
  process.exit(1);
}
console.log("report ok");
