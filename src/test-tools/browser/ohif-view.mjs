// Opens the OHIF viewer in Debian's chromium (headless), as a user would: the study list, then the
// study whose row shows ROW_TEXT (its description, say), in OHIF's basic viewer; waits until the first viewport has
// drawn its image, saves a screenshot, and prints what the page showed as one JSON line for the
// calling test to assert on. Usage:
//   node ohif-view.mjs VIEWER_URL ROW_TEXT SCREENSHOT.png
// Exit status 0 when every step was reached; otherwise 1, with the step and the page's text.
import puppeteer from 'puppeteer-core';

const [viewerUrl, rowText, screenshot] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const STEP_TIMEOUT = 60_000;

const report = { step: 'launch', studyListRows: 0, consoleErrors: [], failedRequests: [] };
const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
    '--ignore-gpu-blocklist', '--window-size=1400,900'],
  defaultViewport: { width: 1400, height: 900 },
});
const page = await browser.newPage();
page.on('console', message => {
  if (message.type() === 'error') report.consoleErrors.push(message.text().slice(0, 300));
});
page.on('requestfailed', request => report.failedRequests.push(request.url() + ' ' + request.failure()?.errorText));
page.on('response', response => {
  if (response.status() >= 400) report.failedRequests.push(response.url() + ' ' + response.status());
});

try {
  report.step = 'study list';
  await page.goto(viewerUrl + '/', { waitUntil: 'load', timeout: STEP_TIMEOUT });
  await page.waitForFunction(id => document.body.innerText.includes(id), { timeout: STEP_TIMEOUT }, rowText);
  report.studyListRows = await page.$$eval('tr, [role="row"], [data-cy="study-list-row"]',
    (rows, id) => rows.filter(row => row.innerText.includes(id)).length, rowText);

  report.step = 'open study';
  const row = await page.waitForFunction(id => [...document.querySelectorAll('tr, [role="row"]')]
    .find(r => r.innerText.includes(id)), { timeout: STEP_TIMEOUT }, rowText);
  await row.asElement().click();
  const open = await page.waitForFunction(() => [...document.querySelectorAll('button, [role="button"]')]
    .find(b => /basic viewer/i.test(b.innerText)), { timeout: STEP_TIMEOUT });
  await open.asElement().click();

  report.step = 'render image';
  const viewport = await page.waitForSelector('.cornerstone-viewport-element canvas, [data-viewport-uid] canvas',
    { timeout: STEP_TIMEOUT });
  await page.waitForFunction(() => /W:\s*-?\d+(\.\d+)?\s*L:\s*-?\d+/.test(document.body.innerText),
    { timeout: STEP_TIMEOUT });
  // OHIF's first-visit tour dims the page: dismiss it, as a user would, before the screenshot.
  const skipTour = await page.waitForFunction(() => [...document.querySelectorAll('button, [role="button"], a, span')]
    .find(b => /^skip all$/i.test(b.innerText.trim())), { timeout: 10_000 }).catch(() => null);
  if (skipTour) await skipTour.asElement().click();
  await new Promise(resolve => setTimeout(resolve, 2000));
  const box = await viewport.boundingBox();
  report.viewport = box && { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width),
    height: Math.round(box.height) };
  report.url = page.url();
  report.windowLevel = await page.evaluate(() =>
    (document.body.innerText.match(/W:\s*-?[\d.]+\s*L:\s*-?[\d.]+/) || [''])[0]);
  report.step = 'done';
} catch (error) {
  report.error = String(error).slice(0, 500);
  report.pageText = (await page.evaluate(() => document.body.innerText).catch(() => '')).slice(0, 1500);
} finally {
  await page.screenshot({ path: screenshot }).catch(error => { report.screenshotError = String(error); });
  await browser.close();
}
console.log(JSON.stringify(report));
process.exit(report.step === 'done' ? 0 : 1);
