// The web app as a person uses it, in Debian's chromium driven by
// playwright-core: sign in, paste the SSR2 notes and roster, check the
// preview, confirm, give an item an owner and mark it done, find it in "My
// items" and in the register, sign out. Screenshots of the main pages at a
// phone's and a desktop's width go to ARTEFACTS; axe-core checks the main
// pages and any violation fails the test.
//
// usage: node e2e.mjs BASE_URL ARTEFACTS_DIR
import { readFileSync, mkdirSync, writeFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const [base, artefacts] = process.argv.slice(2);
const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const notes = readFileSync(join(repo, "examples/ssr2/ssr2-plenary-15.txt"), "utf8");
const roster = readFileSync(join(repo, "examples/ssr2/ssr2-roster.txt"), "utf8");
const workplan = readFileSync(join(repo, "examples/ssr2/ssr2-workplan.toml"), "utf8");
const login = "ed";
const password = "correct horse battery";
const person = "James Gannon";
const sizes = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };
mkdirSync(artefacts, { recursive: true });
rmSync(join(artefacts, "failure.txt"), { force: true });

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
const violations = [];

// axe-core on the page as it is; each violation is kept with the page's name.
async function checkAccessibility(page, name) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ["violations"] }));
  for (const v of result.violations)
    violations.push(`${name}: ${v.id} (${v.impact}): ${v.help} at ` +
      v.nodes.map((n) => n.target.join(" ")).join(", "));
}

async function screenshots(context, path, name) {
  const page = await context.newPage();
  for (const [size, viewport] of Object.entries(sizes)) {
    await page.setViewportSize(viewport);
    await page.goto(base + path);
    await page.screenshot({ path: join(artefacts, `${name}-${size}.png`), fullPage: true });
  }
  await page.close();
}

async function submit(page, formSelector) {
  await Promise.all([page.waitForNavigation(), page.locator(formSelector).locator("button[type=submit]").click()]);
}

// The page the test was on when a step failed, for a failure in CI where
// only the output is left: its address, its main text and a screenshot.
let page;
async function reportFailure(error) {
  console.error(`web e2e: failed: ${error.stack || error}`);
  // A short summary the test script prints again after ctest's own summary.
  const where = page ? ` on ${page.url()}` : "";
  writeFileSync(join(artefacts, "failure.txt"), `${String(error.message || error).slice(0, 600)}${where}\n`);
  if (!page) return;
  try {
    console.error(`web e2e: on ${page.url()}`);
    const text = await page.innerText("body", { timeout: 5000 });
    console.error(`web e2e: the page said:\n${(text || "").replace(/\s+\n/g, "\n").slice(0, 3000)}`);
    await page.screenshot({ path: join(artefacts, "failure.png"), fullPage: true, timeout: 5000 });
  } catch (e) {
    console.error(`web e2e: could not read the page: ${e}`);
  }
}

try {
  // The bypass lets axe's script in despite the pages' strict CSP.
  const context = await browser.newContext({ viewport: sizes.desktop, bypassCSP: true });
  page = await context.newPage();

  // Screenshots first: each GET /login gives the form a new token.
  await screenshots(context, "/login", "login");
  await page.goto(base + "/login");
  await checkAccessibility(page, "login");
  await page.fill("#login", login);
  await page.fill("#password", password);
  await submit(page, "main form");
  assert.match(await page.textContent("header.site"), /Ed Secretary/, "signed in");

  await page.goto(base + "/g/SSR2/import");
  await checkAccessibility(page, "import");
  await page.fill("#notes", notes);
  await page.fill("#roster", roster);
  await submit(page, "main form");
  const preview = await page.textContent("main");
  assert.match(preview, /Preview of the import/);
  assert.match(preview, /Plenary #15/);
  assert.match(preview, /Post attendance participation rates to wiki/, "items shown");
  assert.match(preview, /ICANN Org/, "owners shown");
  assert.match(preview, /Emily Taylor/, "attendance shown");
  await screenshots(context, "/g/SSR2/import", "import");
  let response = await page.request.get(base + "/g/SSR2/meetings");
  assert.equal(response.status(), 404, "nothing recorded before the confirmation");
  await submit(page, "form[action$='/import/confirm']");
  assert.match(await page.textContent("main"), /The notes are recorded/);
  await checkAccessibility(page, "home");
  await screenshots(context, "/g/SSR2", "home");

  await page.goto(base + "/g/SSR2/actions");
  await checkAccessibility(page, "actions");
  await screenshots(context, "/g/SSR2/actions", "actions");
  const itemLink = page.locator("main table a", { hasText: "Post attendance participation" });
  const itemPath = await itemLink.getAttribute("href");
  await page.goto(base + itemPath);
  await checkAccessibility(page, "item");
  await page.fill("#owners", person);
  await submit(page, "form[action$='/owners']");
  assert.match(await page.textContent("main"), /new owners/);
  await page.fill("#done-note", "Posted on the wiki");
  await submit(page, "form[action$='/done']");
  assert.match(await page.textContent("main"), /is done/);
  assert.match(await page.textContent("main"), /Posted on the wiki/, "the note is in the history");
  await screenshots(context, itemPath, "item");

  await page.goto(base + "/my");
  assert.match(await page.textContent("main"), /Post attendance participation rates/, "in My items");
  await page.goto(base + "/g/SSR2/actions?status=complete");
  assert.match(await page.textContent("main table"), /Post attendance participation rates/,
    "in the register as complete");

  // The attendance page's period form (a GET form, no script needed), then
  // the same period by affiliation.
  await page.goto(base + "/g/SSR2/attendance");
  await page.fill("main form input[name='from']", "2017-01-01");
  await page.fill("main form input[name='to']", "2017-12-31");
  await submit(page, "main form[method='get']");
  assert.match(await page.textContent("main"), /The 1 meeting from 2017-01-01 to 2017-12-31/,
    "the period chosen by the form");
  await Promise.all([page.waitForNavigation(), page.click("main a:has-text('Attendance by affiliation')")]);
  assert.match(await page.textContent("main h1"), /attendance by affiliation/, "the view by affiliation");

  for (const [name, path] of [["meetings", "/g/SSR2/meetings"], ["attendance", "/g/SSR2/attendance"],
                              ["attendance-period", "/g/SSR2/attendance?from=2017-01-01&to=2017-12-31"],
                              ["attendance-by-affiliation",
                               "/g/SSR2/attendance?by=affiliation&from=2017-01-01&to=2017-12-31"]]) {
    await page.goto(base + path);
    await checkAccessibility(page, name);
    await screenshots(context, path, name);
  }

  // The work plan: imported like notes (detected as a work plan), then
  // changed by the DNS SSR sub-team's lead, who sees the timeline move.
  await page.goto(base + "/g/SSR2/import");
  await page.fill("#notes", workplan);
  await submit(page, "main form");
  assert.match(await page.textContent("main"), /work plan SSR2: 4 sub-teams, 11 tasks/,
    "the preview names the work plan");
  await submit(page, "form[action$='/import/confirm']");
  await submit(page, "header.site form[action='/logout']");
  assert.match(await page.textContent("header.site"), /Sign in/, "signed out");
  response = await page.request.get(base + "/my", { maxRedirects: 0 });
  assert.equal(response.status(), 303, "My items needs a session again");

  await page.goto(base + "/login");
  await page.fill("#login", "eric");
  await page.fill("#password", password);
  await submit(page, "main form");
  await page.goto(base + "/my");
  assert.match(await page.textContent("main #tasks + table"), /DNS-1 Review the root KSK/,
    "the lead's tasks next to their items");
  await page.goto(base + "/g/SSR2/workplan");
  await checkAccessibility(page, "workplan");
  await Promise.all([page.waitForNavigation(), page.click("main a:has-text('DNS SSR')")]);
  await checkAccessibility(page, "subteam");
  await screenshots(context, "/g/SSR2/subteams/dns-ssr", "subteam");
  const chart = page.locator("main svg.gantt");
  assert.equal(await chart.getAttribute("role"), "img", "the chart is an image with a title");
  const bar = chart.locator("rect.bar").first();
  const widthBefore = Number(await bar.getAttribute("width"));
  assert.match(await page.textContent("main table"), /in progress — overdue/,
    "overdue in words, not only colour");
  const ericsOther = await page.request.get(base + "/g/SSR2/tasks/ICANN-1");
  assert.doesNotMatch(await ericsOther.text(), /Save task/, "no form for another sub-team's task");
  await Promise.all([page.waitForNavigation(), page.click("main a:has-text('Change DNS-1')")]);
  await checkAccessibility(page, "task");
  await page.fill("#target", "2018-03-30");
  await page.selectOption("#status", "done");
  await submit(page, "form.task-form");
  assert.match(await page.textContent("main"), /Task DNS-1 is saved/);
  const widthAfter = Number(await page.locator("main svg.gantt rect.bar").first().getAttribute("width"));
  assert.ok(widthAfter > widthBefore, `the bar grew with the later target: ${widthBefore} -> ${widthAfter}`);
  assert.match(await page.textContent("main table"), /DNS-1.*2018-03-30.*done/s, "the table agrees");
  assert.match(await page.locator("main svg.gantt desc").textContent(), /^3 tasks of DNS SSR/);
  await checkAccessibility(page, "subteam-after-edit");
  await submit(page, "header.site form[action='/logout']");

  assert.deepEqual(violations, [], "axe-core violations:\n" + violations.join("\n"));
  console.log(`web e2e: passed; screenshots in ${artefacts}`);
} catch (error) {
  await reportFailure(error);
  process.exitCode = 1;
} finally {
  await browser.close();
}
