/** Log paths that may hold personal data or secrets; pino replaces them with [redacted]. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers["x-access-code"]',
  'req.headers.cookie',
  '*.password',
  '*.passwordHash',
  '*.accessCode',
  '*.accessToken',
  '*.iin',
  '*.phone',
  '*.email',
  '*.toAccount',
  '*.cardNumber',
  '*.value',
  'reporter',
  '*.reporter',
  'body',
  '*.body',
  '*.token',
  '*.secret',
  // Database errors carry the statement's values and the offending key ("Key (x)=(...)").
  '*.parameters',
  '*.driverError.parameters',
  '*.driverError.detail',
  'err.detail',
];

/**
 * The URL without query values (`/api/v1/identifiers?value=[redacted]`): staff look-ups put
 * phones and card numbers in the query string.
 */
export function redactQueryString(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const names = url
    .slice(at + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => `${pair.split('=')[0]}=[redacted]`);
  return `${url.slice(0, at)}?${names.join('&')}`;
}
