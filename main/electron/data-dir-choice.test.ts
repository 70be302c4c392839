import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseDataDir, dataDirArgument } from './data-dir-choice';

const USER_DATA = path.resolve('/home/ic/.config/Firebreak');

describe('dataDirArgument', () => {
  it('reads --data-dir with a separate value', () => {
    expect(dataDirArgument(['/usr/bin/electron', '.', '--data-dir', '/tmp/fb'])).toBe('/tmp/fb');
  });

  it('reads --data-dir=value', () => {
    expect(dataDirArgument(['firebreak', '--no-sandbox', '--data-dir=/tmp/fb'])).toBe('/tmp/fb');
  });

  it('returns undefined without the option', () => {
    expect(dataDirArgument(['firebreak', '--enable-logging'])).toBeUndefined();
  });

  it('returns undefined for an option without a value', () => {
    expect(dataDirArgument(['firebreak', '--data-dir'])).toBeUndefined();
    expect(dataDirArgument(['firebreak', '--data-dir='])).toBeUndefined();
    expect(dataDirArgument(['firebreak', '--data-dir', '--inspect'])).toBeUndefined();
  });
});

describe('chooseDataDir', () => {
  it('prefers --data-dir over the environment', () => {
    const env = { FIREBREAK_DATA_DIR: '/tmp/env' };
    expect(chooseDataDir(['x', '--data-dir', 'rel/dir'], env, USER_DATA)).toBe(
      path.resolve('rel/dir'),
    );
  });

  it('uses FIREBREAK_DATA_DIR next', () => {
    const env = { FIREBREAK_DATA_DIR: '/tmp/env' };
    expect(chooseDataDir(['x'], env, USER_DATA)).toBe(path.resolve('/tmp/env'));
  });

  it('falls back to userData', () => {
    expect(chooseDataDir(['x'], {}, USER_DATA)).toBe(USER_DATA);
    expect(chooseDataDir(['x'], { FIREBREAK_DATA_DIR: '' }, USER_DATA)).toBe(USER_DATA);
  });
});
