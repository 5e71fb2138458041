import { describe, it, expect } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { crossValidation, evaluate, formatFigures } from '../../scripts/eval-personas.mjs';
import { gitlabDocs, labelledPages } from '../../scripts/fit-relevance.mjs';
import { assertFigures, type Figures } from '../helpers/persona-figures.js';

const present = existsSync(join(gitlabDocs, 'labels.tsv'));

// The gitlab-docs figures of `npm run eval:personas`: 110 real documentation pages labelled by
// hand, each scored with relevance weights fitted without its source folder (docs/scoring.md).
describe.skipIf(!present)(`gitlab-docs persona accuracy${present ? '' : ' (skipped: ../shared/corpus/gitlab-docs is not here, as in a user’s own clone)'}`, () => {
  it('cross-validated by source folder: top-1 at least 86%, top-2 at least 95%, every persona at least 73%, persona-mismatch at most 8.2% false alarms and at least 94% recall', async () => {
    const pages = labelledPages(gitlabDocs);
    const figures: Figures = await evaluate(pages, crossValidation(pages));
    console.log(formatFigures('gitlab-docs (cross-validated)', figures));
    // Measured: 95 of 110 first, 105 in the top two, Perry lowest at 11 of 15, 9 false alarms,
    // 104 of 110 wrong labels caught. The targets (80%, 92%, 60%, 10%, 70%) sit below.
    assertFigures(figures, { pages: 110, top1: 95 / 110, top2: 105 / 110, recall: 11 / 15, mismatchFalseAlarms: 9 / 110, mismatchRecall: 104 / 110 });
  });
});
