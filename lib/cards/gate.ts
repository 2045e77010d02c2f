// The last gate every candidate passes before ranking (rule cards and LLM cards alike): the automated
// checks of checks.ts plus rules for the failure patterns blind raters saw most — a lifted sentence
// whose question mixes words from several clauses (garbled, subject lost), a question with several
// valid answers ("a key idea"), the lesson's own subject or a bare process noun as the answer.

import type { Candidate } from './candidate';
import { acronymLetters, cardFailures } from './checks';
import { precisionReason } from './precision';
import { contentStems, stem, words } from './text';

const PARTICIPLE = String.raw`(?:[a-z]+ed|known|written|built|made|led|held|begun|shown|grown|drawn|given|taken|seen|found|born|run|won|sold|taught|kept|left|meant|sent|spent|told|thought|brought|bought|done)`;
/** "X, released by Y in 2020, has …" / "X, a Y, has …": a comma-delimited modifier right after the subject. */
const APPOSITION = new RegExp(String.raw`^([^,;:()]{2,80}?), ((?:${PARTICIPLE}|(?:a|an|the|one of the)\s)[^,;:()]{2,100}?), ([a-z][^]*)$`);

/** The sentence without a non-restrictive modifier after its subject, and the modifier with that subject. */
export function stripAppositions(text: string): { main: string; asides: string[] } {
  const m = APPOSITION.exec(text.trim());
  if (!m) return { main: text, asides: [] };
  const [, subject, aside, rest] = m;
  // the rest must start with the main verb (a lower-case word that is not a conjunction or preposition)
  if (/^(?:and|or|but|which|who|that|where|when|while|in|on|at|of|for|with|by|to|from)\b/.test(rest!)) return { main: text, asides: [] };
  return { main: `${subject} ${rest}`, asides: [`${subject} ${aside}`] };
}

/** Top-level pieces of a sentence, split at commas, semicolons, colons, dashes and brackets. */
export function clauseSegments(source: string): string[] {
  const { main, asides } = stripAppositions(source.replace(/\s*\([^)]*\)/g, ''));
  const split = main
    .split(/,(?=\s)|[;()]|:(?=\s)|\s[–—-]\s/)
    .map((s) => s.trim())
    .filter(Boolean);
  return [...split, ...asides];
}

/** Irregular past forms a question puts back in the base form ("AlexNet won" → "did AlexNet win"). */
const IRREGULAR_PAST: Record<string, string> = Object.fromEntries(
  (
    'won:win made:make took:take gave:give built:build began:begin brought:bring found:find held:hold led:lead grew:grow ' +
    'wrote:write knew:know ran:run saw:see became:become came:come went:go got:get had:have did:do said:say sold:sell ' +
    'bought:buy thought:think taught:teach fought:fight fell:fall rose:rise broke:break chose:choose drew:draw drove:drive ' +
    'flew:fly forgot:forget froze:freeze hid:hide kept:keep left:leave lost:lose meant:mean met:meet paid:pay sent:send ' +
    'spent:spend stood:stand struck:strike swore:swear told:tell threw:throw understood:understand woke:wake wore:wear ' +
    'beat:beat cost:cost cut:cut put:put set:set shut:shut split:split spread:spread sang:sing spoke:speak stole:steal'
  )
    .split(/\s+/)
    .map((pair) => pair.split(':') as [string, string]),
);

function questionStems(text: string): string[] {
  return contentStems(
    words(text)
      .map((w) => IRREGULAR_PAST[w] ?? w)
      .join(' '),
  );
}

const QUESTION_WORDS = new Set(['year', 'many', 'times', 'much', 'month', 'day', 'date', 'long', 'who', 'what', 'which', 'when', 'whom'].map(stem));
const LEADING_ADVERBIAL = /^(in|on|at|by|during|after|before|since|from|until|around|between|under|for|with|according|as|following|unlike|like)\b/i;

/**
 * A question built by moving words of one sentence must take them from the clause that holds the answer
 * (and a fronted adverbial before it): a question that also pulls words from an apposition or a
 * relative clause ("…, proposed by X in 1972, describes …") is garbled or asks the wrong thing.
 */
export function mixesClauses(front: string, back: string, source: string): boolean {
  const segments = clauseSegments(source);
  if (segments.length < 2) return false;
  const answer = words(back).join(' ');
  const at = segments.findIndex((s) => ` ${words(s).join(' ')} `.includes(` ${answer} `));
  if (at < 0) return false;
  const allowed = new Set(questionStems(segments[at]!));
  // a short fronted adverbial holds the answer ("In 1998, LeCun introduced LeNet") or sets the scene
  const first = segments[0]!;
  const fronted = LEADING_ADVERBIAL.test(first) && words(first).length <= 6;
  if (fronted) {
    for (const s of questionStems(first)) allowed.add(s);
    if (at === 0 && segments[1]) for (const s of questionStems(segments[1])) allowed.add(s);
  }
  const missing = questionStems(front.replace(/\s*\([^)]*\)/g, '')).filter((s) => !allowed.has(s) && !QUESTION_WORDS.has(s));
  return missing.length > 0;
}

/** In the source, the answer is joined to another conjunct ("Vaswani and colleagues", "X, Y and Z"). */
export function inCoordination(answer: string, source: string): boolean {
  const a = words(answer).join(' ');
  const src = ` ${words(source).join(' ')} `;
  if (!a || !src.includes(` ${a} `)) return false;
  return new RegExp(String.raw` (?:and|or|nor) ${a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} | ${a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (?:and|or|nor|as well as) `).test(src);
}

/** "What is a key idea …?": an indefinite, evaluative subject has many right answers. */
const OPEN_SUBJECT = /^(?:what|which|who)\s+(?:is|are|was|were)\s+(?:a|an|one of the|some|another)\s+(?:key|main|important|major|significant|central|common|popular|notable|big|great|useful|good|critical|crucial|primary|typical|basic|simple|famous|well-known|new|recent|possible|different|other)\b/i;

const MOVED_ORIGINS = new Set(['when', 'how-many', 'who', 'what-object', 'term']);

/** The answer is the lesson's own subject (its title, or the title's acronym). */
export function isLessonSubject(answer: string, lessonTitle: string): boolean {
  const ans = contentStems(answer);
  const title = contentStems(lessonTitle);
  if (ans.length === 0 || title.length === 0) return false;
  if (title.length <= 4 && ans.every((s) => title.includes(s))) return true;
  const letters = acronymLetters(answer);
  if (letters && (lessonTitle.includes(answer.replace(/s$/, '')) || lessonTitle
        .split(/[\s-]+/)
        .filter((w) => /^[A-Za-z]/.test(w) && !['of', 'and', 'the', 'a', 'an', 'for', 'in', 'on', 'to'].includes(w.toLowerCase()))
        .map((w) => w.charAt(0).toLowerCase())
        .join('')
        .includes(letters))) return true;
  return false;
}

/** Why a candidate that passed the rule filters is still dropped, or null. */
export function gateReason(c: Candidate, lessonTitle: string): string | null {
  const failures = cardFailures(c, c.type === 'cloze' ? lessonTitle : '');
  if (failures.length > 0) return `check-${failures[0]}`;
  if (MOVED_ORIGINS.has(c.origin) && !c.contextIncluded && mixesClauses(c.front, c.back, c.source)) return 'mixed-clauses';
  if (c.type !== 'list' && OPEN_SUBJECT.test(c.front)) return 'open-question';
  // "by Vaswani and colleagues" → "Who introduced … and colleagues?": the answer was one of a coordination
  if (MOVED_ORIGINS.has(c.origin) && inCoordination(c.back, c.source)) return 'coordination';
  // (a cloze only: "What carries blood back to the heart …?" → "Veins" is a fair question in a lesson on veins)
  if (c.type === 'cloze' && isLessonSubject(c.back, lessonTitle)) return 'lesson-subject';
  // one word of a longer title blanked ("[...]" → "Python" in "Introduction to Python and Scikit-learn"): the
  // lesson is about it, so many of its sentences fit the gap
  if (c.type === 'cloze' && contentStems(c.back).length === 1 && contentStems(lessonTitle).includes(contentStems(c.back)[0]!)) return 'lesson-subject';
  // a bare process noun as the answer ("What took 3.5 days on 8 GPUs?" → "Training") has lost its subject
  if ((c.type === 'cloze' || c.origin === 'term') && /^[A-Za-z]+ing$/.test(c.back.trim()) && !/^[A-Z]{2,}/.test(c.back)) return 'bare-process';
  // a cloze blanking a preposition phrase or a modifier ("[...] common law" → "Under English")
  if (c.type === 'cloze' && /^(?:under|in|on|at|by|for|with|from|to|of|as|into|over|after|before|during|very|more|most|less)\b/i.test(c.back.trim())) return 'check-bad-blank';
  return precisionReason(c);
}
