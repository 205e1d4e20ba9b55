/**
 * # hmailserver/server — the simulated server state and the server's own decisions
 *
 * Built from a scenario's `server` section on top of a fresh installation (`defaults.ts`):
 *
 * ```ts
 * const server = createSimulatedServer(scenario.server, { startTime: '2026-11-24 09:00:00' });
 * decideRecipient(server.state, { clientIp, authenticated, mailFrom, recipient });  // RCPT TO
 * connectionAllowed(server.state, ip, 'SMTP');           // IP range check before OnClientConnect
 * validatePassword(server.state, user, pwd, server.passwordHook);                   // AUTH
 * encodeEventLogFile(server.eventLog.entries);           // hmailserver_events.log bytes
 * ```
 */
export * from './types';
export * from './defaults';
export * from './state';
export * from './recipients';
export * from './relay';
export * from './passwords';
export * from './eventLog';
export * from './clock';
export * from './simulatedServer';
