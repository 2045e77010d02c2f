// Documents as people save them from documentation sites: YAML front matter that spans lines, Hugo
// shortcodes and Liquid tags, relative links and images (fixtures/hugo-docs-page.md and
// fixtures/jekyll-course-page.md are modelled on pages saved from such sites).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildCourse } from './build';
import { cleanDocument } from './clean';
import { unlinkRelativeTargets } from './links';
import { removeTemplateSyntax } from './templates';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');

function build(name: string) {
  const { course, issues } = buildCourse({ documents: [{ path: name, text: fixture(name) }] });
  const mod = course.modules[0];
  if (!mod) throw new Error('no module');
  const text = mod.lessons.map((l) => `${l.title}\n\n${l.markdown}`).join('\n');
  return { mod, text, issues };
}

describe('front matter as people write it', () => {
  it('takes the title from front matter whose values span lines, and never shows it', () => {
    const { mod, text } = build('hugo-docs-page.md');
    expect(mod.title).toBe('Tide tables');
    expect(mod.key).toBe('tide-tables');
    expect(text).not.toMatch(/aliases|linkTitle|weight:|\/topics\/tides|categories/);
    expect(text).not.toMatch(/raise\s+and lower the sea/);
  });

  it('handles folded, literal and flow values, comments and a closing "..."', () => {
    const doc = [
      '---',
      '# site metadata',
      'title: >-',
      '  Folded',
      '  title',
      'tags: [',
      '  a, b',
      ']',
      'summary: |',
      '  Line one',
      '  line two',
      '...',
      '',
      'The body starts here and says something worth reading.',
    ].join('\n');
    const out = cleanDocument(doc, 'x.md');
    expect(out).toMatch(/^# Folded title\n/);
    expect(out).not.toMatch(/tags|summary|Line one/);
  });

  it('leaves a thematic break pair that is not front matter alone', () => {
    const doc = '---\n\nA paragraph between two rules, not metadata.\n\n---\n\nMore text.\n';
    expect(cleanDocument(doc, 'x.md')).toContain('A paragraph between two rules');
  });

  it('does not take a `# comment` in a code block for the title', () => {
    const doc = '---\ntitle: Shell basics\n---\n\nRun this:\n\n```sh\n# list the files\nls -l\n```\n';
    expect(cleanDocument(doc, 'x.md')).toMatch(/^# Shell basics\n/);
  });
});

describe('template syntax', () => {
  it('drops Hugo shortcodes and keeps what a reader sees', () => {
    const { text, mod } = build('hugo-docs-page.md');
    expect(text).not.toMatch(/\{\{[<%]|[>%]\}\}/);
    // Paired shortcodes keep their inner text; figures become images with their caption.
    expect(text).toContain('Tide tables give predictions for a reference port');
    expect(text).toContain('Check the table for the right day');
    expect(text).toContain('![Two bulges of water on either side of the Earth](/images/tides/bulges.png)');
    expect(text).toContain('_The two tidal bulges_');
    // A highlight shortcode becomes fenced code, whose inside is left as written.
    expect(text).toMatch(/```python\ndef next_high_tide\(previous_hour\):\n {4}return previous_hour \+ 12\.42 {2}# \{\{ not a template inside code \}\}\n```/);
    expect(mod.lessons.map((l) => l.title)).toEqual(['Tide tables and Why there are two tides a day', 'Spring and neap tides']);
  });

  it('drops Liquid tags, comments and output, keeps {% raw %} verbatim and turns highlight into code', () => {
    const { text, mod } = build('jekyll-course-page.md');
    expect(mod.title).toBe('Reading a weather map');
    expect(text).not.toMatch(/\{%|%\}|site\.(?:url|baseurl)|TODO|toc\.html/);
    expect(text).toContain('```liquid\n{{ front.kind }} front moving {{ front.direction }}\n```');
    expect(text).toContain('```python\npressure_drop = start_hpa - end_hpa\n```');
    expect(text).toContain('![A low pressure system with tight isobars](images/low-pressure.png)');
    expect(text).toContain('_A deep low over the North Sea_');
  });

  it('leaves text without template syntax, inline code and math alone', () => {
    const plain = 'Use `{{ name }}` in the template, or $\\frac{{a}}{b}$ in math, and {curly} braces.';
    expect(removeTemplateSyntax(plain)).toBe(plain.replace('`{{ name }}` in', '`{{ name }}` in'));
    expect(removeTemplateSyntax('Hello {{ page.title }}!')).toBe('Hello !');
    expect(removeTemplateSyntax('{%- if site.x -%}\nShown\n{%- endif -%}')).toBe('\nShown\n');
  });
});

describe('relative links and images', () => {
  it('keeps the text of links into the saved site and drops images nobody can see', () => {
    const { text } = build('hugo-docs-page.md');
    expect(text).toContain('See the glossary for the terms and the overview for the bigger picture.');
    expect(text).not.toContain('spring-neap.png');
    const jekyll = build('jekyll-course-page.md').text;
    expect(jekyll).toContain('The chart at the map key lists every symbol used.');
    expect(jekyll).not.toContain('isobars.png');
  });

  it('keeps absolute links, anchors, mail links, code and footnotes; relative images with alt text stay for the placeholder', () => {
    const lines = [
      'See [the docs](https://example.org/docs), [below](#below), [mail](mailto:a@b.c) and [here](../x.md "Title").',
      '`[not a link](x.md)` and [^1].',
      '![A chart](img/chart.png) ![](img/deco.png)',
      '[![A video](https://img.example/v.jpg)](https://video.example/v)',
      '[![](img/only.png)](https://example.org)',
      'Read [the guide][guide] and [the spec][].',
      '',
      '[guide]: ../guide.html',
      '[the spec]: https://spec.example',
      '[^1]: A footnote.',
      '```',
      '[kept](inside/code.md)',
      '```',
    ];
    expect(unlinkRelativeTargets(lines)).toEqual([
      'See [the docs](https://example.org/docs), [below](#below), [mail](mailto:a@b.c) and here.',
      '`[not a link](x.md)` and [^1].',
      '![A chart](img/chart.png) ',
      '[![A video](https://img.example/v.jpg)](https://video.example/v)',
      '',
      'Read the guide and [the spec][].',
      '',
      '[the spec]: https://spec.example',
      '[^1]: A footnote.',
      '```',
      '[kept](inside/code.md)',
      '```',
    ]);
  });

  it('turns <br> into a line break instead of losing it', () => {
    const out = cleanDocument('# T\n\n1. Turn off rewrites with<br/>\n   `CONFIG SET x`<br>\n2. Then a<br>b\n', 'x.md');
    expect(out).toContain('1. Turn off rewrites with\\\n   `CONFIG SET x`\\\n2. Then a b');
  });
});
