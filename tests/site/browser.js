// The site in a real browser (Debian's chromium, headless, through puppeteer-core): screenshots,
// right-to-left layout, no request leaving 127.0.0.1, axe-core's WCAG 2.1 A/AA rules, and the time
// to first contentful paint. usage: node browser.js ROOT_URL SHOT_DIR [--fcp PAGE]
// Prints "PASS:"/"FAIL:" lines and exits 1 on a failure; --fcp prints only "fcp_ms N" for the bench.
"use strict";
const puppeteer = require("puppeteer-core");
const fs = require("fs");
const path = require("path");

const [root, shots] = process.argv.slice(2);
const fcpPage = process.argv.includes("--fcp") ? process.argv[process.argv.indexOf("--fcp") + 1] : null;
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const failures = [];
const fail = (text) => { failures.push(text); console.log("FAIL: " + text); };

async function openPage(browser, url, width, outside) {
  const page = await browser.newPage();
  await page.setViewport({ width, height: 900 });
  page.on("request", (request) => {
    const address = new URL(request.url());
    if (address.protocol !== "data:" && address.hostname !== "127.0.0.1") outside.push(request.url());
  });
  const answer = await page.goto(url, { waitUntil: "load" });
  if (!answer || answer.status() !== 200) fail(`${url} answers ${answer && answer.status()}`);
  return page;
}

async function check(browser, name, relative, width) {
  const outside = [];
  const page = await openPage(browser, root + relative, width, outside);
  const file = path.join(shots, name + ".png");
  await page.screenshot({ path: file, fullPage: false });
  const layout = await page.evaluate(() => {
    const h1 = document.querySelector("h1").getBoundingClientRect();
    return {
      direction: getComputedStyle(document.body).direction,
      h1Left: h1.left, h1Right: h1.right, h1Width: h1.width,
      textWidth: (() => { const r = document.createRange(); r.selectNodeContents(document.querySelector("h1"));
                          const b = r.getBoundingClientRect(); return { left: b.left, right: b.right }; })(),
      scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth,
    };
  });
  if (fs.statSync(file).size < 5000) fail(`${name}: the screenshot is (nearly) empty`);
  if (layout.scrollWidth > layout.width + 1) fail(`${name}: wider than the ${width} px screen (${layout.scrollWidth} px)`);
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () =>
    await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      // and text contrast of at least 7:1, as on the kiosk (WCAG's enhanced contrast)
      rules: { "color-contrast-enhanced": { enabled: true } } }));
  for (const v of result.violations)
    fail(`${name}: axe ${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
  if (outside.length) fail(`${name}: requests left 127.0.0.1: ${outside.join(" ")}`);
  console.log(`PASS: ${name} (${relative}) direction ${layout.direction}, heading text ${Math.round(layout.textWidth.left)}–` +
              `${Math.round(layout.textWidth.right)} px of ${layout.width}, ${result.passes.length} axe rules passed`);
  await page.close();
  return layout;
}

async function firstContentfulPaint(browser, relative) {
  const times = [];
  for (let i = 0; i < 5; i++) {
    const page = await openPage(browser, root + relative + `?${i}`, 390, []);
    times.push(await page.evaluate(() => new Promise((resolve) => {
      new PerformanceObserver((list) => {
        const paint = list.getEntriesByName("first-contentful-paint")[0];
        if (paint) resolve(paint.startTime);
      }).observe({ type: "paint", buffered: true });
    })));
    await page.close();
  }
  times.sort((a, b) => a - b);
  return times[2];
}

(async () => {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: "new",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions"],
  });
  try {
    if (fcpPage) {
      console.log(`fcp_ms ${(await firstContentfulPaint(browser, fcpPage)).toFixed(1)}`);
      return;
    }
    const offer = process.env.OFFER;
    await check(browser, "start", "de/index.html", 390);
    const de = await check(browser, "offer-de", `de/angebote/${offer}/index.html`, 320);
    const ar = await check(browser, "offer-ar", `ar/angebote/${offer}/index.html`, 390);
    await check(browser, "map", "de/karte/index.html", 1024);
    await check(browser, "search-tr", "tr/suche/index.html", 390);
    await check(browser, "urgent-ar", "ar/hilfe-sofort/index.html", 390);
    // A practice's page with its picture (axe checks its alt text among the rest), in German and Arabic.
    const practice = "fachkraefte/gute-praxis/willkommensbesuche-nuertingen/index.html";
    for (const lang of ["de", "ar"]) {
      await check(browser, `practice-${lang}`, `${lang}/${practice}`, 390);
      const page = await openPage(browser, root + `${lang}/${practice}?picture`, 390, []);  // not the cached answer (304)
      const img = await page.evaluate(() => {
        const i = document.querySelector(".picture img");
        return i && { width: i.naturalWidth, shown: i.getBoundingClientRect().width, alt: i.alt };
      });
      if (!img || img.width !== 480 || !(img.shown > 200 && img.shown <= 390) || !img.alt)
        fail(`practice-${lang}: the picture is missing, not loaded or without alt text: ${JSON.stringify(img)}`);
      else console.log(`PASS: practice-${lang}: the picture loads (${img.width} px, shown ${Math.round(img.shown)} px), alt "${img.alt}"`);
      await page.close();
    }
    // The search filters as you type, from the local index.
    const search = await openPage(browser, root + "de/suche/index.html", 390, []);
    const visible = () => search.evaluate(() =>
      [...document.querySelectorAll("li[data-id]")].filter((li) => !li.hidden && !li.closest("section").hidden).length);
    const all = await visible();
    await search.type("#filter", process.env.SEARCH_WORD || "hebamme");
    const found = await visible();
    if (!(found > 0 && found < all)) fail(`typing in the search left ${found} of ${all} offers`);
    else console.log(`PASS: the search filters as you type: ${found} of ${all} offers`);
    await search.close();
    if (de.direction !== "ltr") fail(`the German offer page is laid out ${de.direction}`);
    // Right to left: the direction, and the heading's words start at the right edge.
    if (ar.direction !== "rtl") fail(`the Arabic offer page is laid out ${ar.direction}`);
    if (!(ar.width - ar.textWidth.right < 40 && ar.textWidth.left > de.textWidth.left))
      fail(`the Arabic heading does not start at the right: ${JSON.stringify(ar.textWidth)} of ${ar.width}`);
  } finally {
    await browser.close();
  }
  process.exit(failures.length ? 1 : 0);
})().catch((error) => { console.log("FAIL: " + error); process.exit(1); });
