import type { StepCheck, StepExpectations } from '../../../shared/domain/runbook';

/**
 * Checks a finished step's exit code and stdout against its expectations. `contains`
 * passes when every non-blank line of it appears in stdout. `primary`, when given, takes
 * the place of the exit code or HTTP status check (query steps pass their query check).
 */
export function checkExpectations(
  expect: StepExpectations,
  exitCode: number | null,
  stdout: string,
  httpStatus?: number | null,
  primary?: StepCheck,
): StepCheck[] {
  const checks: StepCheck[] = [
    primary ??
      (httpStatus === undefined ? exitCheck(expect, exitCode) : statusCheck(expect, httpStatus)),
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

function exitCheck(expect: StepExpectations, exitCode: number | null): StepCheck {
  return {
    name: 'exit',
    passed: exitCode !== null && expect.exit.includes(exitCode),
    detail: `exit code ${exitCode ?? 'none'}, expected ${expect.exit.join(' or ')}`,
  };
}

function statusCheck(expect: StepExpectations, status: number | null): StepCheck {
  const passed =
    status !== null &&
    (expect.status ? expect.status.includes(status) : status >= 200 && status < 400);
  const expected = expect.status ? expect.status.join(' or ') : '200 to 399';
  return {
    name: 'status',
    passed,
    detail: `HTTP status ${status ?? 'none'}, expected ${expected}`,
  };
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
