// renderLessonHtml: sanitising (scripts, handlers, javascript: URLs, raw HTML), images, links,
// GFM tables and footnotes, KaTeX math and heading ids that match headingAnchors/slugify.

import { describe, expect, it } from 'vitest';
import { headingAnchors, renderLessonHtml } from './render';
import { slugify } from './slug';

describe('renderLessonHtml: safety', () => {
  it('strips script elements and raw HTML', () => {
    const html = renderLessonHtml('Before\n\n<script>alert("x")</script>\n\n<div onclick="steal()">raw <b>html</b></div>\n\nAfter <span style="color:red">inline</span>');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('alert(');
    expect(html).not.toContain('onclick');
    expect(html).not.toContain('style=');
    expect(html).toContain('<p>Before</p>');
    expect(html).toContain('After');
  });

  it('strips event handlers on images written as HTML', () => {
    const html = renderLessonHtml('<img src="x" onerror="alert(1)">\n\nText <img src=x onerror=alert(2)>');
    expect(html).not.toMatch(/onerror/i);
    expect(html).not.toContain('alert(');
  });

  it('strips javascript: and data: link targets', () => {
    const html = renderLessonHtml('[click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) [ok](https://example.com)');
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/href="data:/i);
    expect(html).toContain('href="https://example.com"');
  });

  it('never lets a resolver smuggle an unsafe image URL', () => {
    const html = renderLessonHtml('![x](a.png)', { resolveImage: () => 'javascript:alert(1)' });
    expect(html).not.toContain('javascript:');
    expect(html).toContain('class="img-missing"');
  });
});

describe('renderLessonHtml: images and links', () => {
  it('renders an accessible placeholder with the alt text for an unresolved image', () => {
    const html = renderLessonHtml('![LeNet-5 architecture](res/lenet-5.png)');
    expect(html).toContain('<figure class="img-missing" role="img" aria-label="Image unavailable: LeNet-5 architecture">');
    expect(html).toContain('>LeNet-5 architecture</span>');
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/<p>\s*<figure/);
  });

  it('keeps absolute images and uses resolveImage for the others', () => {
    expect(renderLessonHtml('![chart](https://cdn.example.com/c.png)')).toContain('<img src="https://cdn.example.com/c.png" alt="chart" loading="lazy">');
    const html = renderLessonHtml('Inline ![a](res/a.png) and ![b](res/b.png).', {
      resolveImage: (src) => (src === 'res/a.png' ? '/content-assets/a.png' : null),
    });
    expect(html).toContain('<img src="/content-assets/a.png" alt="a"');
    expect(html).toContain('<span class="img-missing" role="img" aria-label="Image unavailable: b">');
  });

  it('opens external links in a new tab without referrer or opener, leaves internal links alone', () => {
    const html = renderLessonHtml('[site](https://example.com/x) and [lesson](/courses/a/b) and [here](#intro)');
    expect(html).toContain('<a href="https://example.com/x" rel="noopener noreferrer nofollow" target="_blank">site</a>');
    expect(html).toContain('<a href="/courses/a/b">lesson</a>');
    expect(html).toContain('<a href="#intro">here</a>');
  });
});

describe('renderLessonHtml: Markdown features', () => {
  it('renders GFM tables, lists, block quotes and code', () => {
    const html = renderLessonHtml('| Model | Year |\n|---|---|\n| AlexNet | 2012 |\n\n- one\n- two\n\n> quoted\n\n```js\nconst x = 1;\n```');
    expect(html).toMatch(/<table>[\s\S]*<th>Model<\/th>[\s\S]*<td>AlexNet<\/td>[\s\S]*<\/table>/);
    expect(html).toMatch(/<ul>\s*<li>one<\/li>/);
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<code class="language-js">const x = 1;');
  });

  it('renders footnotes with working links', () => {
    const html = renderLessonHtml('A claim.[^1]\n\n[^1]: The source.');
    expect(html).toContain('data-footnotes');
    const ref = /<a href="#([^"]+)" id="([^"]+)" data-footnote-ref/.exec(html);
    expect(ref).not.toBeNull();
    expect(html).toContain(`<li id="${ref?.[1]}">`);
    expect(html).toContain(`href="#${ref?.[2]}"`);
  });

  it('renders inline and display math with KaTeX', () => {
    const html = renderLessonHtml('Energy $E = mc^2$ here.\n\n$$\n\\sum_{i=1}^n x_i\n$$');
    expect(html).toContain('class="katex"');
    expect(html).toContain('class="katex-display"');
    expect(html).toContain('<annotation encoding="application/x-tex">E = mc^2</annotation>');
    expect(html).not.toContain('$E = mc^2$');
  });

  it('gives headings the ids headingAnchors reports, from the shared slug logic', () => {
    const md = '## Data & Compute\n\ntext\n\n### Breakthrough #1: GPUs\n\ntext\n\n## Data & Compute\n';
    const html = renderLessonHtml(md);
    const anchors = headingAnchors(md);
    expect(anchors.map((a) => a.id)).toEqual(['data-compute', 'breakthrough-1-gpus', 'data-compute-2']);
    expect(anchors[1]?.id).toBe(slugify('Breakthrough #1: GPUs'));
    for (const a of anchors) expect(html).toContain(`id="${a.id}"`);
  });
});
