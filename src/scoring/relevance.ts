import { eng } from 'stopword';
import { memoByObject } from '../core/memo.js';
import { stemmer } from 'stemmer';
import type { Persona } from '../data/load-data.js';
import type { Document } from '../text/document.js';
import { phraseTokens } from '../text/phrase-index.js';
import type { Token } from '../text/tokens.js';
import { builtinRelevanceData, type FittedTerms, type RelevanceData } from '../data/relevance-data.js';

/**
 * Relevance answers "who is this page written for". Each persona is a distribution over terms
 * (Porter stems and stem pairs): its whole profile, plus, for the built-in personas, the terms of
 * documentation pages labelled for it (fitted by scripts/fit-relevance.mjs). A term weighs by how
 * much more often the persona uses it than general writing does (the background), so words every
 * page uses weigh nothing and words one persona owns weigh most. See docs/scoring.md.
 */

/** One persona's relevance for one document. */
export interface PersonaRelevance {
  /** The mean weight of the document's words for this persona (0 = none of its words). */
  relevance: number;
  /** 0 to 1, summing to 1 over the personas: how likely the page is written for this one. */
  probability: number;
  /** The document's terms that gave most of the relevance, most first, as written. */
  why: string[];
}

/** A compiled model: per term, one weight per persona, built once per persona set. */
export interface RelevanceModel {
  personas: readonly Persona[];
  weights: Map<string, Float64Array>;
  temperature: number;
  minTerms: number;
}

// Contractions and pronouns the stopword list leaves out, and verbs every how-to page uses.
const stopwords = new Set([...eng, "can't", "don't", "it's", "i'm", 'i', 'my', 'its', 'you', 'your', 'can', 'use', 'using', 'used', 'will', 'may', 'one', 'also', 'get']);

/**
 * Product-UI chrome: click paths, layout and offering badges ("select", "left sidebar", "Premium",
 * "Duo") are written on pages for every reader, so they say how to click, not who reads. Their
 * stems are no terms, and no pair reaches across them.
 */
const interfaceStems = new Set(
  ['select', 'sidebar', 'left', 'right', 'top', 'bar', 'icon', 'button', 'click', 'tab', 'expand', 'navigation', 'menu', 'dropdown', 'checkbox', 'page', 'premium', 'ultimate', 'free', 'tier', 'offering', 'dedicated', 'duo'].map((word) => stemmer(word)),
);

const isContent = (token: Token) => token.norm.length > 1 && /^[a-z][a-z0-9'.]*$/.test(token.norm) && !stopwords.has(token.norm);

/** Counts the terms of a run of words: stems of content words and pairs of adjacent content words. */
function addTerms(tokens: readonly Token[], counts: Map<string, number>, weight: number, surface?: Map<string, string>): void {
  let previous: Token | undefined;
  // Pairs skip stopwords ("release of the code" gives "release code"), but only a pair of words
  // written side by side gets a surface form, so `why` never shows words that were not together.
  let adjacent = false;
  for (const token of tokens) {
    if (interfaceStems.has(token.stem)) {
      previous = undefined;
      adjacent = false;
      continue;
    }
    if (!isContent(token)) {
      adjacent = false;
      continue;
    }
    counts.set(token.stem, (counts.get(token.stem) ?? 0) + weight);
    if (surface && !surface.has(token.stem)) surface.set(token.stem, token.norm);
    if (previous) {
      const pair = `${previous.stem} ${token.stem}`;
      counts.set(pair, (counts.get(pair) ?? 0) + weight);
      if (surface && adjacent && !surface.has(pair)) surface.set(pair, `${previous.norm} ${token.norm}`);
    }
    previous = token;
    adjacent = true;
  }
}

export interface DocumentTerms {
  /** Term → share of the document: (1 + ln count) over the sum for all terms. */
  shares: Map<string, number>;
  /** Term → how it was first written. */
  surface: Map<string, string>;
}

/** The part of a document relevance reads. */
export type RelevanceInput = Pick<Document, 'sentences' | 'frontmatter'>;

/**
 * How often each term occurs in the prose sentences (never code) and the frontmatter `title`,
 * which says what the page is about as a first heading does, with how each was first written.
 */
export function termCounts(doc: RelevanceInput): { counts: Map<string, number>; surface: Map<string, string> } {
  const counts = new Map<string, number>();
  const surface = new Map<string, string>();
  const title = doc.frontmatter?.data.title;
  if (typeof title === 'string') addTerms(phraseTokens(title), counts, 1, surface);
  for (const sentence of doc.sentences) addTerms(sentence.tokens, counts, 1, surface);
  return { counts, surface };
}

/** The terms of a document, each as a share of the whole. */
export function documentTerms(doc: RelevanceInput): DocumentTerms {
  const { counts, surface } = termCounts(doc);
  // Repeating a word adds less each time: one page about "pipelines" should not drown the rest.
  for (const [term, count] of counts) counts.set(term, 1 + Math.log(count));
  return { shares: normalise(counts), surface };
}

/** Profile fields that list the persona's own words count fully; its sentences about itself count half. */
const sentenceWeight = 0.5;

/** A persona's profile as a term distribution that sums to 1, whatever the profile's length. */
export function profileTerms(persona: Persona): Map<string, number> {
  const counts = new Map<string, number>();
  for (const phrase of [...persona.vocabulary, ...persona.groupNames, ...persona.keyConcepts.flatMap((c) => c.phrases)]) addTerms(phraseTokens(phrase), counts, 1);
  const sentences = [persona.jobToBeDone, ...persona.summary, ...persona.responsibilities, ...persona.goals, ...persona.challenges, ...persona.measuredBy, ...persona.titles, ...persona.motivations, ...persona.keyConcepts.map((c) => c.label)];
  for (const sentence of sentences) addTerms(phraseTokens(sentence), counts, sentenceWeight);
  return normalise(counts);
}

function normalise(counts: Map<string, number>): Map<string, number> {
  let sum = 0;
  for (const value of counts.values()) sum += value;
  if (sum > 0) for (const [term, value] of counts) counts.set(term, value / sum);
  return counts;
}

// Per data set, then per persona set.
const models = memoByObject((data: RelevanceData) => memoByObject((personas: readonly Persona[]) => compileModel(personas, data)));

/** The model for the run's persona set, compiled once (configs without `personaProfiles` share one). */
export function relevanceModel(personas: readonly Persona[], data: RelevanceData = builtinRelevanceData()): RelevanceModel {
  return models(data)(personas);
}

/**
 * weight(term, persona) = ln(1 + P(term | persona) / (scale × P(term | background))), where
 * P(term | persona) mixes the profile (share `profileShare`) with the fitted terms of the persona,
 * when there are any, and the background mixes documentation (share `domainShare`) with general
 * writing. A persona's weights do not grow with the length of its profile.
 */
function compileModel(personas: readonly Persona[], data: RelevanceData): RelevanceModel {
  const { profileShare, scale, temperature, minTerms } = data.fitted.params;
  const background = backgroundOf(data);
  const weights = new Map<string, Float64Array>();
  personas.forEach((persona, p) => {
    const mixed = new Map<string, number>();
    const own: FittedTerms | undefined = data.fitted.personas[persona.id];
    const profileMass = own ? profileShare : 1;
    for (const [term, share] of profileTerms(persona)) mixed.set(term, profileMass * share);
    if (own) for (const [term, share] of Object.entries(own)) mixed.set(term, (mixed.get(term) ?? 0) + (1 - profileShare) * share);
    for (const [term, probability] of mixed) {
      const weight = Math.log(1 + probability / (scale * background(term)));
      let row = weights.get(term);
      if (!row) {
        row = new Float64Array(personas.length);
        weights.set(term, row);
      }
      row[p] = weight;
    }
  });
  return { personas, weights, temperature, minTerms };
}

/**
 * P(term | background): general writing, where a term it never uses counts as seen half a time,
 * mixed with documentation, the mean of the fitted personas' terms with each persona counting
 * equally. Without the documentation part a term that only one persona's pages share with general
 * writing rarely ("merge request", "Duo Chat") weighs as if it said who reads; with it, a term
 * every kind of documentation page uses weighs little for all, and a documentation term that
 * one persona's pages use far more than the others' is capped near
 * ln(1 + personas × (1 − profileShare) / (scale × domainShare)).
 */
function backgroundOf({ background, fitted }: RelevanceData): (term: string) => number {
  const fittedPersonas = Object.values(fitted.personas);
  const domainShare = fittedPersonas.length > 0 ? fitted.params.domainShare : 0;
  const documentation = new Map<string, number>();
  for (const terms of fittedPersonas) for (const [term, share] of Object.entries(terms)) documentation.set(term, (documentation.get(term) ?? 0) + share / fittedPersonas.length);
  return (term) => (1 - domainShare) * (((background.counts[term] ?? 0) + 0.5) / background.tokens) + domainShare * (documentation.get(term) ?? 0);
}

/** How many terms `why` lists per persona. */
export const whyTerms = 5;

/** Every persona's relevance for a document, in the model's persona order; once per document and model (the scores and undefined-acronym's readers both ask). */
export function scoreRelevance(model: RelevanceModel, doc: RelevanceInput): PersonaRelevance[] {
  const byModel = scored(doc);
  if (!byModel.has(model)) byModel.set(model, computeRelevance(model, doc));
  return byModel.get(model)!;
}

const scored = memoByObject((_doc: RelevanceInput) => new Map<RelevanceModel, PersonaRelevance[]>());

function computeRelevance(model: RelevanceModel, doc: RelevanceInput): PersonaRelevance[] {
  const { shares, surface } = documentTerms(doc);
  const n = model.personas.length;
  const totals = new Float64Array(n);
  const matched: { term: string; share: number; row: Float64Array }[] = [];
  for (const [term, share] of shares) {
    const row = model.weights.get(term);
    if (!row) continue;
    matched.push({ term, share, row });
    for (let p = 0; p < n; p++) totals[p] += share * row[p];
  }
  // The temperature was fitted on pages of at least `minTerms` terms. A shorter page's relevance
  // rests on fewer words, so it varies more: widen the temperature as the standard error of a mean
  // grows, so that a sentence or two never reads as confidently written for anyone.
  const probabilities = softmax(totals, model.temperature * Math.sqrt(Math.max(1, model.minTerms / Math.max(1, shares.size))));
  return Array.from(totals, (total, p) => ({
    relevance: Math.round(total * 1000) / 1000,
    probability: Math.round(probabilities[p] * 1000) / 1000,
    why: topTerms(matched, p, surface),
  }));
}

/** The terms that gave persona `p` most of its relevance, as written, pairs not repeating their words. */
function topTerms(matched: readonly { term: string; share: number; row: Float64Array }[], p: number, surface: Map<string, string>): string[] {
  // Candidates by a partial insertion sort: a page matches hundreds of terms, `why` shows five.
  const candidates: { text: string; amount: number }[] = [];
  const keep = 3 * whyTerms;
  for (const { term, share, row } of matched) {
    const amount = share * row[p];
    if (amount === 0 || (candidates.length === keep && amount <= candidates[keep - 1].amount)) continue;
    const text = surface.get(term);
    if (text === undefined) continue;
    let at = candidates.length;
    while (at > 0 && (candidates[at - 1].amount < amount || (candidates[at - 1].amount === amount && candidates[at - 1].text > text))) at--;
    candidates.splice(at, 0, { text, amount });
    if (candidates.length > keep) candidates.pop();
  }
  const out: string[] = [];
  for (const { text } of candidates) {
    // A pair repeats its words: "merge requests" says what "merge" and "requests" would.
    if (out.some((seen) => seen.includes(text) || text.includes(seen))) continue;
    out.push(text);
    if (out.length === whyTerms) break;
  }
  return out;
}

function softmax(values: Float64Array, temperature: number): number[] {
  const max = Math.max(...values);
  const exp = Array.from(values, (v) => Math.exp((v - max) / temperature));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / sum);
}
