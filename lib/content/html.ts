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

function prune(node: Element | Root): void {
  node.children = node.children.filter((child) => !(isElement(child) && isChrome(child))) as typeof node.children;
  for (const child of node.children) if (isElement(child)) prune(child);
}

export interface HtmlConversion {
  markdown: string;
  /** The page `<title>`, when it has one. */
  title?: string;
}

/** Picks the main content element: the largest <main>, else the largest <article>, else <body>. */
function mainElement(tree: Root): Root | Element {
  const bySize = (els: Element[]): Element | undefined =>
    [...els].sort((a, b) => hastToString(b).length - hastToString(a).length)[0];
  const main = bySize(findAll(tree, (e) => e.tagName === 'main' || e.properties?.role === 'main'));
  if (main) return main;
  const article = bySize(findAll(tree, (e) => e.tagName === 'article'));
  if (article) return article;
  return findAll(tree, (e) => e.tagName === 'body')[0] ?? tree;
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
