/** The human-readable report of `hmailsim run`, from real runs. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatReport } from '../../simulator/src/report/text';
import { simulate, vbs } from '../pipeline/acceptance/helpers';

describe('the human report', () => {
  test('skipped events say why; denied side effects are marked; errors are listed', async () => {
    const { report } = await simulate({
      script: vbs('Sub OnHELO(oClient) : End Sub', 'Sub OnAcceptMessage(oClient, oMessage)', '  On Error Resume Next', '  CreateObject("WScript.Shell").Run "calc.exe"', '  On Error GoTo 0', '  Result.Value = 3 : Result.Message = "later"', 'End Sub'),
    });
    const text = formatReport(report, '/out');
    assert.match(text, /^Outcome   TEMPFAIL  453 later$/m);
    assert.match(text, /^ {2}\d+\. OnHELO: skipped \(not in this hMailServer version\)$/m);
    assert.match(text, /^ {2}\d+\. OnClientConnect: skipped \(no handler in the script\)$/m);
    assert.match(text, /^ {2}\d+\. OnAcceptMessage: Result\.Value = 3, Message = "later"$/m);
    assert.match(text, /^ {2}DENIED exec calc\.exe \(.*\) {2}\[OnAcceptMessage\]$/m);
    assert.match(text, /^Output    \/out\n$/m);
  });

  test('a script that failed to load: every event says so, and the error is listed', async () => {
    const { report } = await simulate({ script: vbs('x = 1 / 0', 'Sub OnAcceptMessage(oClient, oMessage) : End Sub') });
    const text = formatReport(report, '/out');
    assert.match(text, /^ {2}1\. OnClientConnect: skipped \(the script failed to load\)$/m);
    assert.match(text, /^Script errors \(1\)\n {2}Script Error: .*Division by zero - Line: 1 /m);
    assert.match(text, /^Outcome   ACCEPTED  250 Queued/m);
  });

  test('deliveries and failures are listed with the attempt on delivery events', async () => {
    const { report } = await simulate({
      script: vbs('Sub OnDeliveryStart(oMessage) : End Sub'),
      scenario: {
        session: { rcptTo: ['bob@example.com', 'dave@remote.test'], auth: { username: 'bob@example.com', password: 'secret' } },
        delivery: { remote: { 'dave@remote.test': '550 gone' } },
      },
    });
    const text = formatReport(report, '/out');
    assert.match(text, /^ {2}\d+\. OnDeliveryStart \(attempt 1\): Result\.Value = 0$/m);
    assert.match(text, /^Delivery\n {2}delivered {2}bob@example\.com\n {2}failed {5}dave@remote\.test: 550 gone$/m);
  });
});
