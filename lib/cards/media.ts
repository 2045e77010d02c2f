// Images and sounds inside a card's plain text: a card refers to a stored file (CourseMedia) by id with a token,
// `[[image:ID|alt text]]` or `[[sound:ID]]`. Text stays plain everywhere; only the review screen renders the
// tokens, as <img>/<audio> whose address we build from the id, so no markup from a deck ever reaches a page.

export type MediaKind = 'image' | 'sound';

export type CardTextPart = { kind: 'text'; text: string } | { kind: 'image'; id: string; alt: string } | { kind: 'sound'; id: string };

const ID = '[A-Za-z0-9_-]{1,64}';
const TOKEN = new RegExp(`\\[\\[(image|sound):(${ID})(?:\\|([^\\]|\\n]{0,200}))?\\]\\]`, 'g');

/** The address a stored media file is served from. */
export function mediaHref(id: string): string {
  return `/media/${encodeURIComponent(id)}`;
}

/** Alt text safe to put in a token: no brackets, bars, markup characters or line breaks, at most 200 characters. */
export function cleanAlt(alt: string): string {
  return alt.replace(/[[\]|<>&\r\n]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200);
}

export function mediaToken(kind: MediaKind, id: string, alt = ''): string {
  if (!new RegExp(`^${ID}$`).test(id)) throw new Error('media id has unexpected characters');
  const a = cleanAlt(alt);
  return kind === 'image' ? `[[image:${id}${a ? `|${a}` : ''}]]` : `[[sound:${id}]]`;
}

/**
 * Text that arrives from outside (a deck, a form) must not smuggle tokens in: `[[image:` and `[[sound:` are
 * broken up so they read as text.
 */
export function defuseMediaTokens(text: string): string {
  return text.replace(/\[\[(image|sound):/gi, '[ [$1:');
}

/** A card text split into plain runs and media references, in order. */
export function splitCardText(text: string): CardTextPart[] {
  const parts: CardTextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    if (at > last) parts.push({ kind: 'text', text: text.slice(last, at) });
    const id = m[2] as string;
    parts.push(m[1] === 'image' ? { kind: 'image', id, alt: (m[3] ?? '').trim() } : { kind: 'sound', id });
    last = at + m[0].length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

/** The media ids a text refers to. */
export function mediaIds(text: string): string[] {
  return splitCardText(text).flatMap((p) => (p.kind === 'text' ? [] : [p.id]));
}

/** For places that show a card as one line of text (lists, tables): tokens become "[image: alt]" / "[sound]". */
export function cardTextPlain(text: string): string {
  return splitCardText(text)
    .map((p) => (p.kind === 'text' ? p.text : p.kind === 'image' ? `[image${p.alt ? `: ${p.alt}` : ''}]` : '[sound]'))
    .join('');
}

/** Replaces each token's id (e.g. a reader's placeholder with the stored id); tokens whose id maps to null go. */
export function remapMediaIds(text: string, map: (id: string) => string | null): string {
  return text.replace(TOKEN, (whole, kind: string, id: string, alt: string | undefined) => {
    const next = map(id);
    if (next === null) return '';
    return mediaToken(kind as MediaKind, next, alt ?? '');
  });
}
