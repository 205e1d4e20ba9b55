/** JUnit XML for `hmailsim test --reporter junit`, which CI systems display natively. */
export interface TestCaseResult {
  name: string;
  file: string;
  seconds: number;
  /** Empty when the scenario passed. */
  failures: string[];
  /** Set when the scenario could not run at all (bad input, time limit). */
  error?: string;
}

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

export function junitReport(results: TestCaseResult[]): string {
  const failures = results.filter((r) => r.failures.length > 0).length;
  const errors = results.filter((r) => r.error !== undefined).length;
  const total = results.reduce((s, r) => s + r.seconds, 0);
  const cases = results.map((r) => {
    const open = `    <testcase name="${escapeXml(r.name)}" classname="${escapeXml(r.file)}" time="${r.seconds.toFixed(3)}"`;
    if (r.error !== undefined) return `${open}>\n      <error message="${escapeXml(r.error)}"/>\n    </testcase>`;
    if (r.failures.length === 0) return `${open}/>`;
    return `${open}>\n      <failure message="${escapeXml(r.failures[0].split('\n')[0])}">${escapeXml(r.failures.join('\n'))}</failure>\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites tests="${results.length}" failures="${failures}" errors="${errors}" time="${total.toFixed(3)}">`,
    `  <testsuite name="hmailsim" tests="${results.length}" failures="${failures}" errors="${errors}" time="${total.toFixed(3)}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
