import { buildReport } from '../../runtime/report/build-report.js';
import { ruleInfos, tierInfos } from '../../runtime/statistics/observation.js';
import { renderHtml } from '../../runtime/report/render-html.js';
import { renderMarkdown } from '../../runtime/report/render-md.js';
import { collectObservations, criterionOption } from '../observations.js';
import { writeOutput } from '../output.js';

export interface ReportOptions {
  readonly leads: string;
  readonly events?: string;
  readonly outcome?: string;
  readonly asOf?: string;
  readonly tz?: string;
  readonly by?: string;
  readonly format: 'md' | 'json' | 'html';
  readonly out?: string;
  readonly criterion: string;
}

/** `leadscore report RULES --leads F --outcome FIELD …`: the KPI report. */
export async function runReport(rulesPath: string, options: ReportOptions): Promise<number> {
  const criterion = criterionOption(options.criterion);
  const data = await collectObservations(rulesPath, options);
  if (typeof data === 'number') return data;
  const report = buildReport({
    meta: {
      rulesFile: rulesPath,
      leadsFile: options.leads,
      ...(options.events !== undefined && { eventsFile: options.events }),
      // As the user wrote it (a manager reads 2026-11-01, not 2026-10-31T15:00:00.000Z); now when not given.
      asOf: options.asOf ?? new Date(data.now).toISOString(),
      timeZone: options.tz ?? 'UTC',
      outcomeField: options.outcome ?? null,
      byField: options.by ?? null,
    },
    rules: ruleInfos(data.program),
    tiers: tierInfos(data.program),
    observations: data.observations,
    criterion,
    unreadableOutcomes: data.unreadableOutcomes,
    ...(data.unreadableExample !== undefined && { unreadableExample: data.unreadableExample }),
  });
  for (const w of report.warnings) process.stderr.write(`leadscore: warning: ${w.message}\n`);
  const text =
    options.format === 'json'
      ? `${JSON.stringify(report, null, 2)}\n`
      : options.format === 'html'
        ? renderHtml(report)
        : renderMarkdown(report);
  writeOutput(text, options.out);
  return data.exitCode;
}
