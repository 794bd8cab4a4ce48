// The baseline: what a plain script does with the same packages, single-threaded:
// gray-matter + remark-parse + remark-html per expert file, one HTML file per roundup.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import remarkHtml from 'remark-html';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const [root, out] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const processor = unified().use(remarkParse).use(remarkHtml);
for (const section of readdirSync(root).sort()) {
  for (const roundup of readdirSync(path.join(root, section)).sort()) {
    const dir = path.join(root, section, roundup);
    let html = `<h1>${roundup}</h1>\n`;
    for (const expert of readdirSync(path.join(dir, 'experts')).sort()) {
      const { data, content } = matter(readFileSync(path.join(dir, 'experts', expert), 'utf8'), {});
      html += `<section><h2>${data.name}</h2>${String(processor.processSync(content))}</section>\n`;
    }
    writeFileSync(path.join(out, `${roundup}.html`), html);
  }
}
