import { describe, expect, it } from 'vitest';
import { lessonCandidates } from '../index';
import { makeLesson } from '../test-helpers';

const ok = (markdown: string) =>
  lessonCandidates(makeLesson(markdown)).candidates.filter((c) => !c.rejected).map((c) => `${c.front} -> ${c.back}`);

describe('definitions without the writer\'s opinion', () => {
  it('drops an evaluative adjective after the article instead of dropping the definition', () => {
    const md = 'Most gardeners know Leafsort. Leafsort is a very useful tool for sorting leaves by shape.';
    expect(ok(md)).toContain('What is Leafsort? -> a tool for sorting leaves by shape');
  });
  it('still refuses a definition that is only an opinion', () => {
    const md = 'Most gardeners know Leafsort. Leafsort is an interesting introduction.';
    expect(ok(md).some((c) => c.startsWith('What is Leafsort?'))).toBe(false);
  });
});
