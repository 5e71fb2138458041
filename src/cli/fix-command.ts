import type { LintReport } from '../core/types.js';

/**
 * --fix writes the fixes and says what changed on standard error; --fix-dry-run prints them as a
 * unified diff and writes nothing. Either way the report is of what remains.
 */
export async function fixCommand(report: LintReport, options: { configFile?: string; persona?: string[]; dryRun: boolean }, io: { stdout: (text: string) => void; stderr: (text: string) => void }): Promise<LintReport> {
  const { fixFiles, describeFixes } = await import('../fix/fix-files.js');
  const fixed = await fixFiles(report, { configFile: options.configFile, persona: options.persona, write: !options.dryRun });
  if (options.dryRun) io.stdout(fixed.files.map((file) => file.diff).join(''));
  else io.stderr(describeFixes(fixed.files));
  return fixed.report;
}
