import type { StepCheck, StepExpectations } from '../../../shared/domain/runbook';

/**
 * Checks a finished step's exit code and stdout against its expectations. `contains`
 * passes when every non-blank line of it appears in stdout.
 */
export function checkExpectations(
  expect: StepExpectations,
  exitCode: number | null,
  stdout: string,
): StepCheck[] {
  const checks: StepCheck[] = [
    {
      name: 'exit',
      passed: exitCode !== null && expect.exit.includes(exitCode),
      detail: `exit code ${exitCode ?? 'none'}, expected ${expect.exit.join(' or ')}`,
    },
  ];
  if (expect.contains !== undefined) {
    const lines = expect.contains
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const absent = lines.filter((line) => !stdout.includes(line));
    checks.push({
      name: 'contains',
      passed: absent.length === 0,
      detail:
        absent.length === 0 ? 'stdout contains the expected text' : `stdout lacks "${absent[0]}"`,
    });
  }
  if (expect.regex !== undefined) {
    checks.push(regexCheck('regex', expect.regex, stdout, true));
  }
  if (expect.not !== undefined) {
    checks.push(regexCheck('not', expect.not, stdout, false));
  }
  return checks;
}

function regexCheck(
  name: 'regex' | 'not',
  pattern: string,
  stdout: string,
  wanted: boolean,
): StepCheck {
  let matched: boolean;
  try {
    matched = new RegExp(pattern, 'm').test(stdout);
  } catch (error) {
    return {
      name,
      passed: false,
      detail: `invalid regular expression ${pattern}: ${(error as Error).message}`,
    };
  }
  const passed = matched === wanted;
  const detail = wanted
    ? `stdout ${matched ? 'matches' : 'does not match'} /${pattern}/`
    : `stdout ${matched ? 'matches' : 'does not match'} /${pattern}/, which it must not`;
  return { name, passed, detail };
}
