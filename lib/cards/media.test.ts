import { describe, expect, it } from 'vitest';
import { cardTextPlain, cleanAlt, defuseMediaTokens, mediaHref, mediaIds, mediaToken, remapMediaIds, splitCardText } from './media';

describe('media tokens in card text', () => {
  it('splits text, images and sounds in order', () => {
    const text = `See ${mediaToken('image', 'abc123', 'A cat')} and hear ${mediaToken('sound', 'x_9')}.`;
    expect(splitCardText(text)).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'image', id: 'abc123', alt: 'A cat' },
      { kind: 'text', text: ' and hear ' },
      { kind: 'sound', id: 'x_9' },
      { kind: 'text', text: '.' },
    ]);
    expect(mediaIds(text)).toEqual(['abc123', 'x_9']);
    expect(cardTextPlain(text)).toBe('See [image: A cat] and hear [sound].');
  });

  it('refuses ids that could leave the media path, and cleans alt text', () => {
    expect(() => mediaToken('image', '../etc/passwd')).toThrow();
    expect(splitCardText('[[image:../x|a]]')).toEqual([{ kind: 'text', text: '[[image:../x|a]]' }]);
    expect(cleanAlt('a ]] <b>|\n c')).toBe('a b c');
    expect(mediaHref('abc')).toBe('/media/abc');
  });

  it('defuses tokens typed into text, and remaps placeholder ids', () => {
    expect(splitCardText(defuseMediaTokens('x [[image:abc]] [[SOUND:y]]'))).toHaveLength(1);
    const text = `${mediaToken('image', 'm0', 'one')} ${mediaToken('sound', 'm1')}`;
    expect(remapMediaIds(text, (id) => (id === 'm0' ? 'cl9' : null))).toBe('[[image:cl9|one]] ');
  });
});
