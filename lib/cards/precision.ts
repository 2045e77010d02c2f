// Precision rules of the last gate: card shapes blind raters rejected on documents nobody tuned for.
// Each rule is about the card's text only (front, back, source), so rule and LLM cards are judged alike.
//   - the front needs something outside the card ("In both examples, …", "the second form", "as shown above");
//   - a yes/no question whose back is the next sentence rather than an answer;
//   - a question that lost a noun when a number was moved ("on only the last of a word");
//   - a back cut in the middle of a construction ("both code" with no "and");
//   - a definition whose answer says nothing ("a relatively large topic", "the one before …");
//   - a quantified subject asked as if it were a term ("What was every Greek sentence?");
//   - a cloze whose gap has several fillers: a bullet label ("[...]: Especially …"), a fronted
//     setting ("On [...], Magnifier is built in"), or an instruction to the reader ("You will use [...]").

import type { Candidate } from './candidate';

const ORDINAL = String.raw`(?:first|second|third|fourth|fifth|last|previous|next|following|preceding|latter|former|above|below|same|other|earlier|later)`;
const THING = String.raw`(?:examples?|forms?|cases?|ones?|words?|sentences?|methods?|steps?|options?|versions?|figures?|tables?|lists?|sections?|chapters?|lessons?|approach(?:es)?|parts?|points?|types?|items?|ways?|situations?)`;
/** Phrases that point at something the card does not contain. */
const CONTEXT = new RegExp(
  String.raw`\b(?:(?:the|this|that|these|those|both|either|each) ${ORDINAL} ${THING}|(?:both|these|those|such|all three|all these) ${THING}|(?:shown|seen|mentioned|described|discussed|listed|noted|explained|defined|given|used) (?:above|below|earlier|previously|before|here)|as follows|the following|in this (?:case|way|example|section|lesson|chapter|context)|(?:above|below)[.?]?$)`,
  'i',
);

/** A connective that ties the sentence to the one before it ("Some usages of X, however, …", "… as well"). */
const LINKED = /\b(?:however|therefore|thus|hence|instead|moreover|furthermore|likewise|similarly|otherwise|nevertheless|nonetheless|meanwhile|consequently|as well(?! as)|in addition|in contrast|by contrast|on the other hand|as a result|in turn)\b|\balso\b(?! (?:called|known|termed|named|referred))|\b(?:too|either)[.?]?$/i;

/** A sentence-initial discourse adverb places the sentence in a story the card does not tell ("Now …", "Next, …"). */
const DISCOURSE_START = /^(?:now|here|then|next|finally|lastly|first(?:ly)?|second(?:ly)?|third(?:ly)?|again|still|besides|afterwards|after that|at this point|at that point|from here|to do (?:this|so|that)|for this reason|with this|in that case|this way|that way|in (?:this|that) way)\b/i;
/** A demonstrative determiner anywhere in the front ("What does Redis do with this file?") points outside the card. */
const DEMONSTRATIVE = /\b(?:this|these|those)\s+(?!is\b|are\b|was\b|were\b|means\b)[a-z]/i;
/** "now" as a time relative to the text ("…, now, …", "by now"), not "known". */
const RELATIVE_NOW = /,\s*now\b|\bnow,|\b(?:by|for|until|from) now\b|\bright now\b/i;

/** The front needs the sentences before it: a discourse adverb at its start, a demonstrative, a relative "now". */
export function contextDependent(front: string): boolean {
  const f = front.replace(/^(?:what|which|who|when|how(?: many| much)?)\s+/i, (m) => m).trim();
  return DISCOURSE_START.test(f) || DEMONSTRATIVE.test(f) || RELATIVE_NOW.test(f);
}

/** The front continues an earlier sentence. */
export function linkedToPrevious(text: string): boolean {
  return LINKED.test(text);
}

const YES_NO = /^(?:is|are|was|were|do|does|did|can|could|should|shall|will|would|has|have|had|may|must)\b/i;
/** "How many syllables do accents appear on only the last of a word?": the counted noun left its adjective behind. */
const STRANDED = /\b(?:the|only the) (?:last|first|next|previous|final|top|remaining|other|following) (?:of|in|on|at|to|for|from|by|with)\b|\b(?:the|only the) (?:last|first|next|previous|final|top)\s*\?$/i;
const VAGUE_HEAD = /^(?:(?:the )?one (?:of|before|after|that|which|with|in)\b.*|(?:a|an|the)?\s*(?:(?:relatively|very|quite|fairly|rather|really|pretty|so|too|most|more)\s+)?(?:[a-z-]+\s+)?(?:topic|thing|subject|matter|issue|area|field|part|aspect|concept|idea|notion|way|one|kind|sort|bit|lot|example|question|problem|case)s?\b(?:\s+(?:of|that|which|to|for|in)\b.*)?)$/i;
const QUANTIFIED = /^(?:what|who|which)\s+(?:is|are|was|were|does|do|did)\s+(?:every|each|all|some|many|most|any|several|few|both)\b/i;

/** The back is cut inside a paired construction ("both code" without its "and …"). */
export function truncatedPair(back: string): boolean {
  const b = ` ${back.toLowerCase()} `;
  if (/ both /.test(b) && !/ both .+ and /.test(b)) return true;
  if (/ either /.test(b) && !/ either .+ or /.test(b)) return true;
  if (/ neither /.test(b) && !/ neither .+ nor /.test(b)) return true;
  if (/ between /.test(b) && !/ between .+ (?:and|&) /.test(b) && !/ between (?:them|us|the \w+s|\w+s) /.test(b)) return true;
  return false;
}

/** The front refers to something outside the card. */
export function needsOutsideContext(text: string): boolean {
  return CONTEXT.test(text);
}

/** Why the card's shape is one raters reject, or null. */
export function precisionReason(c: Candidate): string | null {
  const front = c.front.trim();
  const back = c.back.trim();
  if (!c.contextIncluded && needsOutsideContext(front.replace(/\[\.\.\.\]/g, ''))) return 'outside-context';
  if (!c.contextIncluded && linkedToPrevious(front)) return 'linked-to-previous';
  if (!c.contextIncluded && contextDependent(front)) return 'context-dependent';
  if (c.type !== 'cloze' && c.type !== 'list' && YES_NO.test(front)) return 'yes-no';
  if (c.type !== 'cloze' && STRANDED.test(front)) return 'stranded-modifier';
  if (c.type !== 'list' && truncatedPair(back)) return 'truncated-pair';
  if (c.origin === 'definition' && VAGUE_HEAD.test(back.replace(/[.;,]+$/, ''))) return 'vague-definition';
  if (c.type !== 'cloze' && QUANTIFIED.test(front)) return 'quantified-subject';
  // "Open source is an unusual circumstance, however, because …": a definition lifted from a sentence that
  // answers the one before it is a contrast, not a definition
  if (['definition', 'term', 'known-as'].includes(c.origin) && !c.contextIncluded && linkedToPrevious(c.source.replace(/\b(?:also|too|either)\b/gi, ''))) return 'linked-source';
  // a demonstrative in the answer points at something the card does not hold ("an example of this type")
  if (c.type === 'basic' && /\b(?:this|these|those)\s+[a-z]/i.test(back)) return 'dangling-answer';
  // an explicit question answered by a condition ("If you're starting from …, …") has no single answer
  if (c.origin === 'qa' && c.type === 'basic' && /^(?:if|when|unless|although|though|because|it depends|depending)\b/i.test(back)) return 'conditional-answer';
  // "What does assuming the model perfectly represent?": a gerund phrase with its object read as the subject
  if (c.type !== 'cloze' && /^(?:what|who|which|how)\s+(?:does|do|did)\s+[a-z]+ing\s+(?:the|a|an|this|that|these|those|its|their)\b/i.test(front)) return 'gerund-subject';
  if (c.type === 'cloze') {
    // "One of the best-known tools are [...]", "Most clients support [...] attributes": one member of an open
    // class, or a claim about some of a class — many fillers fit the gap
    if (/^(?:one|some|many|several|a few|examples?) of (?:the |its |their )?/i.test(front) && !/^[^[]*\bof (?:the |its |their )?\[\.\.\.\]/i.test(front)) return 'open-cloze';
    if (/^(?:most|many|some|several|few|all|various|numerous)\s+(?!of\b)[a-z]/i.test(front) && !/^\S+\s+\[\.\.\.\]/.test(front)) return 'open-cloze';
    // a timeline bullet's date: "[...] – VALL-E 2 can generate …"
    if (/^\[\.\.\.\]\s*[–—-]\s/.test(front)) return 'bullet-date';
    // "Initially, [...] were challenging …": a time relative to the story the card does not tell
    if (/^(?:initially|at first|originally|later|later on|today|now|currently|recently|nowadays|(?:a few|some|many) years ago|at the time|back then|soon)\s*,/i.test(front) && !/^\d{4}$/.test(back)) return 'relative-time';
    // "Someone using a [...] would only hear …": a hypothetical, not a fact
    if (/\b(?:would|could)\b/i.test(front)) return 'hypothetical';
    // a bullet label: "[...]: Especially if …" or "Employee policies: [...] developing …"
    if (/\[\.\.\.\]\s*:/.test(front) || /^[^.:[]{1,50}:\s/.test(front)) return 'label-cloze';
    // the gap is the setting of the clause, not its fact: "On [...], Magnifier is built in."
    if (/^(?:on|in|at|for|with|under|from|by|during|across|within|inside)\s+(?:the\s+|a\s+|an\s+)?\[\.\.\.\]\s*,/i.test(front)) return 'setting-cloze';
    // an instruction to the reader: "You are going to use [...] to …"
    // (lower-case mid-sentence only: "Attention Is All You Need" is a title)
    if (/^(?:you|your)\b/i.test(front) || /\byou(?:'ll|'re|'d| will| are going to| can| should| need| must| may| might| would)\b/.test(front)) return 'reader-cloze';
  }
  return null;
}
