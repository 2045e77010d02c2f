import { describe, expect, it } from 'vitest';
import { hiddenCharacterProblem, plainText } from './text';
import { signUpSchema } from './auth';
import { assignmentSchema, classSchema } from './classes';
import { cardFlagSchema } from './cards';
import { courseDetailsSchema } from './courses';
import { fieldErrors } from './auth';

const name = plainText({ label: 'the name', min: 1, max: 20 });
const note = plainText({ label: 'the note', max: 50, multiline: true });

describe('plainText', () => {
  it('normalises to NFC and trims', () => {
    const decomposed = 'Jose\u0301 ';
    expect(name.parse(decomposed)).toBe('Jos\u00e9');
    expect(name.parse(decomposed).length).toBe(4);
  });

  it.each([
    ['NUL', 'Ada\u0000'],
    ['zero-width space', 'Ada\u200B Instructor'],
    ['right-to-left override', 'Ada\u202Erotcurtsni'],
    ['isolate', '\u2066Ada\u2069'],
    ['left-to-right mark', 'Ada\u200E'],
    ['BOM inside', 'A\uFEFFda'],
    ['word joiner', 'Ad\u2060a'],
    ['soft hyphen', 'Ad\u00ADa'],
    ['C1 control', 'Ada\u0085'],
    ['ZWJ between Latin letters', 'Ada\u200DInstructor'],
    ['lone surrogate', 'Ada\uD800'],
    ['Hangul filler', 'Ada\u3164'],
    ['newline in a name', 'Ada\nLovelace'],
  ])('refuses %s with a field message', (_what, value) => {
    const res = name.safeParse(value);
    expect(res.success).toBe(false);
    expect(res.error?.issues[0]?.message).toBe('The name contains invisible, control or text-direction characters; remove them.');
  });

  it('keeps real-world names, emoji sequences and Persian ZWNJ', () => {
    for (const ok of ['Ada Lovelace', '日本 太郎', 'Zoë', 'Mohammad\u00A0Ali', '\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645', '👩\u200D💻 Ada', 'O\u2019Brien']) {
      expect(name.safeParse(ok).success, ok).toBe(true);
    }
    expect(hiddenCharacterProblem('line one\nline two\ttab', true)).toBeNull();
    expect(note.parse('line one\r\nline two')).toBe('line one\r\nline two');
  });

  it('answers wrong types and lengths with a message', () => {
    expect(name.safeParse(42).error?.issues[0]?.message).toBe('The name must be text.');
    expect(name.safeParse('   ').error?.issues[0]?.message).toBe('The name cannot be empty.');
    expect(name.safeParse('x'.repeat(21)).error?.issues[0]?.message).toBe('Keep the name under 20 characters.');
    expect(name.safeParse('x'.repeat(100_000)).error?.issues[0]?.message).toBe('Keep the name under 20 characters.');
  });
});

describe('the rule is applied to names, class names, notes and titles', () => {
  it('sign-up display name', () => {
    const res = signUpSchema.safeParse({ name: 'Ada\u200B Instructor', email: 'a@example.com', password: 'long enough' });
    expect(res.success).toBe(false);
    expect(fieldErrors(res.error!).name).toMatch(/invisible/);
    expect(signUpSchema.parse({ name: 'Jose\u0301', email: 'a@example.com', password: 'long enough' }).name).toBe('Jos\u00e9');
  });
  it('class name, assignment note, flag note, course title', () => {
    expect(fieldErrors(classSchema.safeParse({ name: 'Bio\u202E101', timeZone: 'UTC' }).error!).name).toMatch(/invisible/);
    const a = assignmentSchema.safeParse({ classId: 'c', moduleId: 'm', dueDate: '2030-01-01', dueTime: '', note: 'read\u0000' });
    expect(fieldErrors(a.error!).note).toMatch(/invisible/);
    expect(fieldErrors(cardFlagSchema.safeParse({ cardId: 'c', reason: 'wrong', note: 'x\u200B' }).error!).note).toMatch(/invisible/);
    expect(fieldErrors(cardFlagSchema.safeParse({ cardId: 'c', reason: 'wrong', note: 'x'.repeat(501) }).error!).note).toBe('Keep the note under 500 characters.');
    expect(fieldErrors(cardFlagSchema.safeParse({ cardId: 'c', reason: 'nope' }).error!).reason).toBe('Choose a reason.');
    expect(fieldErrors(courseDetailsSchema.safeParse({ title: 'Intro\u2066', description: '' }).error!).title).toMatch(/invisible/);
  });
});
