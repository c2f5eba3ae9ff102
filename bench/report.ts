import { writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { describeGoal, type Figure, FLAT_GROWTH } from './figures';
import type { machine } from './stats';

export interface Report {
  machine: ReturnType<typeof machine>;
  method: string[];
  figures: Figure[];
  skipped: { name: string; reason: string }[];
}

const round = (value: number) =>
  Number.isInteger(value) || Math.abs(value) >= 100
    ? value.toFixed(0)
    : Math.abs(value) >= 10
      ? value.toFixed(1)
      : value.toFixed(2);
const withUnit = (value: number, unit: string) => `${round(value)}${unit ? ` ${unit}` : ''}`;

function row(figure: Figure): string {
  const baseline = figure.baseline ? `${withUnit(figure.baseline.value, figure.unit)} (${figure.baseline.name})` : '';
  const ratio = figure.ratio === undefined ? '' : `${round(figure.ratio)}×`;
  const growth = figure.growth
    ? `${withUnit(figure.growth.from, figure.unit)} → ${withUnit(figure.value, figure.unit)}: ${round(figure.growth.ratio)}×`
    : '';
  const goals = figure.goals.map((goal) => describeGoal(goal, figure.unit)).join(', ');
  const cells = [figure.name, withUnit(figure.value, figure.unit), baseline, ratio, growth, goals];
  return `| ${cells.join(' | ')} | ${figure.ok ? 'ok' : '**OVER**'} |`;
}

function toMarkdown(report: Report): string {
  const { machine } = report;
  const over = report.figures.filter((figure) => !figure.ok).length;
  return [
    '# `npm run bench`',
    '',
    `${machine.date} on ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node} (${machine.platform}), load average ${machine.loadAverage}.`,
    `${report.figures.length - over} of ${report.figures.length} figures within their goal.`,
    '',
    '| figure | measured | baseline (same run) | ratio | 1,000 → full seed | goal | |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...report.figures.map(row),
    '',
    ...report.figures.filter((figure) => figure.detail).map((figure) => `- ${figure.name}: ${figure.detail}`),
    '',
    ...(report.skipped.length
      ? ['Not measured in this run:', '', ...report.skipped.map((skip) => `- ${skip.name}: ${skip.reason}`), '']
      : []),
    '## Method',
    '',
    ...report.method.map((line) => `- ${line}`),
    `- "Flat in rows": at the full seed at most ${FLAT_GROWTH}× the figure at 1,000 rows, or at most 1 ms more.`,
    '',
    'Details of every run are in `bench/report.json`.',
    '',
  ].join('\n');
}

/** Written as `npm run format` would leave them, so a format run never shows the report as changed. */
export async function writeReport(report: Report, markdownFile: string, jsonFile: string): Promise<void> {
  for (const [file, text] of [
    [markdownFile, toMarkdown(report)],
    [jsonFile, JSON.stringify(report)],
  ] as const) {
    writeFileSync(file, await format(text, { ...(await resolveConfig(file)), filepath: file }));
  }
}
