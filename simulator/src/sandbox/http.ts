/**
 * The HTTP clients scripts use: MSXML2.XMLHTTP / Microsoft.XMLHTTP (IXMLHTTPRequest),
 * MSXML2.ServerXMLHTTP (IServerXMLHTTPRequest2) and WinHttp.WinHttpRequest.5.1
 * (IWinHttpRequest). One request core; three member tables with each family's spelling and
 * extras. Nothing here opens a socket: `send` answers from `mocks.http` (first rule matching
 * the method and the `*` URL pattern wins) and records the request. Without a matching rule
 * `send` fails the way a request to an unreachable host fails, with a description that names
 * the URL and says that no mock matched.
 */
import { raise, RuntimeError } from '../runtime/errors.js';
import { ComObject, HostError, MemberTable, type MemberDefinition } from '../runtime/objects/comObject.js';
import { toLong, toStr } from '../runtime/values/coerce.js';
import { isVbsObject, makeLong, type Value } from '../runtime/values/variant.js';
import { VbsArray } from '../runtime/values/array.js';
import type { HttpMock } from '../scenario/types.js';
import { given, method, prop } from './args.js';
import type { SimulationContext } from './context.js';
import { recordEffect } from './recorder.js';
import { byteArray, jsonToValue } from './values.js';
import { firstMatch } from './wildcard.js';

type Family = 'xmlhttp' | 'serverxmlhttp' | 'winhttp';

const E_FAIL = 0x80004005;
/** E_PENDING: MSXML's answer for reading the response before it arrived. */
const E_PENDING = 0x8000000a;
/** INET_E_RESOURCE_NOT_FOUND: what XMLHTTP (WinINet) raises when the host cannot be reached. */
const INET_E_RESOURCE_NOT_FOUND = 0x800c0005;
/** WinHTTP error 12007, "name not resolved" — ServerXMLHTTP and WinHttpRequest. */
const WINHTTP_NAME_NOT_RESOLVED = 0x80072ee7;
/** WinHTTP error 12019, a call in the wrong state (e.g. Status before Send). */
const WINHTTP_INCORRECT_HANDLE_STATE = 0x80072ef3;
/** WinHTTP error 12150, a response header that is not there. */
const WINHTTP_HEADER_NOT_FOUND = 0x80072f76;

const REASONS: Record<number, string> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified',
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 408: 'Request Timeout',
  409: 'Conflict', 429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

interface Response {
  status: number;
  body: string;
  headers: Array<[string, string]>;
}

export class HttpRequest extends ComObject {
  private verb = '';
  private url = '';
  private opened = false;
  private response: Response | undefined;
  readonly requestHeaders: Array<[string, string]> = [];
  readonly options = new Map<number, Value>();
  readyState = 0;

  constructor(
    readonly ctx: SimulationContext,
    readonly family: Family,
    readonly progId: string,
  ) {
    super(family === 'xmlhttp' ? xmlHttpTable : family === 'serverxmlhttp' ? serverXmlHttpTable : winHttpTable, family === 'xmlhttp' ? 'IXMLHTTPRequest' : family === 'serverxmlhttp' ? 'IServerXMLHTTPRequest2' : 'IWinHttpRequest');
  }

  open(verb: string, url: string): void {
    this.verb = verb.toUpperCase();
    this.url = url;
    this.opened = true;
    this.response = undefined;
    this.requestHeaders.length = 0;
    this.readyState = 1;
  }

  setRequestHeader(name: string, value: string): void {
    if (!this.opened) this.wrongState();
    this.requestHeaders.push([name, value]);
  }

  send(body: Value): void {
    if (!this.opened) this.wrongState();
    const target = `${this.verb} ${this.url}`;
    const rule = firstMatch<HttpMock>(this.ctx.mocks.http, this.url, (r) => r.url, (r) => !r.method || r.method.toUpperCase() === this.verb);
    const sent = body === undefined || isVbsObject(body) ? '' : body instanceof VbsArray ? `${body.data.length} bytes` : JSON.stringify(toStr(body));
    if (!rule) {
      recordEffect(this.ctx, 'http', target, false, `no mocks.http rule matched; no connection made${sent ? `; body ${sent}` : ''}`);
      const [code, text] = this.family === 'xmlhttp' ? [INET_E_RESOURCE_NOT_FOUND, 'The system cannot locate the resource specified.'] : [WINHTTP_NAME_NOT_RESOLVED, 'The server name or address could not be resolved'];
      throw new HostError(code, `${text} (hmailsim: no mocks.http rule matched ${target}; the simulator never connects to the network)`, this.progId);
    }
    const status = rule.status ?? 200;
    this.response = { status, body: rule.body ?? '', headers: Object.entries(rule.headers ?? {}) };
    this.readyState = 4;
    recordEffect(this.ctx, 'http', target, true, `status ${status} (mocked)${sent ? `; body ${sent}` : ''}`);
  }

  private wrongState(): never {
    throw this.family === 'winhttp'
      ? new HostError(WINHTTP_INCORRECT_HANDLE_STATE, 'The requested operation cannot be carried out because the handle supplied is not in the correct state.', this.progId)
      : new HostError(E_FAIL, 'Unspecified error', this.progId);
  }

  /** The response; reading it before `send` completed is an error in every family. */
  get done(): Response {
    if (this.response) return this.response;
    throw this.family === 'winhttp'
      ? new HostError(WINHTTP_INCORRECT_HANDLE_STATE, 'The requested operation cannot be carried out because the handle supplied is not in the correct state.', this.progId)
      : new HostError(E_PENDING, 'The data necessary to complete this operation is not yet available.', this.progId);
  }

  header(name: string): string {
    const hits = this.done.headers.filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, v]) => v);
    if (hits.length === 0 && this.family === 'winhttp') throw new HostError(WINHTTP_HEADER_NOT_FOUND, 'The requested header was not found', this.progId);
    return hits.join(', ');
  }

  allHeaders(): string {
    return this.done.headers.map(([n, v]) => `${n}: ${v}\r\n`).join('') + (this.done.headers.length ? '\r\n' : '');
  }

  abort(): void {
    this.response = undefined;
    this.opened = false;
    this.readyState = 0;
  }
}

const none = (): Value => undefined;

/** The members every family has, keyed by the casing each family documents. */
function common(names: { open: string; send: string; setRequestHeader: string; getResponseHeader: string; getAllResponseHeaders: string; status: string; statusText: string; responseText: string; responseBody: string; abort: string }) {
  const members: Record<string, MemberDefinition<HttpRequest>> = {
    [names.open]: method(names.open, 2, 5, (r, a) => {
      // `async` (a[2]) changes nothing: the simulated response is complete when send returns.
      r.open(toStr(a[0]), toStr(a[1]));
      return none();
    }),
    [names.send]: method(names.send, 0, 1, (r, a) => {
      r.send(given(a, 0) ? a[0] : undefined);
      return none();
    }),
    [names.setRequestHeader]: method(names.setRequestHeader, 2, 2, (r, a) => {
      r.setRequestHeader(toStr(a[0]), toStr(a[1]));
      return none();
    }),
    [names.getResponseHeader]: method(names.getResponseHeader, 1, 1, (r, a) => r.header(toStr(a[0])), true),
    [names.getAllResponseHeaders]: method(names.getAllResponseHeaders, 0, 0, (r) => r.allHeaders(), true),
    [names.status]: prop(names.status, (r) => makeLong(r.done.status)),
    [names.statusText]: prop(names.statusText, (r) => REASONS[r.done.status] ?? ''),
    [names.responseText]: prop(names.responseText, (r) => r.done.body),
    [names.responseBody]: prop(names.responseBody, (r) => byteArray(Buffer.from(r.done.body, 'utf8'))),
    [names.abort]: method(names.abort, 0, 0, (r) => {
      r.abort();
      return none();
    }),
  };
  return members;
}

const msxmlNames = {
  open: 'open', send: 'send', setRequestHeader: 'setRequestHeader', getResponseHeader: 'getResponseHeader', getAllResponseHeaders: 'getAllResponseHeaders',
  status: 'status', statusText: 'statusText', responseText: 'responseText', responseBody: 'responseBody', abort: 'abort',
};

const xmlHttpTable = new MemberTable<HttpRequest>({
  ...common(msxmlNames),
  readyState: prop('readyState', (r) => makeLong(r.readyState)),
});

const serverXmlHttpTable = new MemberTable<HttpRequest>({
  ...common(msxmlNames),
  readyState: prop('readyState', (r) => makeLong(r.readyState)),
  setTimeouts: method('setTimeouts', 4, 4, none),
  // The response is complete once send returned; before send, reading it raises as MSXML does.
  waitForResponse: method('waitForResponse', 0, 1, (r) => r.done !== undefined),
  getOption: method('getOption', 1, 1, (r, a) => r.options.get(toLong(a[0])) ?? undefined, true),
  setOption: method('setOption', 2, 2, (r, a) => {
    r.options.set(toLong(a[0]), a[1]);
    return none();
  }),
  setProxy: method('setProxy', 1, 3, none),
  setProxyCredentials: method('setProxyCredentials', 2, 2, none),
});

const winHttpTable = new MemberTable<HttpRequest>({
  ...common({
    open: 'Open', send: 'Send', setRequestHeader: 'SetRequestHeader', getResponseHeader: 'GetResponseHeader', getAllResponseHeaders: 'GetAllResponseHeaders',
    status: 'Status', statusText: 'StatusText', responseText: 'ResponseText', responseBody: 'ResponseBody', abort: 'Abort',
  }),
  SetTimeouts: method('SetTimeouts', 4, 4, none),
  WaitForResponse: method('WaitForResponse', 0, 1, (r) => r.done !== undefined),
  Option: {
    get: (r, a) => {
      if (a.length !== 1) raise(RuntimeError.WrongNumberOfArguments, 'Option');
      return r.options.get(toLong(a[0])) ?? jsonToValue(WINHTTP_OPTION_DEFAULTS[toLong(a[0])]);
    },
    set: (r, a, v) => {
      if (a.length !== 1) raise(RuntimeError.WrongNumberOfArguments, 'Option');
      r.options.set(toLong(a[0]), v);
    },
    pure: true,
  },
  SetProxy: method('SetProxy', 1, 3, none),
  SetCredentials: method('SetCredentials', 3, 3, none),
  SetClientCertificate: method('SetClientCertificate', 1, 1, none),
  SetAutoLogonPolicy: method('SetAutoLogonPolicy', 1, 1, none),
});

/** WinHttpRequestOption defaults a script may read back: 0 user agent, 1 URL, 6 redirects enabled, 12 URL escaping. */
const WINHTTP_OPTION_DEFAULTS: Record<number, unknown> = {
  0: 'Mozilla/4.0 (compatible; Win32; WinHttp.WinHttpRequest.5)',
  6: true,
  12: true,
};

export function createXmlHttp(ctx: SimulationContext, progId = 'MSXML2.XMLHTTP'): HttpRequest {
  return new HttpRequest(ctx, 'xmlhttp', progId);
}

export function createServerXmlHttp(ctx: SimulationContext): HttpRequest {
  return new HttpRequest(ctx, 'serverxmlhttp', 'MSXML2.ServerXMLHTTP');
}

export function createWinHttpRequest(ctx: SimulationContext): HttpRequest {
  return new HttpRequest(ctx, 'winhttp', 'WinHttp.WinHttpRequest.5.1');
}
