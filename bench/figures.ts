/** A goal of issue 11, on the figure itself, its ratio to the same-run baseline, or its growth with rows. */
export interface Goal {
  on: 'value' | 'ratio' | 'growth';
  op: '<=' | '>=';
  limit: number;
}

export interface Figure {
  name: string;
  unit: string;
  /** The median (or the median of per-run p95s) over `runs`. */
  value: number;
  runs: number[];
  baseline?: { name: string; value: number };
  ratio?: number;
  /** The same figure at 1,000 rows, and the factor it grew by at the full seed. */
  growth?: { fromRows: number; toRows: number; from: number; ratio: number };
  goals: Goal[];
  ok: boolean;
  detail?: string;
}

/** "Flat in rows": at a thousand times the rows, at most this factor slower, or at most this many ms more. */
export const FLAT_GROWTH = 2;
const FLAT_SLACK_MS = 1;

const holds = (goal: Goal, figure: Omit<Figure, 'ok'>) => {
  // Sub-millisecond figures at 1,000 rows make ratios of noise: a growth within the slack is flat.
  if (goal.on === 'growth' && figure.growth && figure.value - figure.growth.from <= FLAT_SLACK_MS) return true;
  const actual = goal.on === 'value' ? figure.value : goal.on === 'ratio' ? figure.ratio : figure.growth?.ratio;
  if (actual === undefined || !Number.isFinite(actual)) return false;
  return goal.op === '<=' ? actual <= goal.limit : actual >= goal.limit;
};

export function figure(input: Omit<Figure, 'ok' | 'ratio'>): Figure {
  const ratio = input.baseline ? input.value / input.baseline.value : undefined;
  const withRatio = { ...input, ...(ratio === undefined ? {} : { ratio }) };
  return { ...withRatio, ok: input.goals.every((goal) => holds(goal, withRatio)) };
}

export const describeGoal = (goal: Goal, unit: string) =>
  goal.on === 'value'
    ? `${goal.op === '<=' ? '≤' : '≥'} ${goal.limit}${unit ? ` ${unit}` : ''}`
    : `${goal.on} ${goal.op === '<=' ? '≤' : '≥'} ${goal.limit}×`;
