import { describe, expect, it } from 'vitest';
import {
  checkOutline,
  generationCourse,
  mergeModules,
  moveLesson,
  moveLessonToModule,
  moveModule,
  outlineToCourse,
  parseDocument,
  proposeOutline,
  reconcileOutline,
  renameLesson,
  renameModule,
  setPrerequisites,
  splitModule,
  type Outline,
  type OutlineResult,
  type ParsedDocument,
} from './outline';
import { markdownDoc, prose } from './test-docs';

const META = { key: 'physiology', title: 'Physiology', description: '' };

function docs(): ParsedDocument[] {
  const heart = parseDocument({ path: 'heart.md', text: markdownDoc('The heart', ['Chambers', 'Valves', 'Pacemaker']) });
  const blood = parseDocument({ path: 'blood.md', text: markdownDoc('Blood', ['Red cells', 'Platelets']) }, { taken: new Set([heart.docKey]) });
  return [heart, blood];
}

function ok(result: OutlineResult): Outline {
  if (!result.ok) throw new Error(result.error);
  return result.outline;
}

function lessonKeys(outline: Outline): string[][] {
  return outline.modules.map((m) => m.lessons.map((l) => l.key));
}

describe('parseDocument / proposeOutline', () => {
  it('proposes a module per document with lessons from its headings, keyed under the document', () => {
    const parsed = docs();
    const outline = proposeOutline(parsed);
    expect(outline.modules.map((m) => [m.key, m.title])).toEqual([
      ['the-heart', 'The heart'],
      ['blood', 'Blood'],
    ]);
    expect(lessonKeys(outline)).toEqual([
      ['the-heart/chambers', 'the-heart/valves', 'the-heart/pacemaker'],
      ['blood/red-cells', 'blood/platelets'],
    ]);
    expect(outline.modules[0]?.lessons[0]).toEqual({ key: 'the-heart/chambers', source: 'heart.md', heading: 'Chambers' });
    expect(checkOutline(outline).ok).toBe(true);
  });

  it('keeps a document key that is given, and avoids taken keys for a new one', () => {
    const text = markdownDoc('The heart', ['Chambers', 'Valves']);
    expect(parseDocument({ path: 'x.md', text }, { docKey: 'cardio' }).lessons.map((l) => l.key)).toEqual(['cardio/chambers', 'cardio/valves']);
    expect(parseDocument({ path: 'x.md', text }, { taken: new Set(['the-heart']) }).docKey).toBe('the-heart-2');
  });

  it('reports an empty document as an error', () => {
    const parsed = parseDocument({ path: 'empty.md', text: '   \n' });
    expect(parsed.lessons).toEqual([]);
    expect(parsed.issues.some((i) => i.level === 'error')).toBe(true);
  });
});

describe('edit operations', () => {
  it('renaming and reordering keep every key, and the Course follows the outline', () => {
    const parsed = docs();
    let outline = proposeOutline(parsed);
    outline = ok(renameModule(outline, 'the-heart', 'Cardiac anatomy'));
    outline = ok(renameLesson(outline, 'the-heart/valves', 'Heart valves'));
    outline = ok(moveLesson(outline, 'the-heart/valves', -1));
    outline = ok(moveModule(outline, 'blood', -1));
    const course = outlineToCourse(outline, parsed, META);
    expect(course.modules.map((m) => [m.key, m.title, m.order])).toEqual([
      ['blood', 'Blood', 0],
      ['the-heart', 'Cardiac anatomy', 1],
    ]);
    expect(course.modules[1]?.lessons.map((l) => [l.key, l.title, l.order, l.moduleKey])).toEqual([
      ['the-heart/valves', 'Heart valves', 0, 'the-heart'],
      ['the-heart/chambers', 'Chambers', 1, 'the-heart'],
      ['the-heart/pacemaker', 'Pacemaker', 2, 'the-heart'],
    ]);
  });

  it('a renamed lesson goes back to its heading when the title is cleared', () => {
    let outline = proposeOutline(docs());
    outline = ok(renameLesson(outline, 'blood/platelets', 'Clotting'));
    expect(outline.modules[1]?.lessons[1]?.title).toBe('Clotting');
    outline = ok(renameLesson(outline, 'blood/platelets', ''));
    expect(outline.modules[1]?.lessons[1]?.title).toBeUndefined();
  });

  it('refuses moves past the ends and empty titles', () => {
    const outline = proposeOutline(docs());
    expect(moveLesson(outline, 'the-heart/chambers', -1)).toEqual({ ok: false, error: 'It is already the first lesson of its module.' });
    expect(moveModule(outline, 'blood', 1).ok).toBe(false);
    expect(renameModule(outline, 'blood', '   ')).toEqual({ ok: false, error: 'a title cannot be empty' });
    expect(moveLesson(outline, 'nope', 1).ok).toBe(false);
  });

  it('merges two modules, pointing prerequisites at the one kept', () => {
    const parsed = docs();
    const third = parseDocument({ path: 'lungs.md', text: markdownDoc('Lungs', ['Alveoli']) }, { taken: new Set(['the-heart', 'blood']) });
    let outline = proposeOutline([...parsed, third]);
    outline = ok(setPrerequisites(outline, 'lungs', ['blood']));
    outline = ok(mergeModules(outline, 'the-heart', 'blood'));
    expect(outline.modules.map((m) => m.key)).toEqual(['the-heart', 'lungs']);
    expect(lessonKeys(outline)[0]).toEqual(['the-heart/chambers', 'the-heart/valves', 'the-heart/pacemaker', 'blood/red-cells', 'blood/platelets']);
    expect(outline.modules[1]?.prerequisites).toEqual(['the-heart']);
    expect(mergeModules(outline, 'lungs', 'lungs').ok).toBe(false);
  });

  it('splits a module at a lesson into a new module with a key never used before', () => {
    let outline = proposeOutline(docs());
    outline = ok(splitModule(outline, 'the-heart', 'the-heart/valves'));
    expect(outline.modules.map((m) => [m.key, m.title])).toEqual([
      ['the-heart', 'The heart'],
      ['valves', 'Valves'],
      ['blood', 'Blood'],
    ]);
    expect(lessonKeys(outline)[1]).toEqual(['the-heart/valves', 'the-heart/pacemaker']);
    // merge back and split again: the old key is not reused (a retired module must not come back by accident)
    outline = ok(mergeModules(outline, 'the-heart', 'valves'));
    outline = ok(splitModule(outline, 'the-heart', 'the-heart/valves'));
    expect(outline.modules[1]?.key).toBe('valves-2');
    expect(splitModule(outline, 'the-heart', 'the-heart/chambers').ok).toBe(false);
  });

  it('moving the last lesson out of a module removes the module', () => {
    let outline = proposeOutline(docs());
    outline = ok(moveLessonToModule(outline, 'blood/red-cells', 'the-heart'));
    outline = ok(moveLessonToModule(outline, 'blood/platelets', 'the-heart'));
    expect(outline.modules.map((m) => m.key)).toEqual(['the-heart']);
    expect(lessonKeys(outline)[0]).toHaveLength(5);
  });

  it('rejects unknown, self and cyclic prerequisites', () => {
    const outline = proposeOutline(docs());
    expect(setPrerequisites(outline, 'blood', ['blood'])).toEqual({ ok: false, error: '"Blood" cannot be its own prerequisite' });
    expect(setPrerequisites(outline, 'blood', ['lungs'])).toEqual({ ok: false, error: 'unknown prerequisite module "lungs"' });
    const withOne = ok(setPrerequisites(outline, 'blood', ['the-heart']));
    const cyclic = setPrerequisites(withOne, 'the-heart', ['blood']);
    expect(cyclic.ok).toBe(false);
    if (!cyclic.ok) expect(cyclic.error).toMatch(/cycle/);
  });

  it('checkOutline refuses duplicate lessons and malformed data', () => {
    const outline = proposeOutline(docs());
    const dup = structuredClone(outline);
    dup.modules[1]?.lessons.push({ ...(dup.modules[0]?.lessons[0] as Outline['modules'][number]['lessons'][number]) });
    expect(checkOutline(dup)).toEqual({ ok: false, error: 'lesson "the-heart/chambers" appears twice' });
    expect(checkOutline({ version: 2, modules: [] }).ok).toBe(false);
    expect(checkOutline('not an outline').ok).toBe(false);
  });
});

describe('reconcileOutline (a new version of a document)', () => {
  it('keeps the instructor’s arrangement, drops removed lessons and places new ones after their neighbour', () => {
    const parsed = docs();
    let outline = proposeOutline(parsed);
    outline = ok(renameLesson(outline, 'the-heart/pacemaker', 'Rhythm'));
    outline = ok(moveLesson(outline, 'the-heart/pacemaker', -1));
    outline = ok(moveLessonToModule(outline, 'the-heart/chambers', 'blood'));
    // v2 of heart.md: "Valves" removed, "Coronary arteries" added after "Pacemaker"
    const heart2 = parseDocument(
      { path: 'heart.md', text: markdownDoc('The heart (revised)', ['Chambers', 'Pacemaker', 'Coronary arteries']) },
      { docKey: 'the-heart' },
    );
    const next = reconcileOutline(outline, [heart2, parsed[1] as ParsedDocument]);
    expect(lessonKeys(next)).toEqual([
      ['the-heart/pacemaker', 'the-heart/coronary-arteries'],
      ['blood/red-cells', 'blood/platelets', 'the-heart/chambers'],
    ]);
    expect(next.modules[0]?.lessons[0]?.title).toBe('Rhythm');
    expect(checkOutline(next).ok).toBe(true);
  });

  it('adds a new document as a new module at the end', () => {
    const parsed = docs();
    const lungs = parseDocument({ path: 'lungs.md', text: markdownDoc('Lungs', ['Alveoli']) }, { taken: new Set(['the-heart', 'blood']) });
    const next = reconcileOutline(proposeOutline(parsed), [...parsed, lungs]);
    expect(next.modules.map((m) => m.key)).toEqual(['the-heart', 'blood', 'lungs']);
  });
});

describe('generationCourse', () => {
  it('uses parsed titles in document order, so renames and moves cannot change generated cards', () => {
    const parsed = docs();
    let outline = proposeOutline(parsed);
    const before = generationCourse(outline, parsed, META);
    outline = ok(renameLesson(outline, 'the-heart/valves', 'Heart valves'));
    outline = ok(moveModule(outline, 'blood', -1));
    outline = ok(mergeModules(outline, 'blood', 'the-heart'));
    expect(generationCourse(outline, parsed, META)).toEqual(before);
    expect(before.modules[0]?.lessons[1]?.title).toBe('Valves');
    expect(prose('x').split(/\s+/).length).toBeGreaterThan(150);
  });
});

describe('instructor cards in the outline', () => {
  it('adds and removes a card; cloze text becomes front and back', async () => {
    const { addLessonCard, removeLessonCard, clozeFromText } = await import('./outline');
    const cloze = clozeFromText('The {{sinoatrial node}} starts each heartbeat.');
    expect(cloze).toEqual({ ok: true, front: 'The [...] starts each heartbeat.', back: 'sinoatrial node' });
    expect(clozeFromText('no gap').ok).toBe(false);
    expect(clozeFromText('{{a}} and {{b}}').ok).toBe(false);
    let outline = proposeOutline(docs());
    outline = ok(addLessonCard(outline, 'blood/platelets', { key: 'i-abc123', type: 'basic', front: 'What do platelets do?', back: 'Clot blood' }));
    expect(outline.modules[1]?.lessons[1]?.cards).toHaveLength(1);
    expect(addLessonCard(outline, 'blood/platelets', { key: 'i-abc123', type: 'basic', front: 'Q', back: 'A' }).ok).toBe(false);
    expect(addLessonCard(outline, 'blood/platelets', { key: 'i-abc999', type: 'basic', front: ' ', back: 'A' }).ok).toBe(false);
    outline = ok(removeLessonCard(outline, 'i-abc123'));
    expect(outline.modules[1]?.lessons[1]?.cards).toBeUndefined();
  });
});
