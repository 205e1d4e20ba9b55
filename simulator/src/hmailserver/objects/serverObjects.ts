/**
 * # The server-side object model (everything but the Message family)
 *
 * What the pipeline calls per firing (`server` is the run's `SimulatedServer`, see `../server`):
 *
 * ```ts
 * const client = makeClient(ctx, { ipAddress, port, username, helo, authenticated, sessionId }, 'OnHELO');
 * const result = makeResult(ctx, 'OnHELO');            // undefined where the event has no Result
 * const eventLog = makeEventLog(ctx, server);          // `server.eventLog` collects the lines
 * engine.addObject('Result', result, { globalMembers: true });
 * …                                                     // run the handler
 * resolveResult('OnHELO', result.value, result.message, result.parameter);
 * makeAccount(ctx, server, row);                        // HMAILSERVER_ACCOUNT (OnClientValidatePassword)
 * makeFetchAccount(ctx, { Name: 'Gmail' });             // HMAILSERVER_FETCHACCOUNT
 * for (const [progId, make] of Object.entries(hmailserverProgIds)) engine.progIds.register(progId, () => make(ctx, server));
 * ```
 */
export { makeClient, clientFieldsFor, ClientObject, type ClientInfo } from './client';
export { makeResult, ResultObject } from './result';
export { makeEventLog, EventLogObject } from './eventLog';
export { makeAccount, AccountObject } from './account';
export { makeFetchAccount, FetchAccountObject, type FetchAccountInfo } from './fetchAccount';
export { makeApplication, ApplicationObject } from './application';
export { makeUtilities, UtilitiesObject } from './utilities';
export { Authentication } from './authentication';
export { hmailserverProgIds, type HMailServerFactory } from './progIds';
export { ACCESS_DENIED_TEXT, HMAILSERVER_COM_ERROR, HMAILSERVER_COM_SOURCE } from './members';
export { findSqlMock, sqlPatternMatches } from './database';
export { SERVER_OBJECT_IMPLEMENTATIONS, coverageOf, formatCoverage, isSimulated, type InterfaceCoverage } from './coverage';
