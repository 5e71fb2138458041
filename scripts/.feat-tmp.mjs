import { readFileSync } from 'node:fs';
import { visit } from 'unist-util-visit';
import { parseDocument } from '/work/wt-18a/dist/text/document.js';
const verdicts = new Map(readFileSync('/tmp/18a-dev.tsv', 'utf8').trim().split('\n').map((l) => l.split('\t')).map(([f, p, a, v, r]) => [p.replace('../shared/corpus/', ''), v]));
const rows = [];
for (const f of ['/work/notes/18/base-rust-blog.json', '/work/notes/18/base-gitlab-docs.json']) {
  for (const r of JSON.parse(readFileSync(f, 'utf8')).results) {
    const ms = r.messages.filter((m) => m.ruleId === 'undefined-acronym');
    if (!ms.length) continue;
    const text = readFileSync(r.path, 'utf8');
    const doc = parseDocument(r.path, text);
    const texts = [], codes = [], blocks = [], urls = [];
    visit(doc.mdast, (n) => {
      if (n.type === 'text') texts.push(n.value);
      else if (n.type === 'inlineCode') codes.push(n.value);
      else if (n.type === 'code') blocks.push(n.value);
      else if (n.type === 'link' || n.type === 'definition' || n.type === 'image') urls.push(n.url);
      else if (n.type === 'html') urls.push(n.value);
    });
    for (const m of ms) {
      const a = m.actual.replace(/(?:s|['’]s)$/, '').split('/')[0];
      const low = a.toLowerCase();
      const word = new RegExp(`(?<![\\p{L}\\d])${low}(?![\\p{L}\\d])`, 'iu');
      const notCaps = (s) => { const out = []; for (const x of s.matchAll(new RegExp(word.source, 'giu'))) if (x[0] !== a) out.push(x[0]); return out; };
      const prose = texts.flatMap(notCaps);
      const spanWhole = codes.filter((c) => new RegExp(`^${low}(?:\\s|$)`).test(c.trim()));
      const spanAny = codes.flatMap(notCaps);
      const block = blocks.flatMap(notCaps);
      const url = urls.flatMap(notCaps);
      const p = `${r.path.replace('/work/shared/corpus/', '')}:${m.line}:${m.column}`;
      rows.push({ p, a, v: verdicts.get(p) ?? '-', prose: prose.length, prosef: [...new Set(prose)].join(','), spanWhole: spanWhole.length, spanAny: spanAny.length, block: block.length, url: url.length });
    }
  }
}
for (const r of rows) if (r.prose || r.spanAny || r.block || r.url) console.log([r.v, r.a, `prose=${r.prose}(${r.prosef})`, `spanWhole=${r.spanWhole}`, `span=${r.spanAny}`, `block=${r.block}`, `url=${r.url}`, r.p].join('\t'));
