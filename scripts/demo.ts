/**
 * `npm run demo`: builds the extension and opens Chromium with it on a local index of the sample
 * plan pages. Without a display (or with `-- --headless`) it screenshots each sample page into
 * demo-output/ and prints what it saw.
 */
import { execSync } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { launchBrowser, PAGES_DIR, ROOT, startFixtureServer } from '../tests/browser/harness';

async function listSamplePages(): Promise<string[]> {
  const files = await readdir(PAGES_DIR).catch(() => []);
  return files.filter((f) => f.endsWith('.html') && f !== 'index.html').sort();
}

function renderIndex(pages: string[]): string {
  const items = pages
    .map((p) => `<li><a href="/${encodeURI(p)}">${p.replace(/[<&>]/g, '')}</a></li>`)
    .join('');
  return `<!doctype html><meta charset="utf-8"><title>PlanLens samples</title><h1>PlanLens sample pages</h1><ul>${items}</ul>`;
}

async function main(): Promise<void> {
  const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
  execSync('npx wxt build', { cwd: ROOT, stdio: 'inherit' });
  const pages = await listSamplePages();
  const server = await startFixtureServer(PAGES_DIR, {
    '/index.html': renderIndex(pages),
    '/': renderIndex(pages),
  });
  const browser = await launchBrowser({ headless });
  const indexUrl = server.url('index.html');
  if (!headless) {
    const page = await browser.context.newPage();
    await page.goto(indexUrl);
    console.log(`PlanLens demo: ${indexUrl} (close the browser window to stop)`);
    await new Promise((resolve) => browser.context.on('close', resolve));
    await server.close();
    return;
  }
  const outDir = path.join(ROOT, 'demo-output');
  await mkdir(outDir, { recursive: true });
  const page = await browser.context.newPage();
  for (const file of pages) {
    await page.goto(server.url(file));
    await page.waitForTimeout(500);
    const shot = path.join(outDir, file.replace(/\.html$/, '.png'));
    await page.screenshot({ path: shot, fullPage: false });
    console.log(`${file}: screenshot ${path.relative(ROOT, shot)}`);
  }
  await writeFile(path.join(outDir, 'index.html'), renderIndex(pages));
  await browser.close();
  await server.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
