/*
 * Citizen report form: builds the JSON body of POST /api/v1/reports,
 * validates it with FraudValidate, maps server problem details back to the
 * inputs and shows the one-time reference/access code on success.
 * Needs i18n.js and validate.js loaded first (all three use `defer`).
 */
/* eslint-disable */
(function () {
  'use strict';

  var V = window.FraudValidate;
  var I = window.FraudI18n;
  var t = I.t;
  var API = '/api/v1';

  var OPTION_SETS = {
    region: ['region', V.REGIONS],
    fraudType: ['fraudType', V.FRAUD_TYPES],
    channel: ['channel', V.CHANNELS],
    method: ['method', V.PAYMENT_METHODS],
    suspectType: ['suspectType', V.SUSPECT_TYPES],
  };
  var MAX_ROWS = { transactions: V.LIMITS.maxTransactions, suspects: V.LIMITS.maxSuspects };

  var form;
  var summary;
  var submitBtn;
  var idempotencyKey = newIdempotencyKey();
  var errors = []; // [{ field, code, params }] from the client or [{ field, text }] from the server
  var generic = null; // { key, params } or { text }: a problem not tied to a field
  var submitting = false;
  // { key, body } of an attempt whose answer never arrived (network error, 5xx): the server may
  // have filed it. A retry with the same key and the same body gets its confirmation back.
  var unconfirmed = null;
  var result = null;
  var liveTimer = null;

  function $(id) {
    return document.getElementById(id);
  }

  function each(list, fn) {
    Array.prototype.forEach.call(list, fn);
  }

  // ------------------------------------------------------------ utilities

  /** RFC 4122 v4 UUID; crypto.randomUUID needs a secure context, so fall back. */
  function newIdempotencyKey() {
    var c = window.crypto || window.msCrypto;
    if (c && typeof c.randomUUID === 'function') {
      try {
        return c.randomUUID();
      } catch (e) {
        /* insecure context: fall through */
      }
    }
    var b = new Uint8Array(16);
    c.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = '';
    for (var i = 0; i < 16; i++) h += (b[i] < 16 ? '0' : '') + b[i].toString(16);
    return (
      h.slice(0, 8) +
      '-' +
      h.slice(8, 12) +
      '-' +
      h.slice(12, 16) +
      '-' +
      h.slice(16, 20) +
      '-' +
      h.slice(20)
    );
  }

  function value(id) {
    var el = $(id);
    return el ? String(el.value).trim() : '';
  }

  function put(obj, key, v) {
    if (v !== '' && v !== null && v !== undefined) obj[key] = v;
  }

  function dateTimeValue(id) {
    var raw = value(id);
    if (!raw) return '';
    return V.localDateTimeToIso(raw) || raw;
  }

  function dateValue(id) {
    var raw = value(id);
    if (!raw) return '';
    return V.localDateToIso(raw) || raw;
  }

  // ------------------------------------------------------------ selects

  function fillSelect(sel) {
    var set = OPTION_SETS[sel.getAttribute('data-options')];
    if (!set) return;
    var current = sel.value;
    sel.textContent = '';
    sel.appendChild(new Option(t('select.placeholder'), ''));
    set[1].forEach(function (code) {
      sel.appendChild(new Option(I.label(set[0], code), code));
    });
    sel.value = current;
  }

  // ------------------------------------------------------------ rows

  function listEl(kind) {
    return $(kind + '-list');
  }

  function rowsOf(kind) {
    return Array.prototype.slice.call(listEl(kind).querySelectorAll('[data-row]'));
  }

  function addRow(kind) {
    if (rowsOf(kind).length >= MAX_ROWS[kind]) return;
    var tpl = $(kind + '-template');
    var row = tpl.content.firstElementChild.cloneNode(true);
    listEl(kind).appendChild(row);
    each(row.querySelectorAll('select[data-options]'), fillSelect);
    renumber(kind);
    setMaxNow(row);
    var first = row.querySelector('[data-field]');
    if (first) first.focus();
  }

  function removeRow(kind, row) {
    var rows = rowsOf(kind);
    var idx = rows.indexOf(row);
    if (idx === -1) return;
    row.parentNode.removeChild(row);
    // Re-key errors of later rows so they stay attached to the right inputs.
    var re = new RegExp('^' + kind + '\\[(\\d+)\\]');
    errors = errors.filter(function (e) {
      var m = re.exec(e.field);
      if (!m) return true;
      var n = Number(m[1]);
      if (n === idx) return false;
      if (n > idx) e.field = e.field.replace(re, kind + '[' + (n - 1) + ']');
      return true;
    });
    renumber(kind);
    renderErrors(false);
    var remaining = rowsOf(kind);
    var next = remaining[idx] || remaining[idx - 1];
    var target = next
      ? next.querySelector('[data-field]')
      : $(kind === 'transactions' ? 'add-transaction' : 'add-suspect');
    if (target) target.focus();
  }

  /** Gives every row control its path id/name, e.g. transactions[2].amount. */
  function renumber(kind) {
    var rows = rowsOf(kind);
    rows.forEach(function (row, i) {
      var prefix = kind + '[' + i + ']';
      row.id = prefix;
      each(row.querySelectorAll('[data-i18n-n]'), function (el) {
        el.setAttribute('data-i18n-n', String(i + 1));
      });
      var rowError = row.querySelector('[data-error-for=""]');
      if (rowError) rowError.id = prefix + '-error';
      each(row.querySelectorAll('[data-field]'), function (ctrl) {
        var f = ctrl.getAttribute('data-field');
        var path = prefix + '.' + f;
        ctrl.id = path;
        ctrl.name = path;
        var label = row.querySelector('[data-label-for="' + f + '"]');
        if (label) label.htmlFor = path;
        var hint = row.querySelector('[data-hint-for="' + f + '"]');
        if (hint) hint.id = path + '-hint';
        var err = row.querySelector('[data-error-for="' + f + '"]');
        if (err) err.id = path + '-error';
        ctrl.setAttribute('data-describedby', hint ? hint.id : '');
        restoreDescribedBy(ctrl);
      });
      I.apply(row);
    });
    var full = rows.length >= MAX_ROWS[kind];
    $(kind + '-empty').hidden = rows.length > 0;
    $(kind + '-limit').hidden = !full;
    var addBtn = $(kind === 'transactions' ? 'add-transaction' : 'add-suspect');
    addBtn.disabled = full;
  }

  function isBlankRow(row) {
    var blank = true;
    each(row.querySelectorAll('[data-field]'), function (ctrl) {
      if (String(ctrl.value).trim() !== '') blank = false;
    });
    return blank;
  }

  function pruneBlankRows() {
    ['transactions', 'suspects'].forEach(function (kind) {
      var changed = false;
      rowsOf(kind).forEach(function (row) {
        if (isBlankRow(row)) {
          row.parentNode.removeChild(row);
          changed = true;
        }
      });
      if (changed) renumber(kind);
    });
  }

  // ------------------------------------------------------------ payload

  function collectPayload() {
    var reporter = {};
    put(reporter, 'fullName', value('reporter.fullName'));
    put(reporter, 'iin', value('reporter.iin').replace(/[\s-]/g, ''));
    put(reporter, 'phone', value('reporter.phone'));
    put(reporter, 'email', value('reporter.email'));
    put(reporter, 'region', value('reporter.region'));
    reporter.language = I.getLang();
    var age = form.querySelector('input[name="reporter.ageGroup"]:checked');
    if (age) reporter.ageGroup = age.value;
    var notify = form.querySelector('input[name="reporter.notify"]:checked');
    if (notify) reporter.notify = notify.value;

    var incident = {};
    put(incident, 'fraudType', value('incident.fraudType'));
    put(incident, 'channel', value('incident.channel'));
    put(incident, 'occurredAt', dateTimeValue('incident.occurredAt'));
    put(incident, 'description', value('incident.description'));

    var payload = { reporter: reporter, incident: incident };

    var txs = rowsOf('transactions').map(function (row, i) {
      var p = 'transactions[' + i + '].';
      var o = {};
      put(o, 'paidAt', dateTimeValue(p + 'paidAt'));
      put(o, 'amount', V.normalizeAmountInput(value(p + 'amount')));
      put(o, 'method', value(p + 'method'));
      put(o, 'fromBank', value(p + 'fromBank'));
      put(o, 'toBank', value(p + 'toBank'));
      put(o, 'toAccount', value(p + 'toAccount'));
      return o;
    });
    if (txs.length) payload.transactions = txs;

    var sus = rowsOf('suspects').map(function (row, i) {
      var p = 'suspects[' + i + '].';
      var o = {};
      put(o, 'type', value(p + 'type'));
      put(o, 'value', value(p + 'value'));
      return o;
    });
    if (sus.length) payload.suspects = sus;

    if (incident.fraudType === 'fake_loan') {
      var loan = {};
      put(loan, 'lender', value('loan.lender'));
      put(loan, 'contractNumber', value('loan.contractNumber'));
      put(loan, 'amount', V.normalizeAmountInput(value('loan.amount')));
      put(loan, 'issuedAt', dateValue('loan.issuedAt'));
      if (Object.keys(loan).length) payload.loan = loan;
    }

    payload.consent = $('consent').checked;
    return payload;
  }

  // ------------------------------------------------------------ errors

  function restoreDescribedBy(ctrl) {
    var base = ctrl.getAttribute('data-describedby') || '';
    if (base) ctrl.setAttribute('aria-describedby', base);
    else ctrl.removeAttribute('aria-describedby');
  }

  /** The nearest path (itself or an ancestor) that has an error slot in the page. */
  function resolveTarget(path) {
    var p = path;
    while (p) {
      var err = $(p + '-error');
      if (err && !isHidden(err.parentNode)) return p;
      if (/\]$/.test(p)) p = p.replace(/\[\d+\]$/, '');
      else if (p.indexOf('.') !== -1) p = p.slice(0, p.lastIndexOf('.'));
      else p = '';
    }
    return null;
  }

  function isHidden(el) {
    for (; el && el !== document.body; el = el.parentNode) if (el.hidden) return true;
    return false;
  }

  function controlsFor(path) {
    var el = $(path);
    if (!el) return [];
    if (/^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) return [el];
    if (el.hasAttribute('data-row') || el.classList.contains('section')) return [];
    return Array.prototype.slice.call(el.querySelectorAll('input, select, textarea'));
  }

  function focusTargetFor(path) {
    var ctrls = controlsFor(path);
    var checked = ctrls.filter(function (c) {
      return c.checked;
    });
    if (checked.length) return checked[0];
    if (ctrls.length) return ctrls[0];
    var el = $(path);
    if (el) {
      var inner = el.querySelector('input, select, textarea, button');
      if (inner) return inner;
    }
    return $(path + '-error');
  }

  function labelFor(path) {
    var el = $(path);
    if (!el) return '';
    var text = '';
    if (el.type === 'checkbox') {
      var section = el.closest('fieldset');
      text = section ? legendText(section) : '';
    } else if (el.labels && el.labels.length) {
      var lt = el.labels[0].querySelector('.label-text');
      text = (lt || el.labels[0]).textContent;
    } else if (el.tagName === 'FIELDSET') {
      text = legendText(el);
    }
    var row = el.closest('[data-row]');
    if (row && row !== el) text = legendText(row) + ' — ' + text;
    return text.replace(/\s+/g, ' ').trim().replace(/[?:]$/, '');
  }

  function legendText(fieldset) {
    var legend = fieldset.querySelector('legend');
    if (!legend) return '';
    var lt = legend.querySelector('.label-text');
    return (lt || legend).textContent;
  }

  function messageOf(e) {
    if (e.text) return e.text;
    return t('err.' + e.code, e.params);
  }

  function clearErrorDisplay() {
    each(form.querySelectorAll('.error-message'), function (el) {
      el.hidden = true;
      el.textContent = '';
    });
    each(form.querySelectorAll('[aria-invalid]'), function (el) {
      el.removeAttribute('aria-invalid');
    });
    each(form.querySelectorAll('.field-error'), function (el) {
      el.classList.remove('field-error');
    });
    each(form.querySelectorAll('[data-describedby]'), restoreDescribedBy);
  }

  function showInline(path, msg) {
    var err = $(path + '-error');
    err.textContent = '';
    var prefix = document.createElement('span');
    prefix.className = 'visually-hidden';
    prefix.textContent = t('error.prefix') + ' ';
    err.appendChild(prefix);
    err.appendChild(document.createTextNode(msg));
    err.hidden = false;
    var wrap = err.closest('.field, .row-card');
    if (wrap) wrap.classList.add('field-error');
    controlsFor(path).forEach(function (c) {
      c.setAttribute('aria-invalid', 'true');
      c.setAttribute(
        'aria-describedby',
        (err.id + ' ' + (c.getAttribute('data-describedby') || '')).trim(),
      );
    });
  }

  function focusField(path) {
    var target = focusTargetFor(path);
    if (!target) return;
    var wrap = target.closest('.field, .row-card, .section') || target;
    wrap.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  }

  function renderErrors(focusSummary) {
    clearErrorDisplay();
    var list = $('error-summary-list');
    list.textContent = '';
    var seen = {};
    errors.forEach(function (e) {
      var target = resolveTarget(e.field);
      var msg = messageOf(e);
      var key = target || '?' + e.field + '|' + msg;
      if (seen[key]) return;
      seen[key] = true;
      if (target) showInline(target, msg);
      var li = document.createElement('li');
      if (target) {
        var a = document.createElement('a');
        a.href = '#' + target;
        var label = labelFor(target);
        a.textContent = label ? label + ': ' + msg : msg;
        a.addEventListener('click', function (ev) {
          ev.preventDefault();
          focusField(target);
        });
        li.appendChild(a);
      } else {
        li.textContent = msg;
      }
      list.appendChild(li);
    });

    var hasErrors = list.children.length > 0;
    if (!hasErrors && !generic) {
      summary.hidden = true;
      return;
    }
    $('error-summary-title').textContent = t(hasErrors ? 'summary.title' : 'summary.generic');
    var text = $('error-summary-text');
    if (generic) text.textContent = generic.text || t(generic.key, generic.params);
    else text.textContent = t('summary.intro');
    summary.hidden = false;
    if (focusSummary) {
      summary.scrollIntoView({ block: 'start' });
      summary.focus({ preventScroll: true });
    }
  }

  /** Re-checks one field after the person changed it, if it is showing an error. */
  function revalidate(ctrl) {
    var path = ctrl.name || ctrl.id;
    if (!path) return;
    var showing = errors.some(function (e) {
      return e.field === path || resolveTarget(e.field) === path;
    });
    if (!showing) return;
    var fresh = V.validateReport(collectPayload(), { now: Date.now() }).filter(function (e) {
      return e.field === path;
    });
    var at = -1;
    errors = errors.filter(function (e, i) {
      var mine = e.field === path || resolveTarget(e.field) === path;
      if (mine && at === -1) at = i;
      return !mine;
    });
    Array.prototype.splice.apply(errors, [at === -1 ? errors.length : at, 0].concat(fresh));
    renderErrors(false);
  }

  function normalizePath(field) {
    var s = String(field || '').trim();
    if (s.charAt(0) === '/') s = s.slice(1).split('/').join('.'); // JSON pointer
    s = s.replace(/^(body|payload|dto)\./, '');
    return s.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
  }

  // ------------------------------------------------------------ submit

  function setSubmitting(on) {
    submitting = on;
    submitBtn.disabled = on;
    submitBtn.setAttribute('aria-busy', on ? 'true' : 'false');
    submitBtn.textContent = t(on ? 'submitting' : 'submit');
    $('submit-status').textContent = on ? t('submitting') : '';
  }

  function showGeneric(g) {
    errors = [];
    generic = g;
    renderErrors(true);
  }

  function readJson(res) {
    return res.text().then(
      function (txt) {
        if (!txt) return null;
        try {
          return JSON.parse(txt);
        } catch (e) {
          return null;
        }
      },
      function () {
        return null;
      },
    );
  }

  function onSubmit(ev) {
    ev.preventDefault();
    if (submitting) return;
    pruneBlankRows();
    var payload = collectPayload();
    generic = null;
    errors = V.validateReport(payload, { now: Date.now() });
    if (errors.length) {
      renderErrors(true);
      return;
    }
    renderErrors(false);
    send({ key: idempotencyKey, body: JSON.stringify(payload) }, false);
  }

  /**
   * One attempt. The key stays the same until an answer says nothing was filed, so a retry
   * after a lost answer is a replay: the server answers 202 with the same reference and access
   * code (header Idempotent-Replayed) and the confirmation shows as usual.
   */
  function send(attempt, recovering) {
    setSubmitting(true);
    fetch(API + '/reports', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json, application/problem+json',
        'Idempotency-Key': attempt.key,
      },
      body: attempt.body,
      credentials: 'same-origin',
      cache: 'no-store',
    }).then(
      function (res) {
        return readJson(res).then(function (body) {
          setSubmitting(false);
          handleResponse(res.status, body, attempt, recovering);
        });
      },
      function () {
        setSubmitting(false);
        unconfirmed = attempt;
        showGeneric({ key: 'net.offline' });
      },
    );
  }

  function isProblem(body, code) {
    return !!body && body.type === '/problems/' + code;
  }

  function handleResponse(status, body, attempt, recovering) {
    if (status >= 200 && status < 300) {
      unconfirmed = null;
      if (body && body.reference && body.accessCode) showResult(body, recovering);
      else showGeneric({ key: 'net.unknown', params: { status: status } });
      return;
    }
    if (
      status === 422 &&
      isProblem(body, 'idempotency-key-reused') &&
      !recovering &&
      unconfirmed &&
      unconfirmed.key === attempt.key
    ) {
      // The attempt whose answer was lost did arrive, with the data as it was then (the
      // person has edited since). Ask for its confirmation: the same key and body replay it.
      send(unconfirmed, true);
      return;
    }
    if (status === 429) return showGeneric({ key: 'net.429' });
    if (status >= 500) {
      // It may have been filed before the error: keep the key and remember what was sent.
      unconfirmed = attempt;
      return showGeneric({ key: 'net.5xx' });
    }
    // Any other 4xx: nothing was filed now, so the next attempt gets a new key.
    idempotencyKey = newIdempotencyKey();
    unconfirmed = null;
    // 409: the key filed a report too long ago to be confirmed again (idempotency-key-expired).
    if (status === 409) return showGeneric({ key: 'net.409' });
    if (status === 413) return showGeneric({ key: 'net.413' });
    if (status === 400 || status === 422) {
      var list = body && Array.isArray(body.errors) ? body.errors : [];
      errors = list
        .filter(function (e) {
          return e && (e.field || e.field === '');
        })
        .map(function (e) {
          return { field: normalizePath(e.field), text: String(e.message || t('summary.generic')) };
        });
      generic = errors.length
        ? null
        : { text: (body && (body.detail || body.title)) || t('summary.generic') };
      renderErrors(true);
      return;
    }
    showGeneric({ key: 'net.unknown', params: { status: status } });
  }

  // ------------------------------------------------------------ result

  function statusLink(reference) {
    return 'status.html?reference=' + encodeURIComponent(reference) + '&lang=' + I.getLang();
  }

  function renderResult() {
    if (!result) return;
    $('result-reference').textContent = result.reference;
    $('result-access-code').textContent = result.accessCode;
    $('result-status-link').setAttribute('href', statusLink(result.reference));
    $('result-submitted-at').textContent = result.submittedAt
      ? t('result.submittedAt', { date: I.formatDateTime(result.submittedAt) })
      : '';
  }

  /** `earlier`: the confirmation of an earlier version of the form's data (see handleResponse). */
  function showResult(body, earlier) {
    $('result-earlier').hidden = !earlier;
    result = {
      reference: String(body.reference),
      accessCode: String(body.accessCode),
      status: body.status,
      submittedAt: body.submittedAt,
    };
    renderResult();
    // Remove the personal data from the page: only the confirmation stays.
    form.reset();
    ['transactions', 'suspects'].forEach(function (kind) {
      rowsOf(kind).forEach(function (row) {
        row.parentNode.removeChild(row);
      });
      renumber(kind);
    });
    errors = [];
    generic = null;
    renderErrors(false);
    $('report-view').hidden = true;
    $('result').hidden = false;
    window.scrollTo(0, 0);
    $('result-title').focus();
  }

  function copyCredentials() {
    if (!result) return;
    var text = t('result.copyText', result);
    var status = $('copy-status');
    function done(ok) {
      status.textContent = t(ok ? 'result.copied' : 'result.copyFailed');
      status.className = 'copy-status ' + (ok ? 'copy-ok' : 'copy-failed');
      if (!ok) selectText($('result-access-code'));
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(
        function () {
          done(true);
        },
        function () {
          done(legacyCopy(text));
        },
      );
    } else {
      done(legacyCopy(text));
    }
  }

  function legacyCopy(text) {
    var ta = document.createElement('textarea');
    ta.value = text;
    ta.setAttribute('readonly', '');
    ta.className = 'offscreen';
    document.body.appendChild(ta);
    ta.select();
    var ok = false;
    try {
      ok = document.execCommand('copy');
    } catch (e) {
      ok = false;
    }
    document.body.removeChild(ta);
    $('copy-credentials').focus();
    return ok;
  }

  function selectText(el) {
    var range = document.createRange();
    range.selectNodeContents(el);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }

  // ------------------------------------------------------------ misc UI

  function setMaxNow(root) {
    each(root.querySelectorAll('[data-max-now]'), function (el) {
      el.max = V.toLocalInputValue(new Date(), el.getAttribute('data-max-now') === 'datetime');
    });
  }

  function updateCounter() {
    var ta = $('incident.description');
    var n = V.charLength(ta.value.trim());
    var min = V.LIMITS.descriptionMin;
    var max = V.LIMITS.descriptionMax;
    var text = t('counter.count', { n: n, max: max });
    var over = n > max;
    if (over) text += ' — ' + t('counter.over', { n: n - max });
    else if (n > 0 && n < min) text += ' — ' + t('counter.under', { n: min - n });
    var counter = $('incident.description-counter');
    counter.textContent = text;
    counter.classList.toggle('counter-over', over);
    clearTimeout(liveTimer);
    liveTimer = setTimeout(function () {
      $('incident.description-counter-live').textContent = text;
    }, 1000);
  }

  function toggleLoan() {
    var show = $('incident.fraudType').value === 'fake_loan';
    $('loan').hidden = !show;
    if (!show) {
      errors = errors.filter(function (e) {
        return !/^loan(\.|$)/.test(e.field);
      });
    }
  }

  function onLanguageChange() {
    each(document.querySelectorAll('select[data-options]'), fillSelect);
    ['transactions', 'suspects'].forEach(renumber);
    updateCounter();
    if (submitting) submitBtn.textContent = t('submitting');
    if (!summary.hidden) renderErrors(false);
    renderResult();
    var status = $('copy-status');
    if (status.textContent)
      status.textContent = t(
        status.classList.contains('copy-ok') ? 'result.copied' : 'result.copyFailed',
      );
  }

  function init() {
    form = $('report-form');
    summary = $('error-summary');
    submitBtn = $('submit');
    if (!form) return;

    // Remember each control's own hints so error ids can be added and removed.
    each(form.querySelectorAll('input, select, textarea'), function (el) {
      el.setAttribute('data-describedby', el.getAttribute('aria-describedby') || '');
    });
    each(document.querySelectorAll('select[data-options]'), fillSelect);
    setMaxNow(document);
    ['transactions', 'suspects'].forEach(renumber);
    updateCounter();
    toggleLoan();

    form.addEventListener('submit', onSubmit);
    $('add-transaction').addEventListener('click', function () {
      addRow('transactions');
    });
    $('add-suspect').addEventListener('click', function () {
      addRow('suspects');
    });
    form.addEventListener('click', function (ev) {
      var btn = ev.target.closest('[data-remove]');
      if (!btn) return;
      var row = btn.closest('[data-row]');
      removeRow(row.parentNode.getAttribute('data-kind'), row);
    });
    form.addEventListener('focusin', function (ev) {
      if (ev.target.hasAttribute && ev.target.hasAttribute('data-max-now'))
        setMaxNow(ev.target.parentNode);
    });
    form.addEventListener('change', function (ev) {
      if (ev.target.id === 'incident.fraudType') {
        toggleLoan();
        renderErrors(false);
      }
    });
    // Errors are re-checked while the person edits the field ('input' fires on
    // typing and on select/radio/checkbox changes), never on blur: removing a
    // message on blur shifts the layout under the pointer and swallows clicks.
    form.addEventListener('input', function (ev) {
      if (ev.target.id === 'incident.description') updateCounter();
      // A server message cannot be re-checked here: drop it once the value changes.
      var path = ev.target.name;
      var before = errors.length;
      errors = errors.filter(function (e) {
        return !(e.text && (e.field === path || resolveTarget(e.field) === path));
      });
      if (errors.length !== before) renderErrors(false);
      revalidate(ev.target);
    });
    $('copy-credentials').addEventListener('click', copyCredentials);
    $('print-result').addEventListener('click', function () {
      window.print();
    });
    I.onChange(onLanguageChange);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
