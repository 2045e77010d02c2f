// Links and images that point into the site a document was saved from ("tendency.html",
// "../images/x.png", "/docs/y/") lead nowhere once the text is a lesson here. A relative link keeps
// its text and loses its target; a relative image keeps its place (the renderer shows the
// missing-image placeholder with its alt text) unless it has no alt text, in which case it goes.

import { fencedLineIndices } from './text-lines';

/** A target that works from any page: a scheme (https:, mailto:), a protocol-relative URL, or an in-page anchor. */
export function isPortableUrl(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//') || url.startsWith('#');
}

const TARGET = String.raw`\(\s*<?([^()\s<>]*(?:\([^()\s]*\)[^()\s<>]*)*)>?(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)`;
const IMAGE = new RegExp(String.raw`!\[([^\[\]]*)\]` + TARGET, 'g');
// Link text may hold one image ([![alt](img)](href)) or code, but no other brackets.
const LINK = new RegExp(String.raw`(?<!!)\[((?:[^\[\]]|!\[[^\[\]]*\]\([^()]*\))*)\]` + TARGET, 'g');
// Footnote definitions ([^1]: …) are not links.
const REFERENCE_DEFINITION = /^ {0,3}\[([^\]^][^\]]*)\]:\s*<?(\S+?)>?(?:\s+.*)?$/;

function rewrite(segment: string, relativeRefs: ReadonlySet<string>): string {
  let out = segment.replace(IMAGE, (whole, alt: string, url: string) => (isPortableUrl(url) || alt.trim() ? whole : ''));
  out = out.replace(LINK, (whole, text: string, url: string) => (isPortableUrl(url) ? whole : text));
  // A link whose only content was an image that went is an empty link: it goes too.
  out = out.replace(new RegExp(String.raw`(?<!!)\[\s*\]` + TARGET, 'g'), '');
  if (relativeRefs.size) {
    out = out.replace(/(?<!!)\[([^\[\]^][^\[\]]*)\](?:\[([^\[\]]*)\])?(?![(:])/g, (whole, text: string, label?: string) => {
      const key = (label || text).trim().toLowerCase();
      return relativeRefs.has(key) ? text : whole;
    });
  }
  return out;
}

/** Applies the rule to Markdown lines, leaving fenced code and inline code untouched. */
export function unlinkRelativeTargets(lines: readonly string[]): string[] {
  const relativeRefs = new Set<string>();
  for (const line of lines) {
    const m = REFERENCE_DEFINITION.exec(line);
    if (m && !isPortableUrl(m[2] ?? '')) relativeRefs.add((m[1] ?? '').trim().toLowerCase());
  }
  const out: string[] = [];
  const fenced = fencedLineIndices(lines);
  for (const [i, line] of lines.entries()) {
    if (fenced.has(i)) {
      out.push(line);
      continue;
    }
    const def = REFERENCE_DEFINITION.exec(line);
    if (def && relativeRefs.has((def[1] ?? '').trim().toLowerCase())) continue;
    if (!line.includes('](') && !relativeRefs.size) {
      out.push(line);
      continue;
    }
    const rewritten = line
      .split(/(`+[^`]*`+)/)
      .map((part, i) => (i % 2 === 1 ? part : rewrite(part, relativeRefs)))
      .join('');
    // A line that was only an unusable image is now empty; keep it blank rather than whitespace.
    out.push(rewritten.trim() === '' ? '' : rewritten);
  }
  return out;
}
