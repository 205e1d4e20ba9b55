import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { newRun, run } from './helpers.js';

describe('HTTP objects', () => {
  test('MSXML2.XMLHTTP (and its versioned ProgID) answered from mocks.http (P1 GeoIP lookup)', () => {
    const sim = newRun({
      http: [
        { method: 'GET', url: 'http://ip-api.com/json/203.0.113.9*', status: 200, body: '{"countryCode":"XX"}', headers: { 'Content-Type': 'application/json' } },
        { url: 'http://ip-api.com/*', status: 429, body: 'slow down' },
      ],
    });
    const out = run(sim, `
      Set x = CreateObject("Msxml2.XMLHTTP.3.0")
      Echo TypeName(x), x.readyState
      x.open "GET", "http://ip-api.com/json/203.0.113.9?fields=countryCode", False
      Echo x.readyState
      x.setRequestHeader "User-Agent", "hMailServer"
      x.send
      Echo x.readyState, x.status, x.statusText, x.responseText
      Echo x.getResponseHeader("content-type"), "[" & x.getResponseHeader("X-None") & "]"
      Echo Replace(x.getAllResponseHeaders, vbCrLf, "|")
      Echo UBound(x.responseBody) + 1, TypeName(x.responseBody(0))
      x.open "POST", "http://ip-api.com/batch", False
      x.send "[1,2]"
      Echo x.status, x.statusText, x.responseText`);
    assert.deepEqual(out, [
      'IXMLHTTPRequest 0',
      '1',
      '4 200 OK {"countryCode":"XX"}',
      'application/json []',
      'Content-Type: application/json||',
      '20 Byte',
      '429 Too Many Requests slow down',
    ]);
    assert.deepEqual(sim.recorder.effects, [
      { kind: 'http', target: 'GET http://ip-api.com/json/203.0.113.9?fields=countryCode', allowed: true, detail: 'status 200 (mocked)' },
      { kind: 'http', target: 'POST http://ip-api.com/batch', allowed: true, detail: 'status 429 (mocked); body "[1,2]"' },
    ]);
  });

  test('the method must match when a rule names one', () => {
    const sim = newRun({ http: [{ method: 'POST', url: '*', status: 201 }, { url: '*', status: 200 }] });
    const out = run(sim, `
      Set x = CreateObject("Microsoft.XMLHTTP")
      x.open "GET", "https://a.test/", False : x.send : Echo x.status
      x.open "post", "https://a.test/", False : x.send "" : Echo x.status`);
    assert.deepEqual(out, ['200', '201']);
  });

  test('no matching rule: the error of an unreachable host, naming the URL; recorded as denied', () => {
    const sim = newRun({ http: [{ url: 'https://other.test/*' }] });
    const out = run(sim, `
      On Error Resume Next
      Set x = CreateObject("MSXML2.XMLHTTP")
      x.open "GET", "https://api.abuseipdb.com/api/v2/check?ip=1.2.3.4", False
      x.send
      Echo Hex(Err.Number), Err.Source
      Echo Err.Description
      Err.Clear
      s = x.status
      Echo Hex(Err.Number), Err.Description
      Err.Clear
      Set w = CreateObject("WinHttp.WinHttpRequest.5.1")
      w.Open "GET", "http://unmocked.test/", False
      w.Send
      Echo Hex(Err.Number), InStr(Err.Description, "no mocks.http rule matched GET http://unmocked.test/") > 0
      Err.Clear
      Set s2 = CreateObject("MSXML2.ServerXMLHTTP.6.0")
      s2.open "GET", "http://unmocked.test/", False
      s2.send
      Echo Hex(Err.Number)`);
    assert.deepEqual(out, [
      '800C0005 MSXML2.XMLHTTP',
      'The system cannot locate the resource specified. (hmailsim: no mocks.http rule matched GET https://api.abuseipdb.com/api/v2/check?ip=1.2.3.4; the simulator never connects to the network)',
      '8000000A The data necessary to complete this operation is not yet available.',
      '80072EE7 True',
      '80072EE7',
    ]);
    const effects = sim.recorder.effects.filter((e) => e.kind === 'http');
    assert.deepEqual(effects.map((e) => e.allowed), [false, false, false]);
    assert.match(effects[0].detail!, /no mocks\.http rule matched; no connection made/);
  });

  test('WinHttp.WinHttpRequest.5.1: its members, Option, SetTimeouts, WaitForResponse, header errors', () => {
    const sim = newRun({ http: [{ url: 'https://api.test/*', status: 200, body: 'ok', headers: { 'X-Rate': '10' } }] });
    const out = run(sim, `
      Set w = CreateObject("WinHttp.WinHttpRequest.5.1")
      Echo TypeName(w)
      w.SetTimeouts 1000, 1000, 1000, 1000
      w.Option(6) = False
      Echo w.Option(6), Left(w.Option(0), 11)
      w.Open "GET", "https://api.test/v1", False
      w.SetRequestHeader "Key", "secret"
      w.Send
      Echo w.WaitForResponse(5), w.Status, w.StatusText, w.ResponseText, w.GetResponseHeader("x-rate")
      On Error Resume Next
      h = w.GetResponseHeader("Missing")
      Echo Hex(Err.Number)
      Err.Clear
      Echo w.readyState
      Echo Err.Number`);
    assert.deepEqual(out, ['IWinHttpRequest', 'False Mozilla/4.0', 'True 200 OK ok 10', '80072F76', '438']);
  });

  test('MSXML2.ServerXMLHTTP: setTimeouts, waitForResponse, setOption/getOption', () => {
    const sim = newRun({ http: [{ url: '*', body: 'pong' }] });
    const out = run(sim, `
      Set s = CreateObject("MSXML2.ServerXMLHTTP")
      Echo TypeName(s)
      s.setTimeouts 5000, 5000, 10000, 10000
      s.setOption 2, 13056
      s.open "GET", "https://x.test/ping", True
      s.send
      Echo s.waitForResponse(3), s.readyState, s.status, s.responseText, s.getOption(2)`);
    assert.deepEqual(out, ['IServerXMLHTTPRequest2', 'True 4 200 pong 13056']);
  });

  test('no real network: a local server sees no connection, mocked or not', async () => {
    let connections = 0;
    const server = http.createServer((_req, res) => res.end('REAL'));
    server.on('connection', () => connections++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const sim = newRun({ http: [{ url: `http://127.0.0.1:${port}/mocked`, body: 'MOCK' }] });
      const out = run(sim, `
        Set x = CreateObject("MSXML2.XMLHTTP")
        x.open "GET", "http://127.0.0.1:${port}/mocked", False
        x.send
        Echo x.responseText
        On Error Resume Next
        x.open "GET", "http://127.0.0.1:${port}/unmocked", False
        x.send
        Echo Err.Number <> 0
        Set w = CreateObject("WinHttp.WinHttpRequest.5.1")
        w.Open "POST", "http://localhost:${port}/", False
        w.Send "data"
        Echo Err.Number <> 0`);
      assert.deepEqual(out, ['MOCK', 'True', 'True']);
      // Give any (wrongly) started asynchronous connection time to arrive.
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(connections, 0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
