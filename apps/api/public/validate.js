/*
 * FraudValidate — client-side validation for the citizen report form.
 *
 * Pure functions only (no DOM access), so the same file runs in the browser
 * (as the global `FraudValidate`) and in Node (`require('./validate.js')`).
 *
 * The rules mirror the server contract for POST /api/v1/reports
 * (see the summary comment at the bottom of this file). Error objects are
 * `{ field, code, params }`; `code` is translated by i18n.js ("err.<code>").
 */
/* eslint-disable */
var FraudValidate = (function () {
  'use strict';

  var REGIONS = [
    'astana',
    'almaty_city',
    'shymkent',
    'abai',
    'akmola',
    'aktobe',
    'almaty_region',
    'atyrau',
    'east_kazakhstan',
    'jambyl',
    'jetisu',
    'karaganda',
    'kostanay',
    'kyzylorda',
    'mangystau',
    'north_kazakhstan',
    'pavlodar',
    'turkistan',
    'ulytau',
    'west_kazakhstan',
  ];
  var LANGUAGES = ['kk', 'ru', 'en'];
  var AGE_GROUPS = ['minor', 'adult', 'senior'];
  var FRAUD_TYPES = [
    'online_purchase',
    'phishing',
    'investment_scam',
    'fake_loan',
    'impersonation',
    'romance',
    'job_offer',
    'rental',
    'prize_lottery',
    'other',
  ];
  var CHANNELS = [
    'phone_call',
    'sms',
    'messenger',
    'social_media',
    'website',
    'marketplace',
    'email',
    'other',
  ];
  var NOTIFY_CHOICES = ['email', 'sms', 'both', 'none'];
  var PAYMENT_METHODS = ['bank_transfer', 'card', 'mobile_transfer', 'crypto', 'cash', 'other'];
  var SUSPECT_TYPES = [
    'phone',
    'card',
    'iban',
    'url',
    'messenger',
    'email',
    'crypto_wallet',
    'social_profile',
  ];

  var LIMITS = {
    fullNameMin: 2,
    fullNameMax: 200,
    emailMax: 254,
    descriptionMin: 20,
    descriptionMax: 5000,
    bankMax: 200,
    lenderMax: 200,
    contractNumberMax: 100,
    suspectValueMax: 500,
    urlMax: 500, // the API caps every suspect value at 500
    statementMin: 1,
    statementMax: 5000,
    maxTransactions: 50,
    maxSuspects: 50,
    amountMax: '1000000000000.00',
    earliestYear: 1990,
    evidenceMaxBytes: 10 * 1024 * 1024,
  };

  var EVIDENCE_MIME_TYPES = [
    'image/jpeg',
    'image/png',
    'image/gif',
    'image/webp',
    'image/heic',
    'image/heif',
    'application/pdf',
  ];
  var EVIDENCE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'gif', 'webp', 'heic', 'heif', 'pdf'];

  // ---------------------------------------------------------------- helpers

  function isString(v) {
    return typeof v === 'string';
  }

  /** Length in Unicode code points (an emoji counts as one character). */
  function charLength(s) {
    return Array.from(String(s)).length;
  }

  function isBlank(v) {
    return v === undefined || v === null || (isString(v) && v.trim() === '');
  }

  function oneOf(list, v) {
    return isString(v) && list.indexOf(v) !== -1;
  }

  function digitsOnly(s) {
    return /^\d+$/.test(s);
  }

  // -------------------------------------------------------------------- IIN

  /**
   * Kazakh IIN: 12 digits; control digit = sum(d[i] * (i+1)) mod 11 over the
   * first 11 digits; if that is 10, use weights 3,4,5,6,7,8,9,10,11,1,2; if it
   * is 10 again the IIN is invalid. The result must equal the 12th digit.
   */
  function iinControlDigit(first11) {
    var d = String(first11);
    if (!/^\d{11}$/.test(d)) return null;
    var w2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];
    var sum = 0;
    var i;
    for (i = 0; i < 11; i++) sum += Number(d[i]) * (i + 1);
    var c = sum % 11;
    if (c === 10) {
      sum = 0;
      for (i = 0; i < 11; i++) sum += Number(d[i]) * w2[i];
      c = sum % 11;
      if (c === 10) return null;
    }
    return c;
  }

  function isValidIin(value) {
    if (!isString(value) || !/^\d{12}$/.test(value)) return false;
    var c = iinControlDigit(value.slice(0, 11));
    return c !== null && c === Number(value[11]);
  }

  // ------------------------------------------------------------------ phone

  /**
   * Normalises a Kazakhstan phone number to E.164 (+7XXXXXXXXXX), or returns
   * null. Spaces, tabs, '(', ')', '-' and '.' are ignored; then the number must
   * be one of: +7XXXXXXXXXX, 8XXXXXXXXXX, 7XXXXXXXXXX (11 digits) or a bare
   * 10-digit number starting with 7 (7XXXXXXXXX, e.g. '701 123 45 67').
   * Examples: '8 701 123 45 67', '+7 (701) 123-45-67', '87011234567'.
   */
  function normalizePhone(value) {
    if (!isString(value)) return null;
    var s = value.replace(/[\s().\-]/g, '');
    var m = /^(?:\+7|8|7)([67]\d{9})$/.exec(s) || /^([67]\d{9})$/.exec(s);
    return m ? '+7' + m[1] : null;
  }

  function isValidPhone(value) {
    return normalizePhone(value) !== null;
  }

  // ------------------------------------------------------------------ email

  var EMAIL_RE =
    /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

  function isValidEmail(value) {
    if (!isString(value) || value.length > LIMITS.emailMax) return false;
    if (!EMAIL_RE.test(value)) return false;
    var local = value.slice(0, value.lastIndexOf('@'));
    return (
      local.length <= 64 &&
      local[0] !== '.' &&
      local[local.length - 1] !== '.' &&
      local.indexOf('..') === -1
    );
  }

  // ----------------------------------------------------------------- amount

  var AMOUNT_RE = /^(0|[1-9]\d*)(?:\.(\d{1,2}))?$/;

  /**
   * Turns what a person typed into the canonical decimal string the API wants:
   * removes spaces (incl. no-break and thin spaces) and the apostrophe used as a
   * group separator; a single comma followed by 1–2 digits is a decimal comma
   * ("12 500,50" -> "12500.50"); a comma with a dot ("1,500.50") is a group
   * separator. Anything else is returned unchanged (and then fails validation).
   * Never converts to a floating-point number.
   */
  function normalizeAmountInput(value) {
    if (!isString(value)) return value;
    var s = value.replace(/[\s\u00a0\u2009\u202f']/g, '');
    if (s.indexOf(',') !== -1) {
      if (s.indexOf('.') !== -1) {
        if (/^\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(s)) s = s.replace(/,/g, '');
      } else if (/^\d+,\d{1,2}$/.test(s)) {
        s = s.replace(',', '.');
      }
    }
    return s;
  }

  /** Compares two canonical amount strings without floating point: -1, 0, 1. */
  function compareAmounts(a, b) {
    var ma = AMOUNT_RE.exec(a);
    var mb = AMOUNT_RE.exec(b);
    if (!ma || !mb) throw new Error('not an amount');
    var ia = ma[1];
    var ib = mb[1];
    var width = Math.max(ia.length, ib.length);
    var ka = pad(ia, width) + ((ma[2] || '') + '00').slice(0, 2);
    var kb = pad(ib, width) + ((mb[2] || '') + '00').slice(0, 2);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  }

  function pad(s, width) {
    while (s.length < width) s = '0' + s;
    return s;
  }

  /** null when valid, otherwise 'amountFormat' | 'amountPositive' | 'amountMax'. */
  function amountError(value) {
    if (!isString(value) || !AMOUNT_RE.test(value)) return 'amountFormat';
    if (!/[1-9]/.test(value)) return 'amountPositive';
    if (compareAmounts(value, LIMITS.amountMax) > 0) return 'amountMax';
    return null;
  }

  function isValidAmount(value) {
    return amountError(value) === null;
  }

  /** "1234567.5" -> { integer: "1234567", fraction: "50" } (for display). */
  function splitAmount(value) {
    var m = AMOUNT_RE.exec(String(value));
    if (!m) return null;
    return { integer: m[1], fraction: ((m[2] || '') + '00').slice(0, 2) };
  }

  // ------------------------------------------------------------- date/time

  var ISO_RE =
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

  /** ISO 8601 date-time with seconds optional and a mandatory zone (Z or ±HH:MM). */
  function isIsoDateTime(value) {
    if (!isString(value)) return false;
    var m = ISO_RE.exec(value);
    if (!m) return false;
    var y = +m[1];
    var mo = +m[2];
    var d = +m[3];
    if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return false;
    if (+m[4] > 23 || +m[5] > 59 || (m[6] !== undefined && +m[6] > 59)) return false;
    if (m[8] !== undefined && (+m[8] > 23 || +m[9] > 59)) return false;
    return !isNaN(Date.parse(value));
  }

  function daysInMonth(y, m) {
    return [
      31,
      (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28,
      31,
      30,
      31,
      30,
      31,
      31,
      30,
      31,
      30,
      31,
    ][m - 1];
  }

  function offsetString(offsetMinutes) {
    var sign = offsetMinutes < 0 ? '-' : '+';
    var abs = Math.abs(offsetMinutes);
    return sign + pad(String(Math.floor(abs / 60)), 2) + ':' + pad(String(abs % 60), 2);
  }

  /**
   * '2024-05-01T14:30' (value of <input type="datetime-local">) ->
   * '2024-05-01T14:30:00+05:00'. offsetMinutes is east of UTC (Almaty: 300);
   * when omitted the browser's offset for that local moment is used.
   * Returns null for an empty or malformed value.
   */
  function localDateTimeToIso(value, offsetMinutes) {
    if (!isString(value)) return null;
    var m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value);
    if (!m) return null;
    if (offsetMinutes === undefined || offsetMinutes === null) {
      offsetMinutes = -new Date(
        +m[1],
        +m[2] - 1,
        +m[3],
        +m[4],
        +m[5],
        +(m[6] || 0),
      ).getTimezoneOffset();
    }
    var iso =
      m[1] +
      '-' +
      m[2] +
      '-' +
      m[3] +
      'T' +
      m[4] +
      ':' +
      m[5] +
      ':' +
      (m[6] || '00') +
      offsetString(offsetMinutes);
    return isIsoDateTime(iso) ? iso : null;
  }

  /** '2024-05-01' (value of <input type="date">) -> '2024-05-01T00:00:00+05:00'. */
  function localDateToIso(value, offsetMinutes) {
    if (!isString(value) || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
    return localDateTimeToIso(value + 'T00:00', offsetMinutes);
  }

  /** Current local time as a datetime-local / date input value (for `max`). */
  function toLocalInputValue(date, withTime) {
    var s =
      date.getFullYear() +
      '-' +
      pad(String(date.getMonth() + 1), 2) +
      '-' +
      pad(String(date.getDate()), 2);
    if (withTime)
      s += 'T' + pad(String(date.getHours()), 2) + ':' + pad(String(date.getMinutes()), 2);
    return s;
  }

  /** null when valid, else 'date' | 'future' | 'tooOld'. */
  function pastDateTimeError(value, now) {
    if (!isIsoDateTime(value)) return 'date';
    var t = Date.parse(value);
    var nowMs = now instanceof Date ? now.getTime() : typeof now === 'number' ? now : Date.now();
    if (t > nowMs) return 'future';
    if (t < Date.UTC(LIMITS.earliestYear, 0, 1) - 14 * 3600 * 1000) return 'tooOld';
    return null;
  }

  // ----------------------------------------------------- accounts, suspects

  function compact(value) {
    return String(value).replace(/[\s\-]/g, '');
  }

  function luhnOk(digits) {
    var sum = 0;
    var dbl = false;
    for (var i = digits.length - 1; i >= 0; i--) {
      var n = Number(digits[i]);
      if (dbl) {
        n *= 2;
        if (n > 9) n -= 9;
      }
      sum += n;
      dbl = !dbl;
    }
    return sum % 10 === 0;
  }

  /** Card number: 13–19 digits (spaces/hyphens ignored) passing the Luhn check. */
  function isValidCard(value) {
    if (!isString(value)) return false;
    var d = compact(value);
    return /^\d{13,19}$/.test(d) && luhnOk(d);
  }

  /** IBAN (any country; spaces ignored, case-insensitive) with a valid ISO 13616 mod-97 check. */
  function isValidIban(value) {
    if (!isString(value)) return false;
    var s = value.replace(/\s/g, '').toUpperCase();
    if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) return false;
    var r = s.slice(4) + s.slice(0, 4);
    var rem = 0;
    for (var i = 0; i < r.length; i++) {
      var ch = r.charCodeAt(i);
      var v = ch >= 65 ? String(ch - 55) : r[i];
      for (var j = 0; j < v.length; j++) rem = (rem * 10 + Number(v[j])) % 97;
    }
    return rem === 1;
  }

  /** 'iban' | 'card' | 'phone' | null for a transaction's toAccount. */
  function accountKind(value) {
    if (!isString(value)) return null;
    if (isValidIban(value)) return 'iban';
    if (isValidCard(value)) return 'card';
    if (isValidPhone(value)) return 'phone';
    return null;
  }

  /** http(s) URL or bare host ("example.com/path"); the host must contain a dot. */
  function isValidUrl(value) {
    if (!isString(value) || value.length > LIMITS.urlMax || /\s/.test(value)) return false;
    var s = /^[a-z][a-z0-9+.\-]*:/i.test(value) ? value : 'https://' + value;
    var u;
    try {
      u = new URL(s);
    } catch (e) {
      return false;
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
    var host = u.hostname;
    return host.indexOf('.') > 0 && host[host.length - 1] !== '.';
  }

  function isValidCryptoWallet(value) {
    return isString(value) && /^[A-Za-z0-9]{20,128}$/.test(value);
  }

  /** null when valid, else an error code for a suspect value of the given type. */
  function suspectValueError(type, value) {
    if (isBlank(value)) return 'required';
    var max = type === 'url' ? LIMITS.urlMax : LIMITS.suspectValueMax;
    if (charLength(value) > max) return 'tooLong';
    switch (type) {
      case 'phone':
        return isValidPhone(value) ? null : 'phone';
      case 'card':
        return isValidCard(value) ? null : 'card';
      case 'iban':
        return isValidIban(value) ? null : 'iban';
      case 'url':
        return isValidUrl(value) ? null : 'url';
      case 'email':
        return isValidEmail(value) ? null : 'email';
      case 'crypto_wallet':
        return isValidCryptoWallet(value) ? null : 'cryptoWallet';
      case 'messenger':
      case 'social_profile':
        return charLength(value) >= 2 ? null : 'length';
      default:
        return null;
    }
  }

  // --------------------------------------------------------- whole payload

  /** The field checks both payloads share; each adds `{ field, code, params }` to `errors`. */
  function checker(options) {
    var now = options && options.now !== undefined ? options.now : Date.now();
    var errors = [];
    function add(field, code, params) {
      errors.push({ field: field, code: code, params: params || {} });
    }
    function text(field, value, min, max, required) {
      if (isBlank(value)) {
        if (required) add(field, 'required');
        return;
      }
      if (!isString(value)) return add(field, 'required');
      var n = charLength(value);
      if (n < min || n > max) {
        if (min <= 1) add(field, 'tooLong', { max: max });
        else add(field, 'length', { min: min, max: max });
      }
    }
    function choice(field, list, value, required) {
      if (isBlank(value)) {
        if (required) add(field, 'required');
        return;
      }
      if (!oneOf(list, value)) add(field, 'oneOf');
    }
    function pastDate(field, value, required) {
      if (isBlank(value)) {
        if (required) add(field, 'required');
        return;
      }
      var code = pastDateTimeError(value, now);
      if (code) add(field, code, code === 'tooOld' ? { year: LIMITS.earliestYear } : {});
    }
    function amount(field, value, required) {
      if (isBlank(value)) {
        if (required) add(field, 'required');
        return;
      }
      var code = amountError(value);
      if (code) add(field, code);
    }
    return {
      errors: errors,
      add: add,
      text: text,
      choice: choice,
      pastDate: pastDate,
      amount: amount,
    };
  }

  /** transactions[] and suspects[]: the same rules in a report and in a statement. */
  function checkParts(c, payload) {
    var txs = payload.transactions || [];
    if (txs.length > LIMITS.maxTransactions)
      c.add('transactions', 'tooMany', { max: LIMITS.maxTransactions });
    txs.forEach(function (t, i) {
      var p = 'transactions[' + i + '].';
      t = t || {};
      c.pastDate(p + 'paidAt', t.paidAt, true);
      c.amount(p + 'amount', t.amount, true);
      c.choice(p + 'method', PAYMENT_METHODS, t.method, true);
      c.text(p + 'fromBank', t.fromBank, 1, LIMITS.bankMax, false);
      c.text(p + 'toBank', t.toBank, 1, LIMITS.bankMax, false);
      if (!isBlank(t.toAccount) && accountKind(t.toAccount) === null)
        c.add(p + 'toAccount', 'account');
    });

    var sus = payload.suspects || [];
    if (sus.length > LIMITS.maxSuspects) c.add('suspects', 'tooMany', { max: LIMITS.maxSuspects });
    sus.forEach(function (s, i) {
      var p = 'suspects[' + i + '].';
      s = s || {};
      c.choice(p + 'type', SUSPECT_TYPES, s.type, true);
      if (oneOf(SUSPECT_TYPES, s.type)) {
        var code = suspectValueError(s.type, s.value);
        if (code) {
          var params = {};
          if (code === 'tooLong')
            params.max = s.type === 'url' ? LIMITS.urlMax : LIMITS.suspectValueMax;
          if (code === 'length') params = { min: 2, max: LIMITS.suspectValueMax };
          c.add(p + 'value', code, params);
        }
      } else if (isBlank(s.value)) {
        c.add(p + 'value', 'required');
      }
    });
  }

  /**
   * Validates a report payload exactly as it will be sent (empty optional
   * fields already omitted, strings already trimmed). Returns a list of
   * `{ field, code, params }`; an empty list means valid.
   * options.now: Date or epoch ms used for "not in the future" (default: now).
   */
  function validateReport(payload, options) {
    var c = checker(options);
    var add = c.add;
    var text = c.text;
    var choice = c.choice;

    payload = payload || {};
    var r = payload.reporter || {};
    text('reporter.fullName', r.fullName, LIMITS.fullNameMin, LIMITS.fullNameMax, true);
    if (!isBlank(r.iin) && !isValidIin(r.iin)) add('reporter.iin', 'iin');
    if (isBlank(r.phone)) add('reporter.phone', 'required');
    else if (!isValidPhone(r.phone)) add('reporter.phone', 'phone');
    if (!isBlank(r.email) && !isValidEmail(r.email)) add('reporter.email', 'email');
    choice('reporter.region', REGIONS, r.region, true);
    choice('reporter.language', LANGUAGES, r.language, false);
    choice('reporter.ageGroup', AGE_GROUPS, r.ageGroup, false);
    choice('reporter.notify', NOTIFY_CHOICES, r.notify, false);
    // Notices by email need the address (the server answers 400 otherwise); SMS uses the phone.
    if ((r.notify === 'email' || r.notify === 'both') && isBlank(r.email)) {
      add('reporter.notify', 'notifyEmail');
    }

    var inc = payload.incident || {};
    choice('incident.fraudType', FRAUD_TYPES, inc.fraudType, true);
    choice('incident.channel', CHANNELS, inc.channel, true);
    c.pastDate('incident.occurredAt', inc.occurredAt, true);
    text(
      'incident.description',
      inc.description,
      LIMITS.descriptionMin,
      LIMITS.descriptionMax,
      true,
    );

    checkParts(c, payload);

    if (payload.loan !== undefined) {
      var l = payload.loan || {};
      if (inc.fraudType !== 'fake_loan') add('loan', 'loanNotAllowed');
      text('loan.lender', l.lender, 1, LIMITS.lenderMax, true);
      text('loan.contractNumber', l.contractNumber, 1, LIMITS.contractNumberMax, false);
      c.amount('loan.amount', l.amount, true);
      c.pastDate('loan.issuedAt', l.issuedAt, true);
    }

    if (payload.consent !== true) add('consent', 'consent');
    return c.errors;
  }

  /** Statement text only (kept for callers that send text alone). */
  function validateStatement(textValue) {
    return validateStatementPayload({ text: textValue });
  }

  /**
   * A statement body for POST /reports/{reference}/statements: optional text (≤ 5000),
   * transactions and suspects under the report's own rules, and at least one of the three.
   */
  function validateStatementPayload(payload, options) {
    var c = checker(options);
    payload = payload || {};
    var txs = payload.transactions || [];
    var sus = payload.suspects || [];
    if (isBlank(payload.text) && !txs.length && !sus.length) c.add('text', 'statementEmpty');
    else c.text('text', payload.text, 1, LIMITS.statementMax, false);
    checkParts(c, payload);
    return c.errors;
  }

  /** file: { name, size, type } (a File works). Returns null or an error code. */
  function evidenceFileError(file) {
    if (!file) return 'fileRequired';
    if (!(file.size > 0)) return 'fileEmpty';
    if (file.size > LIMITS.evidenceMaxBytes) return 'fileTooLarge';
    var type = String(file.type || '').toLowerCase();
    var name = String(file.name || '');
    var ext =
      name.lastIndexOf('.') !== -1 ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
    if (type) {
      if (EVIDENCE_MIME_TYPES.indexOf(type) === -1) return 'fileType';
    } else if (EVIDENCE_EXTENSIONS.indexOf(ext) === -1) {
      return 'fileType';
    }
    return null;
  }

  return {
    REGIONS: REGIONS,
    LANGUAGES: LANGUAGES,
    AGE_GROUPS: AGE_GROUPS,
    FRAUD_TYPES: FRAUD_TYPES,
    CHANNELS: CHANNELS,
    PAYMENT_METHODS: PAYMENT_METHODS,
    SUSPECT_TYPES: SUSPECT_TYPES,
    LIMITS: LIMITS,
    EVIDENCE_MIME_TYPES: EVIDENCE_MIME_TYPES,
    EVIDENCE_EXTENSIONS: EVIDENCE_EXTENSIONS,
    charLength: charLength,
    isBlank: isBlank,
    iinControlDigit: iinControlDigit,
    isValidIin: isValidIin,
    normalizePhone: normalizePhone,
    isValidPhone: isValidPhone,
    isValidEmail: isValidEmail,
    normalizeAmountInput: normalizeAmountInput,
    compareAmounts: compareAmounts,
    amountError: amountError,
    isValidAmount: isValidAmount,
    splitAmount: splitAmount,
    isIsoDateTime: isIsoDateTime,
    localDateTimeToIso: localDateTimeToIso,
    localDateToIso: localDateToIso,
    toLocalInputValue: toLocalInputValue,
    pastDateTimeError: pastDateTimeError,
    isValidCard: isValidCard,
    isValidIban: isValidIban,
    accountKind: accountKind,
    isValidUrl: isValidUrl,
    isValidCryptoWallet: isValidCryptoWallet,
    suspectValueError: suspectValueError,
    validateReport: validateReport,
    validateStatement: validateStatement,
    validateStatementPayload: validateStatementPayload,
    evidenceFileError: evidenceFileError,
  };
})();

if (typeof module !== 'undefined') module.exports = FraudValidate;

/*
 * Rules in force (the server must accept everything accepted here):
 * - reporter.fullName 2–200 chars (code points, after trim); reporter.iin optional,
 *   /^\d{12}$/ + control digit; reporter.phone required, see normalizePhone;
 *   reporter.email optional, EMAIL_RE, ≤ 254; reporter.region required (REGIONS);
 *   reporter.language kk|ru|en (always sent); reporter.ageGroup optional;
 *   reporter.notify optional email|sms|both|none, email|both need reporter.email.
 * - incident.fraudType, incident.channel required; incident.occurredAt required,
 *   ISO 8601 with offset, not after now, not before 1990; description 20–5000.
 * - transactions ≤ 50: paidAt (as occurredAt), amount (/^(0|[1-9]\d*)(\.\d{1,2})?$/,
 *   > 0, ≤ 1000000000000.00), method required; fromBank/toBank optional ≤ 200;
 *   toAccount optional: IBAN (mod 97) | card (13–19 digits, Luhn) | phone.
 * - suspects ≤ 50: type required; value required, checked per type (≤ 500).
 * - loan only with fraudType fake_loan: lender (≤ 200), amount, issuedAt required;
 *   contractNumber optional ≤ 100.
 * - consent === true. Empty optional fields are omitted, never sent as "".
 * - a statement: text optional ≤ 5000, transactions and suspects as above, at least one
 *   of the three (validateStatementPayload).
 */
