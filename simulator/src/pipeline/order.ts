/**
 * The order in which hMailServer does things (reference §4). This file is the one place
 * that states it: the session and delivery code run these steps in this order, each step
 * implemented once in `session.ts` / `delivery.ts`.
 */

/** One inbound SMTP session (§4.1). The client gives up (QUIT) after the first 4xx/5xx to EHLO, MAIL FROM, DATA or end of data. */
export const SMTP_SESSION = [
  /** TCP accept → OnClientConnect (Value 1 closes the socket: no banner, no reply). */
  'connect',
  /** 220 banner (after the TLS handshake on implicit-TLS ports). */
  'banner',
  /** EHLO → OnHELO (5.7, RvdH). */
  'ehlo',
  /** STARTTLS → 220 → EHLO again → OnHELO again. */
  'starttls',
  /** AUTH → OnClientValidatePassword (5.7) → OnClientLogon (5.7, RvdH) → 235 / 535. */
  'auth',
  /** MAIL FROM → 250. */
  'mailFrom',
  /** RCPT TO, each: unknown local user → 550 Unknown user → OnRecipientUnknown; relay rules (530). */
  'rcptTo',
  /** DATA → OnSMTPData (envelope only) → 354. */
  'data',
  /** The message and "." → OnAcceptMessage (the whole file) → 250 Queued. */
  'endOfData',
  /** QUIT → 221. */
  'quit',
] as const;

export type SessionStep = (typeof SMTP_SESSION)[number];

/**
 * One delivery attempt of a queued message (§4.2). OnDeliveryStart and OnDeliverMessage fire
 * again on every retry; OnDeliveryFailed fires once per failed recipient, also after a delete.
 */
export const DELIVERY_ATTEMPT = [
  /** OnDeliveryStart (Value 1 deletes the message). */
  'deliveryStart',
  /** Global rules, including "Run function" actions. */
  'globalRules',
  /** OnDeliverMessage (Value 1 deletes the message). */
  'deliverMessage',
  /** Local accounts: account rules, then the mailbox. */
  'localDelivery',
  /** Remote recipients: 2xx delivered, 5xx failed at once, 4xx retried. */
  'remoteDelivery',
] as const;

export type DeliveryStep = (typeof DELIVERY_ATTEMPT)[number];

/**
 * A whole run: the SMTP session, then delivery of everything queued (the message, bounces,
 * messages scripts created), then the scenario's `fire` list in its order.
 */
export const RUN_PHASES = ['session', 'delivery', 'fire'] as const;

export type RunPhase = (typeof RUN_PHASES)[number];
