// cleanDocument on synthetic documents: pages saved as text, HTML, plain-text slides, Q&A,
// footnote back-links, front matter and Markdown tidying.

import { describe, expect, it } from 'vitest';
import { cleanDocument, detectFormat } from './clean';

const para = (topic: string, n = 1): string =>
  Array.from(
    { length: n },
    (_, i) =>
      `${topic} is explained here in a full sentence number ${i + 1}, with enough words to read like real prose. It continues with a second sentence about ${topic.toLowerCase()} so the line is long.`,
  ).join('\n');

/** A blog article as a browser copies it: menus, search, share buttons, related links and a footer around it. */
function savedBlogPage(): string {
  const menu = ['Skip to main content', 'Home', 'Blog', 'Archive', 'About us', 'Contact', 'Subscribe', 'Search', 'Log in'];
  const footer = ['Share this post', 'Twitter', 'Facebook', 'LinkedIn', 'Related posts', 'Older post', 'Newer post', '© 2024 Example Press. All rights reserved.', 'Privacy', 'Terms', 'Cookie settings'];
  return [
    '\n\n',
    'Understanding Gradient Descent | Example Press',
    '\n\n\n\n',
    menu.map((m) => `    ${m}\n\n\n`).join(''),
    '\n\n\n',
    'Understanding Gradient Descent',
    para('Gradient descent', 3),
    '',
    'Why it works',
    para('The slope of the loss', 2),
    '',
    'Choosing the learning rate',
    para('A learning rate', 3),
    '\n\n\n\n',
    footer.map((f) => `  ${f}\n\n\n`).join(''),
  ].join('\n');
}

describe('cleanDocument: pages saved as text', () => {
  const cleaned = cleanDocument(savedBlogPage(), 'blog.txt');

  it('keeps the article with its title and sub-headings', () => {
    expect(detectFormat(savedBlogPage(), 'blog.txt')).toBe('text');
    expect(cleaned.startsWith('# Understanding Gradient Descent\n')).toBe(true);
    expect(cleaned).toMatch(/^## Why it works$/m);
    expect(cleaned).toMatch(/^## Choosing the learning rate$/m);
    expect(cleaned).toContain('Gradient descent is explained here in a full sentence number 1');
    expect(cleaned).toContain('A learning rate is explained here in a full sentence number 3');
  });

  it('drops menus, search, share links and the footer', () => {
    for (const chrome of ['Skip to main content', 'Archive', 'Log in', 'Share this post', 'LinkedIn', 'Related posts', '©', 'Cookie settings', 'Example Press']) {
      expect(cleaned, chrome).not.toContain(chrome);
    }
    expect(cleaned).not.toMatch(/\n{3,}/);
    expect(cleaned.split('\n').every((l) => l === l.trimEnd())).toBe(true);
  });
});

describe('cleanDocument: HTML', () => {
  const html = `<!DOCTYPE html><html><head><title>Backprop Notes – Site</title><style>.x{color:red}</style>
    <script>window.evil = 1</script></head><body>
    <header><nav><a href="/">Home</a> <a href="/about">About</a></nav></header>
    <aside>Sidebar: popular posts</aside>
    <main><article>
      <h1>Backpropagation</h1>
      <p>Backpropagation computes <em>gradients</em> of the loss with respect to every weight.</p>
      <h2>Chain rule</h2>
      <p>It applies the chain rule layer by layer, see <a href="https://example.com/chain">this page</a>.</p>
      <table><tr><th>Layer</th><th>Gradient</th></tr><tr><td>1</td><td>small</td></tr></table>
      <form><input name="q"><button>Search</button></form>
      <img src="fig.png" alt="A computation graph">
    </article></main>
    <footer>© 2024 Site · <a href="/privacy">Privacy</a></footer>
    <script>alert(1)</script></body></html>`;

  it('keeps the main article as Markdown and drops chrome', () => {
    const md = cleanDocument(html, 'page.html');
    expect(md).toMatch(/^# Backpropagation$/m);
    expect(md).toMatch(/^## Chain rule$/m);
    expect(md).toContain('_gradients_');
    expect(md).toContain('[this page](https://example.com/chain)');
    expect(md).toMatch(/\| Layer \| Gradient \|/);
    expect(md).toContain('![A computation graph](fig.png)');
    for (const chrome of ['Home', 'About', 'Sidebar', 'Search', '©', 'Privacy', 'alert', 'evil', 'color:red']) {
      expect(md, chrome).not.toContain(chrome);
    }
  });

  it('detects HTML in a .txt file and titles a page without <h1> from <title>', () => {
    const page = '<html><head><title>Dropout Explained | Blog</title></head><body><p>Dropout randomly removes units during training so that the network cannot rely on any single unit.</p></body></html>';
    expect(detectFormat(page, 'saved.txt')).toBe('html');
    const md = cleanDocument(page, 'saved.txt');
    expect(md.startsWith('# Dropout Explained\n')).toBe(true);
    expect(md).toContain('Dropout randomly removes units');
  });
});

describe('cleanDocument: structure in plain text', () => {
  it('finds slide titles, setext and numbered headings and bullets', () => {
    const slides = [
      'Neural Networks 101',
      '===================',
      '',
      'Perceptrons',
      '• A perceptron computes a weighted sum of its inputs and a bias.',
      '• It outputs one when the sum exceeds a threshold, zero otherwise.',
      '',
      'Training',
      '• Weights are adjusted after each mistake by a small step.',
      '• The procedure converges when the data are linearly separable.',
      '',
      '1. Backpropagation',
      'Backpropagation computes gradients for every weight of a multi-layer network.',
      '',
      '1.1 Chain rule',
      'The chain rule lets us multiply local derivatives along each path.',
    ].join('\n');
    const md = cleanDocument(slides, 'slides.txt');
    expect(detectFormat(slides, 'slides.txt')).toBe('text');
    expect(md).toMatch(/^# Neural Networks 101$/m);
    expect(md).toMatch(/^#{2,} Perceptrons$/m);
    expect(md).toMatch(/^#{2,} Training$/m);
    expect(md).toMatch(/^## 1\. Backpropagation$/m);
    expect(md).toMatch(/^### 1\.1 Chain rule$/m);
    expect(md).toMatch(/^- A perceptron computes/m);
  });

  it('takes a capitalised first line as the title and capitalised lines as section headings', () => {
    const text = [
      'LECTURE 5: RECURRENT NETWORKS',
      'Prof. A. Smith, Spring 2024',
      '',
      'INTRODUCTION',
      'Recurrent neural networks process sequences one element at a time while keeping a hidden state.',
      '',
      'VANISHING GRADIENTS',
      'When gradients are propagated back through many time steps they shrink exponentially, and a plain',
      'recurrent network struggles with long-range dependencies.',
      'Several remedies exist:',
      '  - gradient clipping for the exploding case',
      '  - gated units such as the LSTM and the GRU',
    ].join('\n');
    expect(detectFormat(text, 'lecture.txt')).toBe('text');
    const md = cleanDocument(text, 'lecture.txt');
    expect(md.startsWith('# LECTURE 5: RECURRENT NETWORKS\n')).toBe(true);
    expect(md).toMatch(/^## INTRODUCTION$/m);
    expect(md).toMatch(/^## VANISHING GRADIENTS$/m);
    // Hard-wrapped lines are joined back into one paragraph; the indented dashes stay a list.
    expect(md).toContain('and a plain recurrent network struggles');
    expect(md).toMatch(/^- gradient clipping for the exploding case$/m);
  });

  it('does not take list items, captions or sentences for headings', () => {
    const text = [
      'There are three things to remember about optimisers in practice:',
      '',
      'Use momentum',
      'Tune the learning rate',
      'Watch the loss',
      '',
      'Adam adapts the step size of every parameter from running averages of the gradients.',
    ].join('\n');
    const md = cleanDocument(text, 'notes.txt');
    expect(md).not.toMatch(/^#/m);
    expect(md).toMatch(/^- Use momentum$/m);
  });

  it('turns a Question / Answer pair into a heading that is the question', () => {
    const md = cleanDocument('# Question\n\nWhat is a tensor?\n\n# Answer\n\nA tensor is a multi-dimensional array of numbers.\n', 'qa.md');
    expect(md).toMatch(/^# What is a tensor\?$/m);
    expect(md).not.toMatch(/^#\s+(Question|Answer)$/m);
    expect(md).toContain('A tensor is a multi-dimensional array');
    const plain = cleanDocument('Q: Why normalise inputs?\nA: Normalised inputs keep gradients well scaled, which speeds up training.\n', 'qa.txt');
    expect(plain).toMatch(/^#+ Why normalise inputs\?$/m);
    expect(plain).toMatch(/^Normalised inputs keep gradients/m);
  });
});

describe('cleanDocument: Markdown tidying', () => {
  it('removes footnote back-links, front matter, stray menu lines and in-page tables of contents', () => {
    const md = [
      '---',
      'title: Weight Decay',
      'tags: [ml]',
      '---',
      'Skip to content',
      'Menu',
      '',
      '- [Intro](#intro)',
      '- [Details](#details)',
      '- [Summary](#summary)',
      '',
      'Weight decay adds a penalty on large weights.[^1]   ',
      '',
      '',
      '',
      '```python',
      'loss = loss + lam * w.pow(2).sum()',
      '',
      '',
      'print(loss)',
      '```',
      '',
      '[^1]: Also called L2 regularisation. [↩](#fnref-1)',
      'A plain back-link ↩︎ here.',
    ].join('\n');
    const out = cleanDocument(md, 'wd.md');
    expect(out.startsWith('# Weight Decay\n')).toBe(true);
    expect(out).not.toContain('tags:');
    expect(out).not.toContain('Skip to content');
    expect(out).not.toContain('Menu');
    expect(out).not.toContain('](#intro)');
    expect(out).not.toContain('↩');
    expect(out).toContain('[^1]: Also called L2 regularisation.');
    expect(out).toContain('large weights.[^1]\n');
    // Blank runs collapse outside code, but code keeps its own blank lines.
    expect(out).toContain("w.pow(2).sum()\n\n\nprint(loss)");
    expect(out).not.toMatch(/\.\n\n\n/);
  });

  it('trims navigation, share rows, related links and footers around a Markdown page', () => {
    const p = (t: string): string => `${t} is described in this sentence with enough words to be prose. Another sentence follows.`;
    const md = [
      '[Skip to content](#main)', '', '- [Home](/)', '- [Docs](/docs)', '- [Pricing](/pricing)', '', 'Search', '', 'Menu', '', '',
      '# Attention Explained', '', p('Attention'), '', '## Multi-head attention', '', p('Heads'), '',
      '- Each head has its own projections of the input.', '- Outputs are concatenated and projected again.', '', '', '',
      'Share', '', '[Twitter](https://twitter.com/x) [Facebook](https://fb.com/x)', '', 'Related', '',
      '- [Transformers 101](/t101)', '- [BERT explained](/bert)', '', '© 2024 ML Blog', '', '[Privacy](/privacy) · [Terms](/terms)', '', 'Newsletter',
    ].join('\n');
    const out = cleanDocument(md, 'page.md');
    expect(out.startsWith('# Attention Explained\n')).toBe(true);
    expect(out.trimEnd().endsWith('- Outputs are concatenated and projected again.')).toBe(true);
  });

  it('drops badges, tag-only HTML lines and anchor tables of contents from a README', () => {
    const md = [
      '<p align="center"><img src="logo.png" width="200"></p>',
      '<!-- generated -->',
      '# TinyGrad Notes',
      '',
      '[![Build](https://img.shields.io/b.svg)](https://ci.example.com) [![License](https://img.shields.io/l.svg)](LICENSE)',
      '',
      '## Table of Contents',
      '',
      '- [Installation](#installation)',
      '- [Usage](#usage)',
      '- [Autograd](#autograd)',
      '',
      '## Installation',
      '',
      'Install the package with pip; it only needs NumPy.',
      '',
      '<div align="center"><img src="graph.png" alt="The autograd graph"></div>',
    ].join('\n');
    const out = cleanDocument(md, 'README.md');
    expect(out.startsWith('# TinyGrad Notes\n')).toBe(true);
    expect(out).not.toContain('shields.io');
    expect(out).not.toContain('](#installation)');
    expect(out).not.toContain('<p');
    expect(out).not.toContain('generated');
    expect(out).toContain('![The autograd graph](graph.png)');
  });

  it('picks the part of a "Topic - Site" page title that the page is about', () => {
    const menu = ['Jump to content', 'Main menu', 'Search', 'Donate', 'Create account', 'Log in', 'Contents', 'Article', 'Talk', 'Read', 'Edit', 'View history', 'Tools'];
    const text = [
      'Backpropagation - Encyclopedia',
      '',
      ...menu.flatMap((m) => [m, '']),
      '',
      '',
      'Backpropagation is a gradient estimation method used to train neural networks. Backpropagation applies the chain rule.',
      '',
      'History[edit]',
      'Backpropagation was derived many times; backpropagation became popular after 1986 for training networks.',
      '',
      ...menu.flatMap((m) => [m, '']),
    ].join('\n');
    const out = cleanDocument(text, 'wiki.txt');
    expect(out.startsWith('# Backpropagation\n')).toBe(true);
    expect(out).toMatch(/^## History$/m);
    expect(out).not.toContain('Log in');
  });

  it('returns an empty string when nothing readable is left', () => {
    expect(cleanDocument('   \n\n\t\n', 'empty.md')).toBe('');
    expect(cleanDocument('<html><body><nav><a href="/">Home</a></nav><script>x()</script></body></html>', 'x.html').trim()).toBe('');
  });
});
