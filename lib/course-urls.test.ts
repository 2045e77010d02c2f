import { describe, expect, it } from 'vitest';
import { lessonHref, lessonSlug } from './course-urls';

describe('lesson URLs', () => {
  it('drop the module prefix of the lesson key and encode each part', () => {
    expect(lessonSlug('m1/intro', 'm1')).toBe('intro');
    expect(lessonSlug('other/intro', 'm1')).toBe('other/intro');
    expect(lessonHref('c', 'm1', 'm1/intro')).toBe('/courses/c/m1/intro');
    expect(lessonHref('c', 'm 1', 'm 1/a b', 'sec tion')).toBe('/courses/c/m%201/a%20b#sec%20tion');
  });
});
