// Heading anchors for cards, from lib/content's slugger: the same ids the lesson renderer gives
// headings ("intro", then "intro-2" for a repeat, "section" when nothing sluggable is left).

import { createSlugger, slugify } from '../content';

export { slugify };

/** Unique slugs within one lesson page, in heading order, as renderLessonHtml assigns them. */
export function createHeadingSlugger(): (text: string) => string {
  const slugger = createSlugger();
  return (text: string) => slugger.slug(text, 'section');
}
