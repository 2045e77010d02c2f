// Text between this app's plain-text cards and Anki's HTML fields, both ways, and cloze syntax.
// Anki fields are HTML written by anyone: reading keeps text only (tags, scripts and styles dropped); an
// <img> or [sound:…] becomes a media token (lib/cards/media.ts) when the caller resolves it, else nothing.
import { defuseMediaTokens, splitCardText } from '@/lib/cards/media';

/** Turns a media reference in a field into text (a token), or '' to drop it. */
export type MediaHook = (ref: { kind: 'image' | 'sound'; name: string; alt: string }) => string;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r?\n/g, '<br>');
}

/** The file name a media id has in the package being written, or null when the file is not in it. */
export type MediaNames = (id: string) => string | null;

/**
 * Plain text → an Anki HTML field (escaped; line breaks as <br>). Media tokens become `<img src="name">` or
 * `[sound:name]` for files the package holds (`names`), else their alt text.
 */
export function toAnkiHtml(text: string, names?: MediaNames): string {
  return splitCardText(text)
    .map((p) => {
      if (p.kind === 'text') return escapeHtml(p.text);
      const name = names?.(p.id) ?? null;
      if (p.kind === 'sound') return name ? `[sound:${name}]` : '';
      return name ? `<img src="${escapeHtml(name)}" alt="${escapeHtml(p.alt)}">` : escapeHtml(p.alt);
    })
    .join('');
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** An Anki HTML field → plain text: no markup survives, block ends become line breaks. */
export function htmlToText(html: string, media?: MediaHook): string {
  const text = defuseMediaTokens(html)
    .replace(/<(script|style|template|iframe|object)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(IMG, (tag: string) => {
      const name = attribute(tag, 'src');
      if (!media || !name || /^(https?:|data:|\/\/)/i.test(name)) return '';
      return media({ kind: 'image', name, alt: attribute(tag, 'alt') ?? '' });
    })
    .replace(/\[sound:([^\]]*)\]/gi, (_w, name: string) => (media && name ? media({ kind: 'sound', name, alt: '' }) : ''))
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(div|p|li|tr|h[1-6])\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/<[^>]*$/g, '');
  return decodeEntities(text)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/[ \t\u00a0]+/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const IMG = /<img\b[^>]*>/gi;

/** An attribute's value in one tag (quoted or not), entities decoded, or null. */
function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  const v = m ? (m[1] ?? m[2] ?? m[3]) : undefined;
  return v === undefined ? null : decodeEntities(v);
}

/** File names of images and sounds a field refers to. */
export function mediaReferences(html: string): string[] {
  const names: string[] = [];
  for (const m of html.matchAll(/<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    const name = m[1] ?? m[2] ?? m[3];
    if (name && !/^(https?:|data:)/i.test(name)) names.push(decodeEntities(name));
  }
  for (const m of html.matchAll(/\[sound:([^\]]+)\]/gi)) if (m[1]) names.push(m[1]);
  return names;
}

/** This app's cloze (front with one `[...]` gap, back the answer) → Anki cloze text `… {{c1::answer}} …`. */
export function toAnkiCloze(front: string, back: string, names?: MediaNames): string {
  const safeAnswer = toAnkiHtml(back, names).replace(/\}\}/g, '} }').replace(/::/g, ': :');
  const parts = front.split('[...]').map((p) => toAnkiHtml(p, names));
  if (parts.length < 2) return `${toAnkiHtml(front, names)} {{c1::${safeAnswer}}}`;
  return parts.join(`{{c1::${safeAnswer}}}`);
}

const CLOZE = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g;

/** The cloze numbers used in an Anki cloze field (1-based, sorted). */
export function clozeNumbers(html: string): number[] {
  const set = new Set<number>();
  for (const m of html.matchAll(CLOZE)) set.add(Number(m[1]));
  return [...set].filter((n) => n > 0).sort((a, b) => a - b);
}

/**
 * One card of an Anki cloze note in this app's form: the gaps of cloze `n` become `[...]`, the other
 * clozes show their text, and the back is the hidden text (several gaps joined by "; ").
 */
export function fromAnkiCloze(html: string, n: number, media?: MediaHook): { front: string; back: string } {
  const answers: string[] = [];
  const GAP = '\ue000';
  const marked = html.replace(CLOZE, (_w, num: string, answer: string) => {
    if (Number(num) === n) {
      answers.push(htmlToText(answer, media));
      return GAP;
    }
    return answer;
  });
  const front = htmlToText(marked, media).split(GAP).join('[...]');
  return { front, back: answers.join('; ') };
}
