/**
 * Why a send did not complete. `definite`: the message was certainly not accepted (an SMTP
 * 4xx/5xx reply, no connection, a gateway non-2xx), so it may be sent again. Otherwise the
 * outcome is unknown (a timeout or a dropped connection mid-send): it may have arrived, so the
 * notice is never sent again automatically (docs/notices.md, "At most once").
 * `reason` is a code and a status only, never an address or a reply text: it is stored and shown.
 */
export class SendFailure extends Error {
  override name = 'SendFailure';

  constructor(
    readonly reason: string,
    readonly definite: boolean,
  ) {
    super(reason);
  }
}

/** System error codes that mean no connection was made, so nothing was sent. */
const NO_CONNECTION = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
]);

export function isNoConnectionCode(code: unknown): boolean {
  return typeof code === 'string' && NO_CONNECTION.has(code);
}

/** Timeouts of nodemailer's phases before any message byte is written. */
const SETUP_TIMEOUTS = new Set(['CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT']);

interface NodemailerErrorFields {
  code?: unknown;
  command?: unknown;
  originalCode?: unknown;
  responseCode?: unknown;
  timeoutType?: unknown;
}

/** Classifies a nodemailer error (see SendFailure). */
export function smtpFailure(err: unknown): SendFailure {
  const e = (typeof err === 'object' && err !== null ? err : {}) as NodemailerErrorFields;
  if (typeof e.responseCode === 'number' && e.responseCode >= 400) {
    return new SendFailure(`smtp ${e.responseCode}`, true);
  }
  const code = typeof e.code === 'string' ? e.code : 'unknown';
  if (code === 'EDNS' || isNoConnectionCode(e.originalCode) || isNoConnectionCode(e.code)) {
    return new SendFailure(
      `smtp ${code}${e.originalCode ? `/${String(e.originalCode)}` : ''}`,
      true,
    );
  }
  // Refused by nodemailer itself (a malformed address or message) before talking to the server.
  if (e.command === 'API' && (code === 'EENVELOPE' || code === 'EMESSAGE')) {
    return new SendFailure(`smtp ${code}`, true);
  }
  if (
    code === 'ETIMEDOUT' &&
    typeof e.timeoutType === 'string' &&
    SETUP_TIMEOUTS.has(e.timeoutType)
  ) {
    return new SendFailure(`smtp ${e.timeoutType.toLowerCase()}`, true);
  }
  return new SendFailure(`smtp ${code}`, false);
}
