import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { writeBackendConfigs } from './config';
import { loadPrometheusConfigs } from './prometheus-config';

let dir: string | undefined;
afterEach(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

function tempFile(content: unknown): string {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-prom-config-'));
  const file = path.join(dir, 'backends.json');
  fs.writeFileSync(file, JSON.stringify(content));
  return file;
}

describe('prometheus config', () => {
  it('reads entries with defaults', () => {
    const file = tempFile({ prometheus: [{ name: 'prod', baseUrl: 'http://127.0.0.1:9090' }] });
    const [config] = loadPrometheusConfigs(file);
    expect(config?.name).toBe('prod');
    expect(config?.timeoutMs).toBe(10_000);
  });

  it('treats a missing key as none', () => {
    expect(loadPrometheusConfigs(tempFile({ backends: [] }))).toEqual([]);
  });

  it('names the invalid field', () => {
    const file = tempFile({ prometheus: [{ name: 'prod', baseUrl: 'ftp://x' }] });
    expect(() => loadPrometheusConfigs(file)).toThrow(AppError);
    expect(() => loadPrometheusConfigs(file)).toThrow(/prometheus\.0\.baseUrl/);
  });

  it('survives saving trace backends', () => {
    const prometheus = [{ name: 'prod', baseUrl: 'http://127.0.0.1:9090' }];
    const file = tempFile({ backends: [], prometheus });
    writeBackendConfigs(file, []);
    expect(loadPrometheusConfigs(file).map((config) => config.name)).toEqual(['prod']);
  });
});
