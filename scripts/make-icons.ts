import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchChromium } from '../tests/harness/chromium';
import { ROOT } from './electron-binary';

// `npm run icons`: every icon size from the one source, build/icon.svg, rendered by Chromium.
// build/icon.png (1024) serves macOS and Windows (electron-builder makes .icns and .ico from it);
// build/icons/NxN.png serve Linux. The PNGs are committed, so packaging needs no renderer.
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const svg = await readFile(join(ROOT, 'build/icon.svg'), 'utf8');
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await mkdir(join(ROOT, 'build/icons'), { recursive: true });
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
    const png = await page.screenshot({ omitBackground: true });
    await writeFile(join(ROOT, `build/icons/${size}x${size}.png`), png);
    if (size === 1024) await writeFile(join(ROOT, 'build/icon.png'), png);
  }
  console.log(`Wrote build/icon.png and build/icons/{${SIZES.join(',')}}.png`);
} finally {
  await browser.close();
}
