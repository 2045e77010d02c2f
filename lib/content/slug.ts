// Slugs for course, module and lesson keys and for heading ids, so a card link `#anchor`
// built from a heading always matches the id the renderer gives that heading.

/** Lower-case, accent-free, dash-separated slug of any text; '' when nothing sluggable is left. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’ʼ`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** Slug cut at a dash to at most `max` characters, for keys that stay readable in URLs. */
export function shortSlug(text: string, max = 60): string {
  const slug = slugify(text);
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const dash = cut.lastIndexOf('-');
  return (dash > max / 3 ? cut.slice(0, dash) : cut).replace(/-+$/, '');
}

/** Hands out unique slugs: the second "Intro" becomes `intro-2`, the third `intro-3`. */
export interface Slugger {
  slug(text: string, fallback?: string): string;
  /** Reserve a slug that is already taken elsewhere. */
  reserve(slug: string): void;
  has(slug: string): boolean;
}

export function createSlugger(): Slugger {
  const taken = new Set<string>();
  return {
    slug(text, fallback = 'section') {
      const base = slugify(text) || fallback;
      let candidate = base;
      for (let n = 2; taken.has(candidate); n += 1) candidate = `${base}-${n}`;
      taken.add(candidate);
      return candidate;
    },
    reserve(slug) {
      taken.add(slug);
    },
    has(slug) {
      return taken.has(slug);
    },
  };
}
