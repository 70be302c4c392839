import { describe, expect, it } from 'vitest';
import type { RunbookParam } from '../../../shared/domain/runbook';
import { AppError } from '../errors';
import { escapeString, renderPromql, scanPromql } from './promql';

const declared = (name: string, pattern?: string): RunbookParam => ({
  name,
  type: 'string',
  required: true,
  pattern,
  source: 'declared',
});

function renderError(query: string, env: Record<string, string>, defs: RunbookParam[] = []) {
  try {
    renderPromql(query, env, defs);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected renderPromql to raise');
}

describe('scanPromql', () => {
  it('finds braced variables and placeholders', () => {
    const scan = scanPromql('up{namespace="${NS}", pod="<pod-name>"}[${WINDOW}]');
    expect(scan.variables.map((v) => v.name)).toEqual(['NS', 'WINDOW']);
    expect(scan.placeholders).toEqual([{ token: '<pod-name>', name: 'POD_NAME' }]);
  });

  it('ignores Grafana variables and escapes', () => {
    const scan = scanPromql('rate(x[$__rate_interval]) # $${NOT}');
    expect(scan.variables).toEqual([]);
    expect(scan.placeholders).toEqual([]);
  });
});

describe('renderPromql', () => {
  it('escapes label values inside double quotes', () => {
    const query = renderPromql('up{job="${JOB}"}', { JOB: 'a"b\\c' }, [declared('JOB', '.*')]);
    expect(query).toBe('up{job="a\\"b\\\\c"}');
  });

  it('escapes single-quoted strings for their quote', () => {
    expect(escapeString(`it's "x"`, "'")).toBe(`it\\'s "x"`);
  });

  it('fills a safe value without a pattern', () => {
    const query = renderPromql('up{instance="<instance>"}', { INSTANCE: 'web-0:9100' }, []);
    expect(query).toBe('up{instance="web-0:9100"}');
  });

  it('rejects unsafe values without a pattern', () => {
    const error = renderError('up{job="${JOB}"}', { JOB: 'x"} or vector(1) #' });
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('JOB');
    expect(error.message).toContain('pattern');
  });

  it('allows bare numbers, durations and names', () => {
    const env = { WINDOW: '1h30m', LIMIT: '0.5', METRIC: 'node_load1' };
    const query = renderPromql('${METRIC} > ${LIMIT} and rate(x[${WINDOW}])', env, []);
    expect(query).toBe('node_load1 > 0.5 and rate(x[1h30m])');
  });

  it('rejects bare values that add syntax', () => {
    const defs = [declared('LIMIT', '.*')];
    const error = renderError('up > ${LIMIT}', { LIMIT: '0 or vector(1)' }, defs);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('outside quotes');
  });

  it('keeps a literal dollar brace', () => {
    expect(renderPromql('label_replace(up, "x", "$${1}", "job", "(.*)")', {}, [])).toBe(
      'label_replace(up, "x", "${1}", "job", "(.*)")',
    );
  });

  it('skips tokens inside comments', () => {
    expect(renderPromql('up # <namespace>\n', {}, [])).toBe('up # <namespace>\n');
  });

  it('rejects backticks in raw strings', () => {
    const error = renderError('up{job=`${JOB}`}', { JOB: 'a`b' }, [declared('JOB', '.*')]);
    expect(error.message).toContain('backtick');
  });
});
