import { describe, expect, it } from 'vitest';
import { clozeNumbers, fromAnkiCloze, htmlToText, mediaReferences, toAnkiCloze, toAnkiHtml } from './text';

describe('Anki field text', () => {
  it('escapes plain text into HTML and reads it back unchanged', () => {
    const text = 'a < b & "c" > d\nnext line';
    expect(toAnkiHtml(text)).toBe('a &lt; b &amp; &quot;c&quot; &gt; d<br>next line');
    expect(htmlToText(toAnkiHtml(text))).toBe(text);
  });
  it('keeps only text from untrusted HTML', () => {
    expect(htmlToText('<div>one</div><div>two&nbsp;<b onclick="x()">bold</b></div><script>alert(1)</script><style>p{}</style>[sound:a.mp3]<img src=x onerror=alert(1)>')).toBe(
      'one\ntwo bold',
    );
    expect(htmlToText('&#60;tag&#x3e; &unknown; &#0;')).toBe('<tag> &unknown;');
  });
  it('finds media references, not remote images', () => {
    expect(mediaReferences('<img src="a.png"><img src=\'b c.jpg\'><img src="https://x/y.png">[sound:s.mp3]')).toEqual(['a.png', 'b c.jpg', 's.mp3']);
  });
  it('converts cloze both ways', () => {
    expect(toAnkiCloze('The [...] is red.', 'apple')).toBe('The {{c1::apple}} is red.');
    expect(toAnkiCloze('No gap here', 'x')).toBe('No gap here {{c1::x}}');
    const text = '{{c1::Paris}} is the capital of {{c2::France::country}}; {{c1::it}} is big.';
    expect(clozeNumbers(text)).toEqual([1, 2]);
    expect(fromAnkiCloze(text, 1)).toEqual({ front: '[...] is the capital of France; [...] is big.', back: 'Paris; it' });
    expect(fromAnkiCloze(text, 2)).toEqual({ front: 'Paris is the capital of [...]; it is big.', back: 'France' });
  });
});
