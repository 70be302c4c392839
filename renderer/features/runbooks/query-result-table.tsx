import type { QueryEvidence } from '../../../shared/domain/runbook';
import { shapeQueryResult } from './query-result';

/**
 * Shows a PromQL step's result: its result type and series count, then one row per series
 * with its selector and values, Prometheus's error or warnings, and where the full response is.
 */
export function QueryResultTable({ evidence }: { evidence: QueryEvidence }) {
  const view = shapeQueryResult(evidence);
  const hasSeriesColumn = view.rows.some((row) => row.series !== '');

  return (
    <div className="query-result" aria-label="Query result">
      <p className="mono muted">
        {view.resultType ?? 'no result'} · {view.seriesCount} series · {evidence.datasource} at{' '}
        {evidence.time}
      </p>
      {view.error && <p className="warning">Prometheus returned {view.error}</p>}
      {view.warnings.map((warning) => (
        <p key={warning} className="warning">
          {warning}
        </p>
      ))}
      {view.rows.length > 0 && (
        <table className="query-table mono">
          <thead>
            <tr>
              {hasSeriesColumn && <th>series</th>}
              {view.valueColumns.map((column) => (
                <th key={column}>{column}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.rows.map((row, index) => (
              <tr key={`${row.series}-${index}`}>
                {hasSeriesColumn && <td className="query-series">{row.series}</td>}
                {row.values.map((value, column) => (
                  <td key={column}>{value}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {view.resultType !== null && view.seriesCount === 0 && (
        <p className="muted">No series matched.</p>
      )}
      {view.hiddenSeries > 0 && (
        <p className="muted">
          {view.hiddenSeries} more series are in{' '}
          <span className="mono">{evidence.responseFile}</span>.
        </p>
      )}
    </div>
  );
}
