// Prints the JavaScript a route's page loads in the browser, from a production build's .next folder:
// the framework files every page loads (rootMainFiles) plus the page's own entry chunks, raw and gzipped.
// Usage: npx tsx scripts/page-js-size.ts [route]   (default "/(learn)/review"; run `next build` first)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { runInNewContext } from 'node:vm';

const route = process.argv[2] ?? '/(learn)/review';
const next = path.resolve('.next');
const manifestFile = path.join(next, 'server/app', route, 'page_client-reference-manifest.js');
const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> } = {};
sandbox.globalThis = sandbox;
runInNewContext(readFileSync(manifestFile, 'utf8'), sandbox);
const entry = sandbox.__RSC_MANIFEST?.[`${route}/page`];
if (!entry) throw new Error(`no client manifest for ${route}`);
const build = JSON.parse(readFileSync(path.join(next, 'build-manifest.json'), 'utf8')) as { rootMainFiles: string[] };
const pageFiles = entry.entryJSFiles[`[project]/app${route}/page`] ?? [];

function size(files: string[]) {
  let raw = 0;
  let gz = 0;
  for (const f of new Set(files)) {
    const bytes = readFileSync(path.join(next, f));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: new Set(files).size, raw, gz };
}
const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const page = size(pageFiles);
const all = size([...build.rootMainFiles, ...pageFiles]);
console.log(`${route}: page chunks ${page.files} files ${kB(page.raw)} (${kB(page.gz)} gzip); with framework ${all.files} files ${kB(all.raw)} (${kB(all.gz)} gzip)`);
