// Turns an HTML page into Markdown: keeps <main>/<article> (else <body>), drops page chrome
// (nav, header, footer, aside, forms, scripts, styles), then converts with rehype-remark.

import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';

const CHROME_TAGS = new Set([
  'nav', 'aside', 'footer', 'form', 'script', 'style', 'noscript', 'template', 'iframe', 'button',
  'input', 'select', 'textarea', 'dialog', 'svg', 'canvas', 'object', 'embed', 'link', 'meta',
]);
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'complementary', 'menu', 'menubar']);

function isElement(node: RootContent | ElementContent | Root): node is Element {
  return node.type === 'element';
}

function findAll(node: Root | Element, test: (el: Element) => boolean, out: Element[] = []): Element[] {
  for (const child of node.children) {
    if (!isElement(child)) continue;
    if (test(child)) out.push(child);
    findAll(child, test, out);
  }
  return out;
}

function hasHeading(el: Element): boolean {
  return findAll(el, (e) => /^h[1-3]$/.test(e.tagName)).length > 0;
}

function isChrome(el: Element): boolean {
  if (CHROME_TAGS.has(el.tagName)) return true;
  const role = el.properties?.role;
  if (typeof role === 'string' && CHROME_ROLES.has(role)) return true;
  if (el.properties?.hidden !== undefined && el.properties.hidden !== false) return true;
  if (String(el.properties?.ariaHidden) === 'true') return true;
  // A page header is chrome; a header holding the article title is content.
  if (el.tagName === 'header' && !hasHeading(el)) return true;
  return false;
}

const HEADING_TAG = /^h[1-6]$/;
// Not <p>: a sentence naming three links ("see A, B and C") is content.
const BLOCK_CONTAINERS = new Set(['div', 'section', 'span', 'small']);

function wordsIn(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

/**
 * A block that is mostly links (a share row, breadcrumbs, tag list): three or more links and hardly any
 * text of its own. Lists are left alone: a list of links can be a reading list.
 */
function isLinkRow(el: Element): boolean {
  if (!BLOCK_CONTAINERS.has(el.tagName)) return false;
  const links = findAll(el, (e) => e.tagName === 'a');
  if (links.length < 3 || findAll(el, (e) => HEADING_TAG.test(e.tagName) || e.tagName === 'li').length > 0) return false;
  const total = wordsIn(hastToString(el));
  const linked = links.reduce((n, a) => n + wordsIn(hastToString(a)), 0);
  return total - linked <= 6 && linked / Math.max(1, total) >= 0.5;
}

function prune(node: Element | Root): void {
  node.children = node.children.filter((child) => !(isElement(child) && (isChrome(child) || isLinkRow(child)))) as typeof node.children;
  for (const child of node.children) {
    if (!isElement(child)) continue;
    // The header of an article keeps its title; the byline, date and tags around it are metadata.
    if (child.tagName === 'header' && hasHeading(child)) {
      child.children = child.children.filter((c) => !isElement(c) || hasHeading(c) || HEADING_TAG.test(c.tagName));
    }
    prune(child);
  }
}

export interface HtmlConversion {
  markdown: string;
  /** The page `<title>`, when it has one. */
  title?: string;
}

const TEXT_BLOCKS = new Set(['p', 'pre', 'blockquote', 'li', 'td', 'dd']);

/**
 * Without <main> or <article>, the content is the element that holds most of the page's running text:
 * every paragraph credits its parent fully and its grandparent by half (as readability tools do). The
 * winner is used when it holds most of the text; otherwise the whole <body> is kept.
 */
function densestContainer(body: Element | Root): Element | undefined {
  const scores = new Map<Element, number>();
  let total = 0;
  const visit = (node: Element | Root, parents: Element[]): void => {
    for (const child of node.children) {
      if (!isElement(child) || isChrome(child)) continue;
      if (TEXT_BLOCKS.has(child.tagName)) {
        const length = hastToString(child).replace(/\s+/g, ' ').trim().length;
        if (length >= 25) {
          total += length;
          const [parent, grandparent] = [parents[parents.length - 1], parents[parents.length - 2]];
          if (parent) scores.set(parent, (scores.get(parent) ?? 0) + length);
          if (grandparent) scores.set(grandparent, (scores.get(grandparent) ?? 0) + length / 2);
        }
      }
      visit(child, [...parents, child]);
    }
  };
  visit(body, body.type === 'element' ? [body] : []);
  const best = [...scores].sort((a, b) => b[1] - a[1])[0];
  if (!best || best[0] === body || !['div', 'section', 'td'].includes(best[0].tagName)) return undefined;
  // The container must hold most of the text, else the page has several content areas: keep them all.
  const inside = findAll(best[0], (e) => TEXT_BLOCKS.has(e.tagName)).reduce((n, e) => n + hastToString(e).length, 0);
  return inside >= 0.7 * total ? best[0] : undefined;
}

/** Picks the main content element: the largest <main>, else the largest <article>, else the densest block, else <body>. */
function mainElement(tree: Root): Root | Element {
  const bySize = (els: Element[]): Element | undefined =>
    [...els].sort((a, b) => hastToString(b).length - hastToString(a).length)[0];
  const main = bySize(findAll(tree, (e) => e.tagName === 'main' || e.properties?.role === 'main'));
  if (main) return main;
  const article = bySize(findAll(tree, (e) => e.tagName === 'article'));
  if (article) return article;
  const body = findAll(tree, (e) => e.tagName === 'body')[0] ?? tree;
  return densestContainer(body) ?? body;
}

export function htmlToMarkdown(html: string): HtmlConversion {
  let title: string | undefined;
  const processor = unified()
    .use(rehypeParse)
    .use(() => (tree: Root): Root => {
      const titleEl = findAll(tree, (e) => e.tagName === 'title')[0];
      const text = titleEl ? hastToString(titleEl).replace(/\s+/g, ' ').trim() : '';
      if (text) title = text;
      const main = mainElement(tree);
      const root: Root = { type: 'root', children: main.type === 'root' ? main.children : [main] };
      prune(root);
      return root;
    })
    .use(rehypeRemark)
    .use(remarkGfm)
    .use(remarkStringify, { bullet: '-', emphasis: '_', rule: '-', fences: true });
  const markdown = String(processor.processSync(html));
  return title ? { markdown, title } : { markdown };
}
