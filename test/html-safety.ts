import type { Element, Root } from 'hast';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { STYLESHEET } from '../src/render/stylesheet.js';

const URL_PROPERTIES = ['href', 'src', 'action', 'formAction', 'data', 'poster', 'cite', 'background', 'xLinkHref', 'srcSet'];
const DANGEROUS_TAGS = [
  'iframe',
  'object',
  'embed',
  'frame',
  'frameset',
  'base',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'svg',
  'math',
  'noscript',
  'template',
];

/** Everything in a parsed page that could run script or leave the page. */
export function dangers(tree: Root, fragment: boolean): string[] {
  const found: string[] = [];
  const scripts = selectAll('script', tree);
  if (scripts.length !== 1 || scripts[0]!.properties.type !== 'application/ld+json') found.push(`${scripts.length} scripts`);
  for (const style of selectAll('style', tree))
    if (fragment || toString(style).trim() !== STYLESHEET.trim()) found.push('a foreign <style>');
  for (const element of selectAll('*', tree) as Element[]) {
    if (DANGEROUS_TAGS.includes(element.tagName)) found.push(`<${element.tagName}>`);
    if (element.tagName === 'meta' && element.properties.httpEquiv) found.push('meta http-equiv');
    for (const [name, value] of Object.entries(element.properties)) {
      if (/^on/i.test(name)) found.push(`${name} on <${element.tagName}>`);
      if (name === 'style' || name === 'srcDoc') found.push(`${name} attribute`);
      const url = String(Array.isArray(value) ? value.join(' ') : value)
        .replace(/[\u0000-\u0020\u007f-\u00a0]/g, '')
        .toLowerCase();
      if (URL_PROPERTIES.includes(name) && /^(javascript|data|vbscript|file):|^\/\//.test(url)) found.push(`${name}=${url}`);
    }
  }
  return found;
}
