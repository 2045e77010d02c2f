// How each card type reads: basic (question/answer), cloze (sentence with a gap), list (numbered items).
import type { ReactNode } from 'react';
import { mediaHref, splitCardText } from '@/lib/cards/media';

const GAP = /\[(?:\.\.\.|…)\]/;

export function splitListItems(back: string): string[] {
  const lines = back.split(/\n+/).map((s) => s.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '').trim()).filter(Boolean);
  if (lines.length > 1) return lines;
  return back.split(/\s*;\s*/).map((s) => s.trim()).filter(Boolean);
}

/** A card text with its media tokens (lib/cards/media.ts) as images and sound players; the rest stays text. */
export function CardText({ text }: { text: string }): ReactNode {
  const parts = splitCardText(text);
  if (parts.length === 1 && parts[0]?.kind === 'text') return text;
  return parts.map((p, i) =>
    p.kind === 'text' ? (
      p.text
    ) : p.kind === 'image' ? (
      // eslint-disable-next-line @next/next/no-img-element -- a private, signed-in file: next/image's optimiser would fetch it without the session
      <img key={i} src={mediaHref(p.id)} alt={p.alt || 'Image from the deck'} className="my-2 inline-block max-h-80 max-w-full rounded align-middle" loading="lazy" />
    ) : (
      <audio key={i} src={mediaHref(p.id)} controls preload="none" className="my-2 block" aria-label="Sound from the deck" />
    ),
  );
}

function clozeParts(front: string, fill: ReactNode): ReactNode {
  const [before, ...rest] = front.split(GAP);
  if (rest.length === 0) return <CardText text={front} />;
  return (
    <>
      <CardText text={before ?? ''} />
      {fill}
      <CardText text={rest.join('[…]')} />
    </>
  );
}

export function CardFront({ type, front }: { type: string; front: string }) {
  if (type === 'cloze') {
    return <p className="text-xl leading-relaxed">{clozeParts(front, <span className="rounded bg-accent/15 px-2 font-semibold text-accent">[…]</span>)}</p>;
  }
  return <p className="text-xl font-medium leading-relaxed"><CardText text={front} /></p>;
}

export function CardBack({ type, front, back }: { type: string; front: string; back: string }) {
  if (type === 'cloze') {
    return (
      <p className="text-xl leading-relaxed">
        {clozeParts(front, <mark className="rounded bg-success/20 px-1 font-semibold text-fg"><CardText text={back} /></mark>)}
      </p>
    );
  }
  if (type === 'list') {
    const items = splitListItems(back);
    return (
      <ol className="list-decimal space-y-1 pl-6 text-lg">
        {items.map((item, i) => (
          <li key={i}><CardText text={item} /></li>
        ))}
      </ol>
    );
  }
  return <p className="whitespace-pre-line text-lg"><CardText text={back} /></p>;
}
