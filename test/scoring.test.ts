import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { VFile } from 'vfile';
import retextReadability from 'retext-readability';
import type { Root } from 'nlcst';
import { parseDocument } from '../src/text/document.js';
import { loadBuiltinPersonas } from '../src/data/load-data.js';
import { scoreDocument } from '../src/scoring/index.js';
import { findEvidence } from '../src/scoring/evidence.js';
import { documentAges, isHard, formulasAbove } from '../src/scoring/readability-level.js';
import { toneCost } from '../src/scoring/tone.js';
import { channelOf, channelTier } from '../src/scoring/channels.js';
import { improvements } from '../src/scoring/improvements.js';
import { personaModel } from '../src/scoring/persona-model.js';
import type { Message } from '../src/core/types.js';
import { fixturesRoot } from './helpers/fixtures.js';
import { rules } from '../src/rules/index.js';
import { tonePenaltiesOf } from '../src/engine/rule.js';

const personas = loadBuiltinPersonas();
const penalties = tonePenaltiesOf(rules);
const score = (text: string, messages: Message[] = []) => scoreDocument(parseDocument('doc.md', text), personas, [], messages, penalties);
const scoreOf = (text: string, id: string) => score(text).report.scores.find((s) => s.id === id)!;

describe('key-concept coverage', () => {
  it.each(['We reduce costs.', 'It brings cost savings.', 'A lower total cost of ownership.', 'Reduction of what we spend.'])('“%s” expresses Tristan’s cost concept', (text) => {
    expect(scoreOf(text, 'tech-exec-tristan').found.map((f) => f.label)).toContain('cost');
  });

  it('“return on investment” expresses ROI, with its place', () => {
    const tristan = scoreOf('# Why\n\nThe return on investment came in a year.\n', 'tech-exec-tristan');
    expect(tristan.found.find((f) => f.label === 'ROI')!.places).toEqual([{ line: 3, column: 5, endLine: 3, endColumn: 25, text: 'return on investment' }]);
  });

  it('reports every concept found or missing, and coverage as the share found', () => {
    const rory = scoreOf('The release milestone was met on time. QA ran the regression tests.', 'release-rory');
    expect(rory.found.map((f) => f.label)).toEqual(['delivery milestones on time', 'quality and testing']);
    expect(rory.missing).toEqual(['integrations', 'tool sprawl', 'release process', 'change management', 'cost-effective delivery']);
    expect(rory.coverage).toBe(0.286);
  });

  it('never counts code blocks, inline code or frontmatter', () => {
    const text = '---\ntitle: budget ROI\n---\n\nRun `budget --roi` now.\n\n```sh\nreturn on investment cost analysis budget\n```\n';
    expect(scoreOf(text, 'tech-exec-tristan').found).toEqual([]);
  });

  it('matches all-capital acronyms only when written in capitals (IT, QA, CAB)', () => {
    expect(scoreOf('Ask the CAB first.', 'release-rory').found.map((f) => f.label)).toEqual(['change management']);
    expect(scoreOf('Take a cab first.', 'release-rory').found).toEqual([]);
  });

  it('keeps product and productivity apart in vocabulary', () => {
    const model = personaModel(personas);
    const avery = personas.findIndex((p) => p.id === 'app-dev-avery');
    const terms = model.termsByPersona[avery].map((t) => t.term);
    expect(terms).toContain('product development');
    expect(scoreOf('Our productivity rose.', 'app-dev-avery').breakdown.find((p) => p.part === 'vocabulary')!.detail).not.toContain('product development');
  });
});

describe('fit', () => {
  const page = readFileSync(join(fixturesRoot, 'persona-fit', 'threshold-by-persona.md'), 'utf8');

  it('is the sum of its parts as a share of their maximum, and lists every persona, best first', () => {
    const { report } = score(page);
    expect(report.scores.map((s) => s.id).sort()).toEqual(personas.map((p) => p.id).sort());
    expect(report.best).toBe('release-rory');
    for (let i = 1; i < report.scores.length; i++) expect(report.scores[i - 1].fit).toBeGreaterThanOrEqual(report.scores[i].fit);
    for (const s of report.scores) {
      expect(s.breakdown.map((p) => p.part)).toEqual(['coverage', 'vocabulary', 'readability', 'evidence', 'tone']);
      const points = s.breakdown.reduce((sum, p) => sum + p.points, 0);
      const max = s.breakdown.reduce((sum, p) => sum + p.max, 0);
      expect(Math.abs(s.fit - (100 * points) / max)).toBeLessThanOrEqual(0.6);
      expect(s.fit).toBeGreaterThanOrEqual(0);
      expect(s.fit).toBeLessThanOrEqual(100);
    }
  });

  it('scores evidence only for personas who decide purchases', () => {
    const { report } = score(page);
    expect(report.scores.find((s) => s.id === 'app-dev-avery')!.breakdown.find((p) => p.part === 'evidence')).toEqual({ part: 'evidence', points: 0, max: 0, detail: 'not scored: this persona does not decide purchases' });
    expect(report.scores.find((s) => s.id === 'release-rory')!.breakdown.find((p) => p.part === 'evidence')!.max).toBe(10);
  });

  it('loses tone points for buzzword and alienating messages, by rule id, only for the persona a message names', () => {
    const message = (ruleId: string, persona?: string): Message => ({ ruleId, severity: 'warning', message: '', line: 1, column: 1, endLine: 1, endColumn: 2, actual: null, expected: [], note: null, url: null, ...(persona ? { persona } : {}) });
    const messages = [message('buzzword'), message('buzzword'), message('alienating-language', 'infosec-shiloh'), message('readability')];
    expect(toneCost(messages, 'release-rory', penalties)).toEqual({ counts: { buzzword: 2 }, points: 4 });
    expect(toneCost(messages, 'infosec-shiloh', penalties)).toEqual({ counts: { buzzword: 2, 'alienating-language': 1 }, points: 8 });
    const tone = (id: string) => score(page, messages).report.scores.find((s) => s.id === id)!.breakdown.find((p) => p.part === 'tone')!;
    expect(tone('release-rory')).toEqual({ part: 'tone', points: 6, max: 10, detail: '−4 for 2 buzzword messages' });
    expect(tone('infosec-shiloh').points).toBe(2);
  });

  it('suggests the changes that would raise the fit most, best first', () => {
    const detail = score('# Tests\n\nRun the unit tests on the branch before you merge.\n').details.find((d) => d.persona.id === 'tech-exec-tristan')!;
    const changes = improvements(detail);
    expect(changes.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < changes.length; i++) expect(changes[i - 1].gain).toBeGreaterThanOrEqual(changes[i].gain);
    expect(changes.map((c) => c.change)).toContain('cover “budget” (“budget”, “funding”, “capex”…)');
  });
});

describe('evidence', () => {
  const evidence = (text: string) => findEvidence(parseDocument('doc.md', text).sentences).counts;

  it('counts figures, percentages and amounts, customer stories and ROI in prose', () => {
    expect(evidence('Costs fell 40% and we saved $2M. The customer case study shows a payback in 9 months.')).toEqual({ figures: 3, percentages: 2, 'customer stories': 2, ROI: 2 });
  });

  it('does not count years, version numbers or code as figures', () => {
    expect(evidence('In 2023 we shipped 1.72.0. Run `retry 5` or:\n\n```\n40%\n```\n').figures).toBe(0);
  });
});

describe('readability', () => {
  // The fit and the readability rule compute retext-readability's seven formulas once per sentence
  // (see src/scoring/readability-level.ts); the plugin itself is the reference.
  it('flags exactly the sentences retext-readability flags, at several ages', () => {
    const dir = join(fixturesRoot, 'personas', 'tech-exec-tristan');
    let compared = 0;
    for (const name of readdirSync(dir)) {
      const doc = parseDocument(name, readFileSync(join(dir, name), 'utf8'));
      for (const age of [12, 16, 18]) {
        const file = new VFile();
        retextReadability({ age })(doc.nlcst as Root, file);
        const expected = file.messages.map((m) => `${m.place && 'start' in m.place ? `${m.place.start.line}:${m.place.start.column}` : ''}`);
        const actual = documentAges(doc.sentences, doc.text)
          .filter((s) => isHard(s.ages, age))
          .map((s) => `${s.span.start.line}:${s.span.start.column}`);
        expect(actual, `${name} at age ${age}`).toEqual(expected);
        compared += expected.length;
      }
    }
    expect(compared).toBeGreaterThan(10);
  });

  it('counts the formulas above an age', () => {
    expect(formulasAbove([10, 15, 17, 19, 20, 21, 30], 18)).toBe(4);
    expect(isHard([10, 15, 17, 19, 20, 21, 30], 18)).toBe(true);
    expect(isHard([10, 15, 17, 19, 20, 21, 30], 20)).toBe(false);
  });
});

describe('channels', () => {
  it.each([
    ['blog', 'blog-post'],
    ['Case Study', 'case-study'],
    ['case_study', 'case-study'],
    ['webinars', 'webinar'],
    ['white-paper', 'whitepaper'],
    ['documentation', 'docs'],
    ['press-release', 'press-release'],
    ['brochure', undefined],
  ])('content_type %s is channel %s', (value, channel) => {
    expect(channelOf(value)).toBe(channel);
  });

  it('reads the tier from the profile', () => {
    const payton = personas.find((p) => p.id === 'program-management-payton')!;
    expect(channelTier(payton, 'blog-post')).toBe('primary');
    expect(channelTier(payton, 'ebook')).toBe('secondary');
    expect(channelTier(payton, 'webinar')).toBe('tertiary');
    expect(channelTier(payton, 'docs')).toBe('unlisted');
  });
});
