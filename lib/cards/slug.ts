// Heading slugs for card anchors. Falls back to github-slugger semantics until lib/content's
// slugify (the one the lesson renderer uses for heading ids) is available.

import { slug as githubSlug } from 'github-slugger';

export function slugify(text: string): string {
  return githubSlug(text);
}

/** Unique slugs within one lesson page, in heading order ("x", then "x-1"). */
export function createHeadingSlugger(): (text: string) => string {
  const seen = new Map<string, number>();
  return (text: string) => {
    const base = slugify(text);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n === 0 ? base : `${base}-${n}`;
  };
}
