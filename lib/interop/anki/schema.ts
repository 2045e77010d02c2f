// Anki's collection schema 11 (the legacy "collection.anki2" every Anki 2.1+ and AnkiDroid imports), as
// defined in ankitects/anki rslib/src/storage/schema11.sql; and the JSON the col row's columns hold.

export const SCHEMA_11_SQL = `
create table col (id integer primary key, crt integer not null, mod integer not null, scm integer not null,
  ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null,
  models text not null, decks text not null, dconf text not null, tags text not null);
create table notes (id integer primary key, guid text not null, mid integer not null, mod integer not null,
  usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null,
  flags integer not null, data text not null);
create table cards (id integer primary key, nid integer not null, did integer not null, ord integer not null,
  mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null,
  ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null,
  odue integer not null, odid integer not null, flags integer not null, data text not null);
create table revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null,
  ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
create table graves (usn integer not null, oid integer not null, type integer not null);
create index ix_notes_usn on notes (usn);
create index ix_cards_usn on cards (usn);
create index ix_revlog_usn on revlog (usn);
create index ix_cards_nid on cards (nid);
create index ix_cards_sched on cards (did, queue, due);
create index ix_revlog_cid on revlog (cid);
create index ix_notes_csum on notes (csum);
`;

/** Field separator inside notes.flds. */
export const FIELD_SEPARATOR = '\x1f';

export const BASIC_FIELDS = ['Front', 'Back', 'Source', 'Lesson'] as const;
export const CLOZE_FIELDS = ['Text', 'Back Extra', 'Source', 'Lesson'] as const;

const CSS = '.card { font-family: arial; font-size: 20px; text-align: center; color: black; background-color: white; }\n' +
  '.source { font-size: 14px; color: #555; margin-top: 1em; }\n.cloze { font-weight: bold; color: blue; }';

function field(name: string, ord: number) {
  return { name, ord, sticky: false, rtl: false, font: 'Arial', size: 20, description: '', media: [] };
}

function template(name: string, ord: number, qfmt: string, afmt: string) {
  return { name, ord, qfmt, afmt, bqfmt: '', bafmt: '', did: null, bfont: '', bsize: 0 };
}

const EXTRA = '{{#Source}}<div class="source">{{Source}}</div>{{/Source}}{{#Lesson}}<div class="source">{{Lesson}}</div>{{/Lesson}}';

/** The two note types, in col.models' schema-11 JSON shape (rslib/src/notetype/schema11.rs). */
export function noteTypes(basicId: number, clozeId: number, deckId: number, modSecs: number) {
  return {
    [String(basicId)]: {
      id: basicId,
      name: 'Basic (Course & Review)',
      type: 0,
      mod: modSecs,
      usn: -1,
      sortf: 0,
      did: deckId,
      tmpls: [template('Card 1', 0, '{{Front}}', `{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}${EXTRA}`)],
      flds: BASIC_FIELDS.map(field),
      css: CSS,
      latexPre: '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n',
      latexPost: '\\end{document}',
      latexsvg: false,
      req: [[0, 'any', [0]]],
      tags: [],
      vers: [],
    },
    [String(clozeId)]: {
      id: clozeId,
      name: 'Cloze (Course & Review)',
      type: 1,
      mod: modSecs,
      usn: -1,
      sortf: 0,
      did: deckId,
      tmpls: [template('Cloze', 0, '{{cloze:Text}}', `{{cloze:Text}}<br>\n{{Back Extra}}${EXTRA}`)],
      flds: CLOZE_FIELDS.map(field),
      css: CSS,
      latexPre: '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n',
      latexPost: '\\end{document}',
      latexsvg: false,
      req: [[0, 'any', [0]]],
      tags: [],
      vers: [],
    },
  };
}

/** One deck in col.decks' schema-11 JSON shape (rslib/src/decks/schema11.rs). */
export function deckJson(id: number, name: string, modSecs: number, desc = '') {
  return {
    id,
    mod: modSecs,
    name,
    usn: -1,
    lrnToday: [0, 0],
    revToday: [0, 0],
    newToday: [0, 0],
    timeToday: [0, 0],
    collapsed: false,
    browserCollapsed: false,
    desc,
    dyn: 0,
    conf: 1,
    extendNew: 0,
    extendRev: 0,
  };
}

/** Deck options id 1 (rslib/src/deckconfig/schema11.rs), with FSRS's retention and parameters. */
export function deckConfigJson(modSecs: number, desiredRetention: number, weights: readonly number[] | undefined) {
  return {
    '1': {
      id: 1,
      mod: modSecs,
      name: 'Default',
      usn: -1,
      maxTaken: 60,
      autoplay: true,
      timer: 0,
      replayq: true,
      dyn: false,
      new: { bury: false, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 0], order: 1, perDay: 20 },
      rev: { bury: false, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 200, hardFactor: 1.2 },
      lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
      desiredRetention,
      fsrsWeights: weights ? [...weights] : [],
    },
  };
}

/** col.conf: scheduler v2 (so Anki does not convert the cards from v1) and the day's rollover hour. */
export function collectionConfigJson(curModel: number, rolloverHour: number) {
  return {
    activeDecks: [1],
    curDeck: 1,
    newSpread: 0,
    collapseTime: 1200,
    timeLim: 0,
    estTimes: true,
    dueCounts: true,
    curModel,
    nextPos: 1,
    sortType: 'noteFld',
    sortBackwards: false,
    addToCur: true,
    schedVer: 2,
    rollover: rolloverHour,
  };
}
