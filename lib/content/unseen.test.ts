// Documents of kinds the seeds do not cover (fixtures/): a Wikipedia page and a news article saved as
// text, an HTML page, Markdown with front matter, lecture notes, a PDF export, mojibake, a long essay
// without headings, a short note and FAQs. Each must lose its chrome, keep its text and structure, and
// split into sensibly sized, sensibly titled lessons with stable keys.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildCourse } from './build';
import { cleanDocument } from './clean';
import { decodeText } from './load';
import { MAX_LESSON_WORDS, MIN_LESSON_WORDS } from './split';
import type { ContentIssue, CourseModule, Lesson } from './types';
import { countWords } from './words';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixture = (name: string): string => decodeText(readFileSync(path.join(FIXTURES, name)));

interface Built {
  module: CourseModule;
  lessons: Lesson[];
  issues: ContentIssue[];
  /** All lesson Markdown, with titles, as a learner would read it. */
  text: string;
}

function build(name: string, text = fixture(name)): Built {
  const { course, issues } = buildCourse({ documents: [{ path: name, text }], name: 'fixtures' });
  const first = course.modules[0];
  if (!first) throw new Error(`no module for ${name}`);
  const text2 = first.lessons.map((l) => `${l.title}\n\n${l.markdown}`).join('\n');
  return { module: first, lessons: first.lessons, issues, text: text2 };
}

const GENERIC_TITLE = /^(?:untitled|document|lesson|section|part|text|page|notes?)(?:\s*\d+)?$/i;

/** What every lesson of every kind must satisfy. */
function expectWellFormed(built: Built, fileName: string): void {
  const { module: mod, lessons } = built;
  expect(lessons.length, fileName).toBeGreaterThan(0);
  expect(mod.title.trim(), fileName).not.toBe('');
  expect(mod.title, fileName).not.toMatch(GENERIC_TITLE);
  const base = fileName.replace(/\.[^.]+$/, '');
  const keys = lessons.map((l) => l.key);
  expect(new Set(keys).size, fileName).toBe(keys.length);
  const total = lessons.reduce((n, l) => n + l.words, 0);
  for (const lesson of lessons) {
    expect(lesson.title.trim(), lesson.key).not.toBe('');
    expect(lesson.title, lesson.key).not.toMatch(GENERIC_TITLE);
    expect(lesson.title.toLowerCase(), lesson.key).not.toContain(base.toLowerCase());
    expect(lesson.key, lesson.key).toMatch(new RegExp(`^${mod.key}/[a-z0-9]+(?:-[a-z0-9]+)*$`));
    expect(lesson.words, lesson.key).toBeLessThanOrEqual(MAX_LESSON_WORDS);
    if (total >= MIN_LESSON_WORDS) expect(lesson.words, lesson.key).toBeGreaterThanOrEqual(MIN_LESSON_WORDS);
    // The lesson title is not repeated inside, and ## is the top level.
    expect(lesson.markdown, lesson.key).not.toMatch(/^#\s/m);
    for (const line of lesson.markdown.split('\n')) expect(line, lesson.key).toBe(line.trimEnd());
  }
  expect(built.issues.filter((i) => i.level === 'error'), fileName).toEqual([]);
}

/** Appends a sentence to the longest line in the middle of the document: keys must not move. */
function expectStableKeys(name: string, text = fixture(name)): void {
  const lines = text.split('\n');
  const middle = lines
    .map((l, i) => ({ l, i }))
    .filter(({ l, i }) => i > lines.length * 0.25 && i < lines.length * 0.85 && /[a-z]\.(?:<\/p>)?$/.test(l.trim()) && l.length > 60);
  const target = middle.sort((a, b) => b.l.length - a.l.length)[0];
  expect(target, name).toBeDefined();
  const edited = [...lines];
  edited[target?.i ?? 0] = (target?.l ?? '').replace(/\.(?=(?:<\/p>)?\s*$)/, '. An editor added this sentence later.');
  const before = build(name, text);
  const after = build(name, edited.join('\n'));
  expect(after.lessons.map((l) => l.key), name).toEqual(before.lessons.map((l) => l.key));
  expect(after.module.key, name).toBe(before.module.key);
  expect(after.text, name).toContain('An editor added this sentence later.');
}

const headingsOf = (built: Built): string[] => [
  ...built.lessons.map((l) => l.title),
  ...built.lessons.flatMap((l) => l.markdown.split('\n').filter((x) => /^#{2,6}\s/.test(x)).map((x) => x.replace(/^#+\s+/, ''))),
];

function expectAbsent(text: string, patterns: readonly (string | RegExp)[]): void {
  for (const p of patterns) {
    if (typeof p === 'string') expect(text, p).not.toContain(p);
    else expect(text, String(p)).not.toMatch(p);
  }
}

describe('a Wikipedia article saved as text', () => {
  const name = 'wikipedia-perceptron.txt';
  const compact = fixture(name);
  // Other browsers put blank lines between paragraphs and the edit link on its own line.
  const spaced = compact.replace(/\[edit\]$/gm, '\n[edit]').replace(/\n/g, '\n\n');

  it.each([
    ['as copied (no blank lines, "History[edit]")', compact],
    ['with blank lines and "[edit]" on its own line', spaced],
  ])('keeps the article and drops menus, citations and footers %s', (_label, text) => {
    const built = build(name, text);
    expectWellFormed(built, name);
    expect(built.module.title).toBe('Perceptron');
    expectAbsent(built.text, [
      'Jump to content', 'Main menu', 'Create account', 'From Wikipedia', 'Part of a series', '42 languages', 'Deutsch', '日本語',
      'View history', /\[\d+\]/, '[citation needed]', '[edit]', 'displaystyle', '\\mathbf', 'doi:', 'ISBN', /^\^/m, 'Freund',
      'Categories:', 'last edited', 'Creative Commons', 'registered trademark', 'Privacy policy', 'Mobile view',
    ]);
    const headings = headingsOf(built);
    for (const h of ['History', 'Definition', 'Learning algorithm', 'Convergence', 'Variants']) expect(headings, h).toContain(h);
    for (const kept of [
      'In machine learning, the perceptron is an algorithm for supervised learning of binary classifiers. A binary classifier',
      'changing the weights only when it makes a mistake.',
      'The perceptron computes f ( x ) = 1 if w ⋅ x + b > 0 , and 0 otherwise for every input.',
      'Novikoff proved in 1962',
      'without computing the features explicitly.',
    ]) {
      expect(built.text, kept).toContain(kept);
    }
    expect(built.lessons.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps keys when a paragraph is edited', () => expectStableKeys(name));
});

describe('a news article saved as text', () => {
  const name = 'news-article.txt';
  const built = build(name);

  it('drops the cookie banner, menus, share buttons, newsletter box, teasers, related articles and comments', () => {
    expectWellFormed(built, name);
    expectAbsent(built.text, [
      'cookies', 'Accept all', 'Manage preferences', 'Skip to main content', 'Sign in', 'Podcasts', 'Share', 'Copy link',
      'Newsletter', 'Enter your email', 'Sign up', 'By signing up', 'Read more', 'Related articles', 'The rise and fall of dropout',
      'Comments', 'markus_k', 'Great explainer', 'Reply', 'Like (', '©', 'All rights reserved', 'Gradient Times',
    ]);
  });

  it('titles the course module by the article, not by the site, and keeps its sections', () => {
    expect(built.module.title).toBe('Why Batch Normalization Still Matters in 2024');
    const headings = headingsOf(built);
    for (const h of ['How the layer works', 'Why does it help?', 'Where it struggles']) expect(headings).toContain(h);
    expect(built.text).toContain('Batch normalization was introduced in 2015 as a fix');
    expect(built.text).toContain('it still makes deep networks markedly easier to train.');
  });

  it('keeps keys when a paragraph is edited', () => expectStableKeys(name));
});

describe('an HTML page', () => {
  const name = 'html-page.html';
  const built = build(name);

  it('keeps the article (title, sections, code, figure, list) and drops scripts, styles, menus, byline, share row and sidebar', () => {
    expectWellFormed(built, name);
    expect(built.module.title).toBe('Convolutional Neural Networks: A Gentle Introduction');
    expectAbsent(built.text, [
      'gtag', 'dataLayer', 'font-family', 'cookie', 'RSS', 'Posts', 'Posted on', 'min read', 'Alex Kim', 'Share', 'Twitter',
      'Related posts', 'Recurrent networks', 'About the author', 'Tags', 'Privacy', '©', 'ML Notes', /\[\\?\[1\\?\]\]/, '↩',
    ]);
    const headings = headingsOf(built);
    for (const h of ['The convolution operation', 'Pooling', 'Typical architectures']) expect(headings).toContain(h);
    expect(built.text).toContain('nn.Conv2d(in_channels=3');
    expect(built.text).toContain('![Max pooling over two by two windows](/img/maxpool.png)');
    expect(built.text).toMatch(/^1\. LeNet-5 \(1998\)/m);
    expect(built.text).toContain('**convolutional neural network**');
    expect(built.module.description).toMatch(/^A convolutional neural network \(CNN\) is/);
  });

  it('keeps keys when a paragraph is edited', () => expectStableKeys(name));
});

describe('an HTML page without <main> or <article>', () => {
  const name = 'html-no-landmarks.html';

  it('keeps the block holding the running text and takes the title from <title> and its heading', () => {
    const built = build(name);
    expectWellFormed(built, name);
    expect(built.module.title).toBe('Gradient Clipping');
    expectAbsent(built.text, ['DL Wiki', 'Home', 'Articles', 'Contact', 'CC BY-SA', 'Privacy', 'Terms']);
    expect(headingsOf(built)).toEqual(expect.arrayContaining(['Clipping by norm', 'Clipping by value']));
    expect(built.text).toContain('Gradient clipping limits the size of the gradient');
    expect(built.text).toContain('when only a few components explode.');
  });
});

describe('Markdown with YAML front matter and HTML comments', () => {
  const name = 'front-matter-notes.md';
  const built = build(name);

  it('takes the title from the front matter and drops metadata and comments, but not code', () => {
    expectWellFormed(built, name);
    expect(built.module.title).toBe('Regularisation: Keeping Models Honest');
    expectAbsent(built.text, ['author:', 'Dana Whitfield', 'draft:', 'tags:', 'TODO', 'Old paragraph', 'Gaussian prior', 'cite Tibshirani', /<!--\s*(TODO|cite)/]);
    expect(built.text).toContain('# <!-- this is code, not a comment to remove -->');
    expect(built.text).toContain('to be interpreted.\n');
    const headings = headingsOf(built);
    for (const h of ['Weight penalties', 'Early stopping', 'Dropout', 'Data augmentation']) expect(headings).toContain(h);
  });

  it('keeps keys when a paragraph is edited', () => expectStableKeys(name));
});

/** Re-wraps every long line at `width` columns, as a text editor or `fmt` would. */
function hardWrap(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => {
      if (line.length <= width) return [line];
      const out: string[] = [];
      let current = '';
      for (const word of line.split(' ')) {
        if (current && current.length + 1 + word.length > width) {
          out.push(current);
          current = word;
        } else current = current ? `${current} ${word}` : word;
      }
      return [...out, current];
    })
    .join('\n');
}

describe('plain-text lecture notes with numbered, capitalised and underlined headings', () => {
  const name = 'lecture-notes.txt';
  const original = fixture(name);

  it.each([
    ['one line per paragraph', original],
    ['hard-wrapped at 70 columns', hardWrap(original, 70)],
  ])('finds the title and every heading (%s)', (_label, text) => {
    const md = cleanDocument(text, name);
    expect(md.startsWith('# CS 229 Lecture Notes: Support Vector Machines\n')).toBe(true);
    for (const h of ['## 1. Introduction', '## 2. Margins: Intuition', '### 2.1 Functional margins', '### 2.2 Geometric margins', '## 3. The Optimal Margin Classifier', '## LAGRANGE DUALITY', '## KERNELS', '## Regularisation and the non-separable case', '## The SMO algorithm']) {
      expect(md, h).toContain(`\n${h}\n`);
    }
    expect(md).not.toMatch(/^#+ Lecturer/m);
    expect(md).not.toMatch(/^[=-]{3,}$/m);
    // The numbered steps stay a list, each item whole.
    expect(md).toContain('\n1. Fix the scale of the weights so that the functional margin equals one.\n2. Minimise');
    expect(md).toContain('\n3. Solve the resulting quadratic programme with an off-the-shelf solver.\n');
    // Every paragraph of the original comes out whole, however it was wrapped.
    for (const paragraph of original.split('\n').filter((l) => l.split(' ').length > 30)) expect(md, paragraph.slice(0, 40)).toContain(paragraph);
    const built = build(name, text);
    expectWellFormed(built, name);
    expect(built.module.title).toBe('CS 229 Lecture Notes: Support Vector Machines');
  });

  it('keeps keys when a paragraph is edited', () => expectStableKeys(name));
});

describe('a PDF exported to text', () => {
  const name = 'pdf-connectionism.txt';
  const built = build(name);

  it('drops page numbers, running headers, page breaks and the dot-leader contents', () => {
    expectWellFormed(built, name);
    expect(built.module.title).toBe('A Short History of Connectionism');
    expectAbsent(built.text, ['COGS 210', '\f', '. . .', /^\s*Contents\s*$/m, /^\s*\d+\s*$/m, /^- \d/m, 'ﬁ']);
  });

  it('re-joins hard-wrapped lines, words hyphenated at line ends and paragraphs cut by page breaks', () => {
    for (const word of ['attracted', 'knowledge', 'psychology', 'additional', 'artificial', 'Hopfield']) expect(built.text, word).toContain(word);
    expectAbsent(built.text, ['attr-', 'know-', 'psych-', 'addit-', /\p{L}- \p{Ll}/u]);
    // A real compound stays hyphenated when its halves are words of the document.
    expect(built.text).toContain('single-layer perceptrons');
    expect(built.text).toContain('logical function, and in 1949 Hebb proposed');
    expect(built.text).toContain('and demonstrated that hidden units learn');
    expect(built.text).toContain('for vision, speech and language is a deep neural network');
    // Paragraphs are whole: no paragraph starts in the middle of a sentence.
    for (const l of built.lessons) {
      for (const paragraph of l.markdown.split('\n\n')) expect(paragraph.trim(), paragraph.slice(0, 30)).not.toMatch(/^\p{Ll}/u);
    }
  });

  it('numbers its sections without dots ("1 Origins") and uses them as headings', () => {
    const headings = headingsOf(built);
    for (const h of ['1 Origins', '2 The First Winter', '3 The Revival', '4 Deep Learning']) expect(headings).toContain(h);
  });

  it('keeps keys when a paragraph is edited', () => expectStableKeys(name));
});

describe('text with mojibake', () => {
  const name = 'mojibake-attention.txt';

  it('repairs UTF-8 read as Windows-1252, including a closing quote whose last byte was lost', () => {
    const built = build(name);
    expectWellFormed(built, name);
    expect(built.module.title).toBe('Attention in Neural Networks');
    expectAbsent(built.text, ['â€', 'Ã', '\ufffd', 'Â']);
    for (const kept of ['It’s the mechanism', '“transformer” models — and', 'café', '1/√d', '“it” to “cat”.', 'attention – sparse']) {
      expect(built.text, kept).toContain(kept);
    }
  });

  it('reads a file saved in Windows-1252', () => {
    const text = 'Dropout\n\nDropout isn’t magic: it “thins” the network — every step trains a different sub-network of the café’s model.\n';
    const bytes = Uint8Array.from([...text].map((c) => ({ '’': 0x92, '“': 0x93, '”': 0x94, '—': 0x97, é: 0xe9 })[c] ?? c.charCodeAt(0)));
    const md = cleanDocument(decodeText(bytes), 'legacy.txt');
    expect(md).toContain('Dropout isn’t magic: it “thins” the network — every step');
    expect(md).toContain('café’s');
  });
});

describe('a long document without any heading', () => {
  const name = 'long-essay.txt';
  const text = fixture(name);
  const docWords = countWords(text);

  it('splits at paragraphs into lessons within the size bounds, titled "<title> (part n)"', () => {
    const built = build(name);
    expectWellFormed(built, name);
    expect(built.lessons.length).toBeGreaterThanOrEqual(Math.ceil(docWords / MAX_LESSON_WORDS));
    const [first, ...rest] = built.lessons;
    rest.forEach((l, i) => {
      expect(l.title).toBe(`${first?.title ?? ''} (part ${i + 2})`);
      expect(l.key).toBe(`${first?.key ?? ''}-part-${i + 2}`);
    });
    // Nothing lost: the lessons hold every word of the document.
    expect(built.lessons.reduce((n, l) => n + l.words, 0)).toBe(docWords);
  });

  it('takes its title from the first sentence when the file name is an id', () => {
    const built = build('004_9f8e7d6c5b4a3f2e.txt', text);
    expectWellFormed(built, '004_9f8e7d6c5b4a3f2e.txt');
    expect(built.module.title).toMatch(/^Training a neural network/);
    expect(built.module.title.split(/\s+/).length).toBeLessThanOrEqual(9);
    for (const l of built.lessons) expect(l.key).not.toMatch(/9f8e|004/);
  });

  it('keeps keys when a paragraph is edited', () => expectStableKeys(name));
});

describe('a very short document', () => {
  it('is one lesson titled by its title line, with a warning', () => {
    const built = build('short-note.txt');
    expectWellFormed(built, 'short-note.txt');
    expect(built.lessons.map((l) => l.title)).toEqual(['The ReLU activation']);
    expect(built.lessons[0]?.markdown).toMatch(/^The rectified linear unit returns its input/);
    expect(built.issues.some((i) => i.level === 'warning' && /short document/.test(i.message))).toBe(true);
  });

  it('without a title line or a meaningful file name, is titled from its first sentence', () => {
    const built = build('7f3a9c01e2.txt', 'Batch size trades gradient noise for speed. Larger batches need larger learning rates.\n');
    expect(built.module.title).toBe('Batch size trades gradient noise for speed');
    expect(built.lessons[0]?.title).toBe('Batch size trades gradient noise for speed');
    expect(built.lessons[0]?.key).toBe('batch-size-trades-gradient-noise-for-speed/batch-size-trades-gradient-noise-for-speed');
  });
});

describe('FAQs', () => {
  it('turns bold questions in Markdown into headings; a single lesson is named like the document', () => {
    const name = 'faq.md';
    const built = build(name);
    expectWellFormed(built, name);
    expect(built.module.title).toBe('Frequently Asked Questions: Training Neural Networks');
    expect(built.lessons.map((l) => l.title)).toEqual(['Frequently Asked Questions: Training Neural Networks']);
    const md = built.lessons[0]?.markdown ?? '';
    for (const q of ['What is an epoch?', 'Why does my training loss go down while my validation loss goes up?', 'Why is my loss NaN?']) {
      expect(md).toContain(`## ${q}\n`);
    }
    expect(md).not.toContain('**What is an epoch?**');
  });

  it('splits a longer bold-question FAQ into question lessons', () => {
    const answer = (topic: string): string =>
      Array.from({ length: 9 }, (_, i) => `The answer about ${topic} continues with sentence ${i + 1}, which adds detail.`).join(' ');
    const topics = ['epochs', 'overfitting', 'learning rates', 'batch sizes', 'NaN losses', 'checkpoints'];
    const md = ['# Training FAQ', ...topics.flatMap((t) => [`**What should I know about ${t}?**`, answer(t)])].join('\n\n');
    const built = build('training-faq.md', md);
    expectWellFormed(built, 'training-faq.md');
    expect(built.lessons.length).toBeGreaterThanOrEqual(2);
    expect(built.lessons[0]?.title).toBe('What should I know about epochs?');
  });

  it('turns "Q:" / "A:" pairs in plain text into question headings and answers', () => {
    const name = 'faq-plain.txt';
    const built = build(name);
    expectWellFormed(built, name);
    expect(built.module.title).toBe('Optimisers: Questions and Answers');
    const md = built.lessons.map((l) => l.markdown).join('\n');
    for (const q of ['What does an optimiser do?', 'What is momentum?', 'Why is Adam so popular?', 'When should I prefer SGD over Adam?']) {
      expect(md).toMatch(new RegExp(`^## ${q.replace(/[?]/g, '\\?')}$`, 'm'));
    }
    expect(md).not.toMatch(/^(Q|A):/m);
    expect(md).toMatch(/^An optimiser decides how the weights/m);
  });
});

describe('slides exported as text', () => {
  it('drops slide counters and the footer repeated on every slide, keeping titles and bullets', () => {
    const slides: [string, string[]][] = [
      ['Gradient Descent', ['Gradient descent minimises a loss by stepping against its gradient.', 'The step size is the learning rate.']],
      ['Learning Rate', ['Too large a rate makes the loss diverge.', 'Too small a rate makes training slow.']],
      ['Momentum', ['Momentum averages past gradients.', 'It damps oscillations across narrow valleys.']],
      ['Adam', ['Adam adapts the step size of each parameter.', 'Its defaults work well for many problems.']],
    ];
    const text = [
      'Optimisation for Deep Learning',
      'Week 3 – Introduction to Machine Learning',
      '',
      ...slides.flatMap(([title, bullets], i) => [`Slide ${i + 2} of 6`, title, ...bullets.map((b) => `• ${b}`), 'Introduction to Machine Learning – Spring 2024', '']),
    ].join('\n');
    const md = cleanDocument(text, 'slides.txt');
    expect(md.startsWith('# Optimisation for Deep Learning\n')).toBe(true);
    expect(md).not.toMatch(/Slide \d|Spring 2024/);
    for (const [title, bullets] of slides) {
      expect(md).toContain(`\n## ${title}\n`);
      for (const b of bullets) expect(md).toContain(`\n- ${b}`);
    }
  });
});

describe('Markdown with TOML front matter', () => {
  it('drops the block and keeps its title', () => {
    const md = '+++\ntitle = "Backprop in One Page"\ndate = 2024-01-01\n+++\n\nBackpropagation applies the chain rule from the output backwards.\n';
    expect(cleanDocument(md, 'backprop.md')).toBe('# Backprop in One Page\n\nBackpropagation applies the chain rule from the output backwards.\n');
  });
});

describe('rules that must not remove content', () => {
  it('marks a heading by its glued "[edit]" even right under a paragraph', () => {
    const para = 'The perceptron learns a linear boundary from labelled examples, one example at a time, by correcting its mistakes.';
    const text = ['Perceptron', '', para, '', para, 'Training[edit]', para, '', para, '[1] is cited here.[2]'].join('\n');
    const md = cleanDocument(text, 'page.txt');
    expect(md).toMatch(/^## Training$/m);
    expect(md).not.toContain('[edit]');
  });

  it('gives bare-numbered sections ("2 Methods") the level of their number', () => {
    const para = 'This paragraph explains the section in enough words to read like running prose in a set of notes.';
    const text = ['Study Guide', '', '1 Basics', '', para, '', '1.1 Terms', '', para, '', '2 Methods', '', para, '', '2.1 Tools', '', para].join('\n');
    const md = cleanDocument(text, 'guide.txt');
    expect(md).toMatch(/^## 1 Basics$/m);
    expect(md).toMatch(/^### 1\.1 Terms$/m);
    expect(md).toMatch(/^## 2 Methods$/m);
    expect(md).toMatch(/^### 2\.1 Tools$/m);
  });

  it('keeps a lone bracketed index, Markdown reference links and code', () => {
    const text = 'Arrays start at zero, so the first element is a[0] in most languages and x[1] is the second one.\n';
    expect(cleanDocument(text, 'arrays.txt')).toContain('a[0] in most languages and x[1] is the second');
    const cited = 'The rule was proposed in 1957[5] by Rosenblatt,[6] long before GPT-3[7], and it updates w[0] and W2[1] on each mistake.[a]\n';
    expect(cleanDocument(cited, 'cited.txt')).toBe('The rule was proposed in 1957 by Rosenblatt, long before GPT-3, and it updates w[0] and W2[1] on each mistake.\n');
    const md = [
      '# Links',
      '',
      'See the survey[1] and the tutorial[2] for details, and `w[3]` in code.',
      '',
      '```',
      'print(w[4])[5]',
      '```',
      '',
      '[1]: https://example.com/survey',
      '[2]: https://example.com/tutorial',
    ].join('\n');
    const out = cleanDocument(md, 'links.md');
    expect(out).toContain('survey[1] and the tutorial[2]');
    expect(out).toContain('`w[3]`');
    expect(out).toContain('print(w[4])[5]');
  });

  it('keeps numbers that are not page numbers and repeated short labels', () => {
    const text = [
      'Benchmarks',
      '',
      'Throughput of the model on one machine, measured in images per second for each number of GPUs:',
      '',
      '4',
      '',
      '1',
      '',
      '8',
      '',
      'Example',
      'A learning rate of 0.1 diverges on this data set within a few steps.',
      '',
      'Example',
      'A learning rate of 0.001 converges but needs many more epochs to do so.',
      '',
      'Example',
      'A learning rate of 0.01 converges quickly and reaches the best validation loss.',
    ].join('\n');
    const md = cleanDocument(text, 'bench.txt');
    expect(md).toMatch(/^- 4$|^4$/m);
    expect(md).toMatch(/^- 8$|^8$/m);
    expect((md.match(/Example/g) ?? []).length).toBe(3);
  });

  it('keeps a single bold line as emphasis, not a heading', () => {
    const md = '# Notes\n\n**Remember this**\n\nGradients flow backwards through every layer of the network during training.\n';
    expect(cleanDocument(md, 'notes.md')).toContain('**Remember this**');
  });

  it('keeps a list introduced by a colon inside a saved web page', () => {
    const list = ['Three remedies are common:', 'Group normalization', 'Layer normalization', 'Batch renormalization'].join('\n');
    const text = fixture('news-article.txt').replace('Read more: The rise and fall of dropout', list);
    const built = build('news-article.txt', text);
    for (const item of ['Group normalization', 'Layer normalization', 'Batch renormalization']) expect(built.text).toMatch(new RegExp(`^- ${item}$`, 'm'));
  });
});
