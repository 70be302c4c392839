import { describe, expect, it } from 'vitest';
import type { QueryEvidence, RunbookStep } from '../../../shared/domain/runbook';
import { isRunnableStep, queryEvidenceOf, seriesSelector, shapeQueryResult } from './query-result';

function evidence(change: Partial<QueryEvidence>): QueryEvidence {
  return {
    datasource: 'local',
    query: 'up',
    time: '2025-03-01T10:00:00.000Z',
    resultType: 'vector',
    seriesCount: 0,
    table: { columns: [], rows: [] },
    errorType: null,
    error: null,
    warnings: [],
    responseFile: '/tmp/step.response.json',
    ...change,
  };
}

describe('shapeQueryResult', () => {
  it('folds vector labels into selectors', () => {
    const view = shapeQueryResult(
      evidence({
        seriesCount: 2,
        table: {
          columns: ['__name__', 'instance', 'job', 'value', 'time'],
          rows: [
            ['up', '127.0.0.1:9090', 'prometheus', '1', '2025-03-01T10:00:00.000Z'],
            ['up', '', 'api', '0', '2025-03-01T10:00:00.000Z'],
          ],
        },
      }),
    );

    expect(view.valueColumns).toEqual(['value', 'time']);
    expect(view.rows[0]?.series).toBe('up{instance="127.0.0.1:9090", job="prometheus"}');
    expect(view.rows[0]?.values).toEqual(['1', '2025-03-01T10:00:00.000Z']);
    expect(view.rows[1]?.series).toBe('up{job="api"}');
    expect(view.hiddenSeries).toBe(0);
    expect(view.error).toBeNull();
  });

  it('keeps three value columns for a matrix', () => {
    const view = shapeQueryResult(
      evidence({
        resultType: 'matrix',
        seriesCount: 1,
        table: {
          columns: ['job', 'samples', 'last value', 'last time'],
          rows: [['api', '5', '0.25', '2025-03-01T10:00:00.000Z']],
        },
      }),
    );

    expect(view.valueColumns).toEqual(['samples', 'last value', 'last time']);
    expect(view.rows[0]?.series).toBe('{job="api"}');
    expect(view.rows[0]?.values).toEqual(['5', '0.25', '2025-03-01T10:00:00.000Z']);
  });

  it('shows a scalar without a series', () => {
    const view = shapeQueryResult(
      evidence({
        resultType: 'scalar',
        seriesCount: 1,
        table: { columns: ['value', 'time'], rows: [['42', '2025-03-01T10:00:00.000Z']] },
      }),
    );

    expect(view.rows).toEqual([{ series: '', values: ['42', '2025-03-01T10:00:00.000Z'] }]);
  });

  it('counts series left out of the table', () => {
    const view = shapeQueryResult(
      evidence({
        seriesCount: 25,
        table: { columns: ['job', 'value', 'time'], rows: [['api', '1', '']] },
      }),
    );

    expect(view.hiddenSeries).toBe(24);
  });

  it('reports a Prometheus error', () => {
    const view = shapeQueryResult(
      evidence({ resultType: null, errorType: 'bad_data', error: 'parse error at char 4' }),
    );

    expect(view.error).toBe('bad_data: parse error at char 4');
    expect(view.rows).toEqual([]);
    expect(view.valueColumns).toEqual([]);
  });

  it('keeps a series with no labels', () => {
    const view = shapeQueryResult(
      evidence({
        seriesCount: 1,
        table: { columns: ['value', 'time'], rows: [['3', '2025-03-01T10:00:00.000Z']] },
      }),
    );

    expect(view.rows[0]?.series).toBe('{}');
    expect(view.rows[0]?.values).toEqual(['3', '2025-03-01T10:00:00.000Z']);
  });
});

describe('seriesSelector', () => {
  it('returns a bare metric name', () => {
    expect(seriesSelector(['__name__'], ['up'])).toBe('up');
  });

  it('escapes quotes in label values', () => {
    expect(seriesSelector(['path'], ['/a"b'])).toBe('{path="/a\\"b"}');
  });

  it('writes braces for a series whose labels are all empty', () => {
    expect(seriesSelector(['job'], [''])).toBe('{}');
  });
});

describe('queryEvidenceOf', () => {
  it('reads evidence from event data', () => {
    const value = evidence({ seriesCount: 0 });
    expect(queryEvidenceOf({ query: value })).toEqual(value);
  });

  it('returns null without evidence', () => {
    expect(queryEvidenceOf({ query: null })).toBeNull();
    expect(queryEvidenceOf({})).toBeNull();
    expect(queryEvidenceOf({ query: { query: 'up' } })).toBeNull();
  });
});

describe('isRunnableStep', () => {
  const base = { kind: 'query', lang: 'promql' } as RunbookStep;

  it('runs PromQL and shell steps only', () => {
    expect(isRunnableStep(base)).toBe(true);
    expect(isRunnableStep({ ...base, lang: 'PromQL' })).toBe(true);
    expect(isRunnableStep({ ...base, lang: 'logql' })).toBe(false);
    expect(isRunnableStep({ ...base, kind: 'shell', lang: 'sh' })).toBe(true);
    expect(isRunnableStep({ ...base, kind: 'manual' })).toBe(false);
    expect(isRunnableStep({ ...base, kind: 'http', lang: 'http' })).toBe(true);
  });
});
