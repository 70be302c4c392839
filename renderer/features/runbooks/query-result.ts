import {
  QueryEvidenceSchema,
  type QueryEvidence,
  type RunbookStep,
} from '../../../shared/domain/runbook';

/** One series of a query result as the table shows it: its selector and its value cells. */
export interface QueryRow {
  /** PromQL-style selector such as `up{job="api"}`; empty for a scalar or string result. */
  series: string;
  values: string[];
}

/** A query step's result, shaped for the table in the runbook panel and the timeline. */
export interface QueryView {
  /** `vector`, `matrix`, `scalar` or `string`; null when Prometheus returned no result. */
  resultType: QueryEvidence['resultType'];
  seriesCount: number;
  /** Headings of the value columns, such as `value` and `time`, after the series column. */
  valueColumns: string[];
  rows: QueryRow[];
  /** Series left out of the table because it keeps the first few; the response file has them. */
  hiddenSeries: number;
  /** Prometheus's error type and text, or null when the query succeeded. */
  error: string | null;
  warnings: string[];
}

/** Trailing value columns the core writes after the label columns, by result type. */
const VALUE_COLUMN_COUNT: Record<NonNullable<QueryEvidence['resultType']>, number> = {
  vector: 2,
  matrix: 3,
  scalar: 2,
  string: 2,
};

/**
 * Shapes a query step's evidence into table rows. The core's table has one column per label
 * (`__name__` first) followed by the value columns of the result type, and this folds the
 * label columns into one selector per series.
 */
export function shapeQueryResult(evidence: QueryEvidence): QueryView {
  const { table, resultType } = evidence;
  const valueCount = resultType ? VALUE_COLUMN_COUNT[resultType] : 0;
  const labelCount = Math.max(0, table.columns.length - valueCount);
  const labels = table.columns.slice(0, labelCount);

  // A vector or matrix series without labels, such as `sum(up)`, is written `{}` as in PromQL.
  const hasSeries = resultType === 'vector' || resultType === 'matrix';
  const rows = table.rows.map((cells) => ({
    series:
      hasSeries && labelCount === 0 ? '{}' : seriesSelector(labels, cells.slice(0, labelCount)),
    values: cells.slice(labelCount),
  }));

  let error: string | null = null;
  if (evidence.error !== null) error = `${evidence.errorType ?? 'error'}: ${evidence.error}`;

  return {
    resultType,
    seriesCount: evidence.seriesCount,
    valueColumns: table.columns.slice(labelCount),
    rows,
    hiddenSeries: Math.max(0, evidence.seriesCount - rows.length),
    error,
    warnings: evidence.warnings,
  };
}

/**
 * Builds `name{label="value", ...}` from label columns, leaving out labels a series lacks
 * (empty cells), and `{}` for a series with no labels at all.
 */
export function seriesSelector(labels: string[], values: string[]): string {
  if (labels.length === 0) return '';
  let name = '';
  const pairs: string[] = [];
  labels.forEach((label, index) => {
    const value = values[index] ?? '';
    if (value === '') return;
    if (label === '__name__') name = value;
    else pairs.push(`${label}=${JSON.stringify(value)}`);
  });
  if (pairs.length === 0 && name !== '') return name;
  return `${name}{${pairs.join(', ')}}`;
}

/** Reads the query evidence from a timeline event's data; null when it has none or it is malformed. */
export function queryEvidenceOf(data: Record<string, unknown>): QueryEvidence | null {
  const parsed = QueryEvidenceSchema.safeParse(data.query);
  return parsed.success ? parsed.data : null;
}

/**
 * Returns whether Firebreak runs a step from the panel: shell and HTTP request steps, and
 * query steps written in a `promql` block. LogQL and SQL blocks are query steps that it
 * does not run yet.
 */
export function isRunnableStep(step: RunbookStep): boolean {
  if (step.kind === 'shell' || step.kind === 'http') return true;
  return step.kind === 'query' && step.lang?.toLowerCase() === 'promql';
}
