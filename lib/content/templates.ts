// Template syntax left in Markdown saved from static-site sources (Jekyll/Liquid `{% … %}` and
// `{{ … }}`, Hugo shortcodes `{{< … >}}` and `{{% … %}}`): tags go, what a reader would see stays.
// `{% raw %}` keeps its inside verbatim; highlight blocks become fenced code; figures become images
// (with their caption); paired shortcodes such as notes and tabs keep their inner text; comments go.

import { FENCE } from './text-lines';

const RAW = /\{%-?\s*raw\s*-?%\}([\s\S]*?)\{%-?\s*endraw\s*-?%\}/g;
const LIQUID_COMMENT = /\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}/g;
const HUGO_COMMENT = /\{\{<?\s*\/\*[\s\S]*?\*\/\s*>?\}\}/g;
/** A Liquid tag or a Hugo shortcode, with its name and arguments. */
const TAG = /\{%-?\s*(\/?[\w-]+)([^%]*?)-?%\}|\{\{<\s*(\/?[\w./-]+)([\s\S]*?)>\}\}|\{\{%\s*(\/?[\w./-]+)([\s\S]*?)%\}\}/g;
/** A Liquid output expression: `{{ site.url }}`, `{{ page.title | upcase }}`, `{{site.baseurl}}`. */
// With no space inside the braces, only a dotted name counts: `{{a}}` is as likely to be TeX.
const OUTPUT = /\{\{-?(?:\s+[A-Za-z_]\w*(?:\.[\w-]+|\[[^\]]*\])*|[A-Za-z_]\w*(?:\.[\w-]+|\[[^\]]*\])+)\s*(?:\|[^}]*)?-?\}\}/g;
const HIGHLIGHT_OPEN = /^\s*(?:\{%-?\s*highlight\s+([\w+#.-]+)[^%]*%\}|\{\{<\s*highlight\s+"?([\w+#.-]+)"?[^>]*>\}\})\s*$/;
const HIGHLIGHT_CLOSE = /^\s*(?:\{%-?\s*endhighlight\s*-?%\}|\{\{<\s*\/highlight\s*>\}\})\s*$/;

/** True when the text has any template syntax worth a pass. */
export function hasTemplateSyntax(text: string): boolean {
  return /\{%|\{\{[<%]|\{\{-?\s/.test(text) || new RegExp(OUTPUT.source).test(text);
}

function attribute(args: string, names: readonly string[]): string | undefined {
  for (const name of names) {
    const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"']+))`, 'i').exec(args);
    const value = m?.[1] ?? m?.[2] ?? m?.[3];
    if (value !== undefined) return value.trim();
  }
  return undefined;
}

/** A figure/image shortcode or include becomes a Markdown image (its caption as the alt text). */
function figure(name: string, args: string): string | null {
  const src = attribute(args, ['src', 'image', 'img', 'url', 'file', 'path']);
  const isFigure = /figure|image|img|picture|fig/i.test(name);
  if (!src || !(isFigure || /\.(png|jpe?g|gif|svg|webp)\b/i.test(src))) return null;
  const caption = attribute(args, ['caption', 'title']);
  const alt = attribute(args, ['alt', 'description']) || caption || '';
  const image = `![${alt.replace(/[[\]]/g, '')}](${src.replace(/\s/g, '%20')})`;
  return caption && alt !== caption ? `${image}\n\n_${caption}_` : image;
}

/** Tag(s) replaced in a stretch of Markdown that is not code. */
function replaceTags(text: string): string {
  return text
    .replace(TAG, (whole, l1?: string, la?: string, h1?: string, ha?: string, p1?: string, pa?: string) => {
      const name = (l1 ?? h1 ?? p1 ?? '').replace(/^\//, '');
      const args = la ?? ha ?? pa ?? '';
      if (whole.startsWith('{{') || name === 'include' || name === 'include_relative') return figure(name === 'include' ? args : name, args) ?? '';
      return '';
    })
    .replace(OUTPUT, '');
}

/** Replaces template syntax outside inline code spans of one line. */
function replaceOutsideCodeSpans(line: string): string {
  return line
    .split(/(`+[^`]*`+)/)
    .map((part, i) => (i % 2 === 1 ? part : replaceTags(part)))
    .join('');
}

/**
 * Removes template syntax from Markdown as a reader of the built page would expect. Code (fenced
 * blocks, inline code) is left alone; only `{% raw %}` markers are removed there.
 */
export function removeTemplateSyntax(text: string): string {
  if (!hasTemplateSyntax(text)) return text;
  const raws: string[] = [];
  // Raw blocks are kept verbatim: park them behind private-use markers while the rest is processed.
  let source = text.replace(RAW, (_m, inner: string) => `\uE000${raws.push(inner) - 1}\uE001`);
  source = source.replace(LIQUID_COMMENT, '').replace(HUGO_COMMENT, '');
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of source.split('\n')) {
    const open = fence === null ? HIGHLIGHT_OPEN.exec(line) : null;
    if (open) {
      out.push(`\`\`\`${open[1] ?? open[2] ?? ''}`);
      fence = '`';
      continue;
    }
    if (HIGHLIGHT_CLOSE.test(line)) {
      out.push('```');
      fence = null;
      continue;
    }
    const m = FENCE.exec(line);
    if (fence !== null) {
      out.push(line);
      if (m && (m[1] ?? '').charAt(0) === fence) fence = null;
      continue;
    }
    if (m) {
      fence = (m[1] ?? '```').charAt(0);
      out.push(line);
      continue;
    }
    const replaced = replaceOutsideCodeSpans(line);
    // A line that held only tags disappears (it was never text); other lines keep their place.
    if (replaced.trim() === '' && line.trim() !== '') {
      if (replaced.includes('\n')) out.push(replaced);
      else out.push('');
      continue;
    }
    out.push(/^\s+\S/.test(line) ? replaced.replace(/[ \t]+$/, '') : replaced.trim() ? replaced.replace(/^[ \t]+/, '').replace(/[ \t]+$/, '') : replaced);
  }
  return out.join('\n').replace(/\uE000(\d+)\uE001/g, (_m, i: string) => (raws[Number(i)] ?? '').replace(/^\n/, ''));
}
