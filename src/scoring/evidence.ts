import type { Sentence } from '../text/document.js';
import { PhraseIndex } from '../text/phrase-index.js';

/**
 * The kinds of proof the handbook says champions need to sell internally: "ROI / case studies /
 * real world benefits / hard data / Proof of Concepts".
 */
export type EvidenceKind = 'figures' | 'percentages' | 'customer stories' | 'ROI';

export const evidenceKinds: readonly EvidenceKind[] = ['figures', 'percentages', 'customer stories', 'ROI'];

export interface Evidence {
  /** How often each kind occurs in the prose. */
  counts: Record<EvidenceKind, number>;
}

const storyPhrases = [
  'customer',
  'client',
  'case study',
  'customer story',
  'success story',
  'testimonial',
  'survey',
  'respondents',
  'interviewed',
  'proof of concept',
  'pilot',
  'in production',
  'told us',
  'real world',
  'real-world',
];

const roiPhrases = [
  'ROI',
  'return on investment',
  'payback',
  'paid for itself',
  'pays for itself',
  'break even',
  'cost savings',
  'saved',
  'savings',
  'reduced costs',
  'cut costs',
  'business case',
  'hours saved',
  'time saved',
];

// One index for both kinds: one pass over each sentence.
const phrases = new PhraseIndex<EvidenceKind>();
for (const phrase of storyPhrases) phrases.add(phrase, 'customer stories', 'inflection');
for (const phrase of roiPhrases) phrases.add(phrase, 'ROI', 'inflection');

// A figure is a number in prose; a bare year (1999, 2024) or a version number (1.72.0) is not data.
const year = /^(1[89]|20)\d\d$/;
const version = /^\d+\.\d+\.\d+/;
const numeric = /^\d[\d,.]*(k|m|bn|x|×)?$/i;

/** Counts the kinds of evidence in the prose sentences (code never counts). */
export function findEvidence(sentences: readonly Sentence[]): Evidence {
  const counts: Record<EvidenceKind, number> = { figures: 0, percentages: 0, 'customer stories': 0, ROI: 0 };
  for (const sentence of sentences) {
    const tokens = sentence.tokens;
    const children = sentence.node.children;
    for (let i = 0; i < children.length; i++) {
      const node = children[i];
      if (node.type !== 'WordNode') continue;
      const first = node.children[0];
      // Only words that start with a digit can be figures: skip the rest without building strings.
      if (!first || !('value' in first) || !/^\d/.test(first.value)) continue;
      const value = node.children.map((c) => ('value' in c ? c.value : '')).join('');
      if (!numeric.test(value) || year.test(value) || version.test(value)) continue;
      counts.figures++;
      const next = children[i + 1];
      const previous = children[i - 1];
      const after = next && next.type === 'SymbolNode' ? next.value : next && next.type === 'WhiteSpaceNode' ? wordAfter(children, i + 2) : '';
      if (after === '%' || /^per(cent)?$/i.test(after) || (previous?.type === 'SymbolNode' && /^[$€£¥]$/.test(previous.value))) counts.percentages++;
    }
    for (const match of phrases.matchAll(tokens)) counts[match.value]++;
  }
  return { counts };
}

function wordAfter(children: readonly { type: string; children?: { value?: string }[] }[], at: number): string {
  const node = children[at];
  return node?.type === 'WordNode' ? (node.children ?? []).map((c) => c.value ?? '').join('') : '';
}
