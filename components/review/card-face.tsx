// How each card type reads: basic (question/answer), cloze (sentence with a gap), list (numbered items).
import type { ReactNode } from 'react';

const GAP = /\[(?:\.\.\.|…)\]/;

export function splitListItems(back: string): string[] {
  const lines = back.split(/\n+/).map((s) => s.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '').trim()).filter(Boolean);
  if (lines.length > 1) return lines;
  return back.split(/\s*;\s*/).map((s) => s.trim()).filter(Boolean);
}

function clozeParts(front: string, fill: ReactNode): ReactNode {
  const [before, ...rest] = front.split(GAP);
  if (rest.length === 0) return front;
  return (
    <>
      {before}
      {fill}
      {rest.join('[…]')}
    </>
  );
}

export function CardFront({ type, front }: { type: string; front: string }) {
  if (type === 'cloze') {
    return <p className="text-xl leading-relaxed">{clozeParts(front, <span className="rounded bg-accent/15 px-2 font-semibold text-accent">[…]</span>)}</p>;
  }
  return <p className="text-xl font-medium leading-relaxed">{front}</p>;
}

export function CardBack({ type, front, back }: { type: string; front: string; back: string }) {
  if (type === 'cloze') {
    return (
      <p className="text-xl leading-relaxed">
        {clozeParts(front, <mark className="rounded bg-success/20 px-1 font-semibold text-fg">{back}</mark>)}
      </p>
    );
  }
  if (type === 'list') {
    const items = splitListItems(back);
    return (
      <ol className="list-decimal space-y-1 pl-6 text-lg">
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ol>
    );
  }
  return <p className="whitespace-pre-line text-lg">{back}</p>;
}
