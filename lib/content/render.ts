// renderLessonHtml: lesson Markdown → sanitised HTML (GFM, footnotes, KaTeX math, heading ids,
// safe external links, accessible placeholders for images that cannot be shown).

import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import { toString as mdastToString } from 'mdast-util-to-string';
import rehypeExternalLinks from 'rehype-external-links';
import rehypeKatex from 'rehype-katex';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { parseMarkdown } from './markdown-tree';
import { createSlugger } from './slug';

export interface RenderOptions {
  /**
   * Maps an image `src` from the document to a URL the browser can load, or null when the image is
   * not available. Default: absolute http(s) URLs are kept, relative paths are unavailable.
   */
  resolveImage?: (src: string) => string | null;
}

export interface HeadingAnchor {
  depth: number;
  text: string;
  /** The `id` renderLessonHtml gives this heading, for `#anchor` links. */
  id: string;
}

/**
 * Only what Markdown itself produces survives: the default (GitHub-like) schema, plus the classes
 * remark-math puts on math code so KaTeX can find it after sanitising. Ids from footnotes are already
 * prefixed by remark-rehype, so no second prefix is added. Raw HTML never reaches this point.
 */
const SANITIZE_SCHEMA: SanitizeSchema = {
  ...defaultSchema,
  clobberPrefix: '',
  attributes: {
    ...defaultSchema.attributes,
    code: [['className', /^language-./, 'math-inline', 'math-display']],
  },
};

const defaultResolveImage = (src: string): string | null => (/^https?:\/\//i.test(src) ? src : null);

const SAFE_IMAGE_URL = /^(?:https?:\/\/|\/(?!\/)|\.{0,2}\/|data:image\/(?:png|gif|jpe?g|webp|avif);base64,)/i;

/** Gives every heading an id from the same slugger the lesson keys use; numbered -2, -3 when repeated. */
function rehypeHeadingIds() {
  return (tree: HastRoot): void => {
    const slugger = createSlugger();
    visit(tree, 'element', (el: Element) => {
      if (!/^h[1-6]$/.test(el.tagName) || el.properties.id) return;
      el.properties.id = slugger.slug(hastToString(el), 'section');
    });
  };
}

function placeholder(tagName: 'figure' | 'span', alt: string): Element {
  const label = alt ? `Image unavailable: ${alt}` : 'Image unavailable';
  return {
    type: 'element',
    tagName,
    properties: { className: ['img-missing'], role: 'img', ariaLabel: label },
    children: [
      {
        type: 'element',
        tagName: 'span',
        properties: { className: ['img-missing-alt'], ariaHidden: 'true' },
        children: [{ type: 'text', value: alt || 'Image unavailable' }],
      },
    ],
  };
}

/** Resolves image sources; an image that cannot be shown becomes a visible, labelled placeholder. */
function rehypeImages(resolveImage: (src: string) => string | null) {
  return (tree: HastRoot): void => {
    visit(tree, 'element', (el: Element, index, parent) => {
      if (el.tagName !== 'img' || !parent || index === undefined) return;
      const src = typeof el.properties.src === 'string' ? el.properties.src : '';
      const alt = typeof el.properties.alt === 'string' ? el.properties.alt.trim() : '';
      let resolved: string | null = null;
      try {
        resolved = src ? resolveImage(src) : null;
      } catch {
        resolved = null;
      }
      if (resolved && SAFE_IMAGE_URL.test(resolved)) {
        el.properties.src = resolved;
        el.properties.loading = 'lazy';
        return;
      }
      const alone =
        parent.type === 'element' &&
        parent.tagName === 'p' &&
        parent.children.every((c) => c === el || (c.type === 'text' && c.value.trim() === ''));
      if (alone && parent.type === 'element') {
        // A figure cannot sit inside <p>: the paragraph itself becomes the figure.
        const fig = placeholder('figure', alt);
        parent.tagName = fig.tagName;
        parent.properties = fig.properties;
        parent.children = fig.children as ElementContent[];
        return;
      }
      parent.children[index] = placeholder('span', alt);
    });
  };
}

/** Markdown → safe HTML string. Scripts, event handlers, `javascript:` URLs and raw HTML never survive. */
export function renderLessonHtml(markdown: string, options: RenderOptions = {}): string {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkMath)
    .use(remarkRehype)
    // Sanitise first, then add trusted output (ids, KaTeX markup, link attributes, placeholders).
    .use(rehypeSanitize, SANITIZE_SCHEMA)
    .use(rehypeHeadingIds)
    .use(rehypeImages, options.resolveImage ?? defaultResolveImage)
    .use(rehypeExternalLinks, { target: '_blank', rel: ['noopener', 'noreferrer', 'nofollow'] })
    .use(rehypeKatex, { strict: 'ignore' })
    .use(rehypeStringify);
  return String(processor.processSync(markdown));
}

/** Headings of a lesson with the ids renderLessonHtml gives them, so cards can link `#id`. */
export function headingAnchors(markdown: string): HeadingAnchor[] {
  const slugger = createSlugger();
  const anchors: HeadingAnchor[] = [];
  visit(parseMarkdown(markdown), 'heading', (node) => {
    const text = mdastToString(node, { includeImageAlt: false });
    anchors.push({ depth: node.depth, text, id: slugger.slug(text, 'section') });
  });
  return anchors;
}
