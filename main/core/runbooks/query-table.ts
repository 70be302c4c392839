import { QUERY_TABLE_ROWS, type QueryTable } from '../../../shared/domain/runbook';
import type { PromQueryData } from '../backends/prometheus-schemas';

/** Series count of a result: every series of a vector or matrix, 1 for a scalar or string. */
export function seriesCount(data: PromQueryData): number {
  return data.resultType === 'vector' || data.resultType === 'matrix' ? data.result.length : 1;
}

/**
 * Builds a table of the first `limit` series: one column per label (`__name__` first), then
 * `value` and `time` for instant results, or `samples`, `last value` and `last time` for a
 * matrix. Times are ISO-8601 UTC.
 */
export function queryTable(data: PromQueryData, limit = QUERY_TABLE_ROWS): QueryTable {
  switch (data.resultType) {
    case 'scalar':
    case 'string':
      return { columns: ['value', 'time'], rows: [[data.result[1], isoTime(data.result[0])]] };
    case 'vector': {
      const series = data.result.slice(0, limit);
      const labels = labelColumns(series.map((item) => item.metric));
      const rows = series.map((item) => [
        ...labels.map((label) => item.metric[label] ?? ''),
        item.value?.[1] ?? (item.histogram ? 'histogram' : ''),
        isoTime(item.value?.[0] ?? item.histogram?.[0]),
      ]);
      return { columns: [...labels, 'value', 'time'], rows };
    }
    case 'matrix': {
      const series = data.result.slice(0, limit);
      const labels = labelColumns(series.map((item) => item.metric));
      const rows = series.map((item) => {
        const last = item.values?.at(-1);
        const count = (item.values?.length ?? 0) + (item.histograms?.length ?? 0);
        return [
          ...labels.map((label) => item.metric[label] ?? ''),
          String(count),
          last?.[1] ?? '',
          isoTime(last?.[0]),
        ];
      });
      return { columns: [...labels, 'samples', 'last value', 'last time'], rows };
    }
  }
}

/** Renders a table as aligned plain text, one line per row, for output and terminals. */
export function formatTable(table: QueryTable, total: number): string {
  const widths = table.columns.map((column, index) =>
    Math.max(column.length, ...table.rows.map((row) => (row[index] ?? '').length)),
  );
  const line = (cells: string[]): string =>
    cells
      .map((cell, index) => cell.padEnd(widths[index] ?? 0))
      .join('  ')
      .trimEnd();
  const lines = [line(table.columns), ...table.rows.map(line)];
  if (total > table.rows.length) lines.push(`(${total - table.rows.length} more series)`);
  if (total === 0) lines.push('(no series)');
  return `${lines.join('\n')}\n`;
}

function labelColumns(metrics: Record<string, string>[]): string[] {
  const names = new Set<string>();
  for (const metric of metrics) for (const name of Object.keys(metric)) names.add(name);
  return [...names].sort((a, b) =>
    a === '__name__' ? -1 : b === '__name__' ? 1 : a.localeCompare(b),
  );
}

function isoTime(seconds: number | undefined): string {
  return seconds === undefined ? '' : new Date(seconds * 1000).toISOString();
}
