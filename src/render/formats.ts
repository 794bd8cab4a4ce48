import type { Roundup } from '../model/roundup.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdownArticle } from './md-article.js';
import { renderText } from './text.js';
import type { Format } from './format-names.js';

export { EXTENSIONS, type Format } from './format-names.js';

export interface RenderOptions {
  /** text: wrap at this width, 0 for none. */
  width?: number;
  /** html: the `<article>` alone. */
  fragment?: boolean;
  /** html: link this stylesheet instead of inlining the built-in one. */
  stylesheet?: string;
}

/** One roundup in one format. */
export function render(roundup: Roundup, format: Format, options: RenderOptions = {}): string {
  switch (format) {
    case 'html':
      return renderHtml(roundup, { fragment: options.fragment, stylesheet: options.stylesheet });
    case 'json':
      return renderJson(roundup);
    case 'text':
      return renderText(roundup, { width: options.width });
    case 'md':
      return renderMarkdownArticle(roundup);
  }
}
