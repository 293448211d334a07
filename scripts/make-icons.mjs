/**
 * Draws the app icons the web manifest lists: one SVG (the favicon's mark on the brand green)
 * and PNGs at 192 and 512 px, plus a maskable 512 px version with the mark inside the safe zone.
 * The PNGs are rendered from the SVG by the local Chromium the e2e tests use, so no design tool
 * or network is needed. Run it after changing the mark: `node scripts/make-icons.mjs`; the
 * output is committed under public/icons/.
 */
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { findOrInstallChromium } from './find-chromium.mjs';

const green = '#0b6b58';
const line = (scale, offset) =>
	`<path d="M${7 * scale + offset} ${22 * scale + offset} L${13 * scale + offset} ${12 * scale + offset} L${18 * scale + offset} ${18 * scale + offset} L${25 * scale + offset} ${9 * scale + offset}" stroke="#fff" stroke-width="${3 * scale}" fill="none" stroke-linecap="round" stroke-linejoin="round"/>`;

/** The mark on a rounded square, as in the favicon. */
const icon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="${green}"/>${line(1, 0)}</svg>`;
/** Full-bleed square with the mark shrunk to the central 60 % (maskable icons' safe zone). */
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="${green}"/>${line(0.6, 6.4)}</svg>`;

writeFileSync('public/icons/icon.svg', `${icon}\n`);
const browser = await chromium.launch({
	executablePath: findOrInstallChromium(),
	args: ['--headless', '--no-sandbox'],
});
for (const [name, svg, size] of [
	['icon-192.png', icon, 192],
	['icon-512.png', icon, 512],
	['icon-maskable-512.png', maskable, 512],
]) {
	const page = await browser.newPage({ viewport: { width: size, height: size } });
	await page.setContent(
		`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
	);
	writeFileSync(`public/icons/${name}`, await page.screenshot({ omitBackground: true }));
	await page.close();
}
await browser.close();
console.log('wrote public/icons/icon.svg, icon-192.png, icon-512.png, icon-maskable-512.png');
