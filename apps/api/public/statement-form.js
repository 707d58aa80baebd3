/*
 * FraudStatementForm — the status page's statement form: text, payments and suspects, with the
 * report form's rows (the same templates) and the same client rules (validate.js
 * validateStatementPayload). Server field errors ("transactions[0].amount") are shown beside
 * their field. Needs i18n.js and validate.js loaded first.
 */
/* eslint-disable */
var FraudStatementForm = (function () {
  'use strict';

  var V = window.FraudValidate;
  var I = window.FraudI18n;
  var t = I.t;
  var OPTION_SETS = {
    method: ['method', V.PAYMENT_METHODS],
    suspectType: ['suspectType', V.SUSPECT_TYPES],
  };
  var MAX_ROWS = { transactions: V.LIMITS.maxTransactions, suspects: V.LIMITS.maxSuspects };
  var ADD_BUTTON = { transactions: 'add-transaction', suspects: 'add-suspect' };

  var form;
  var opts;
  var errors = []; // [{ field, code, params }] from the client or [{ field, text }] from the server
  var result = null; // { key, kind }
  var sending = false;

  function $(id) {
    return document.getElementById(id);
  }

  function each(list, fn) {
    Array.prototype.forEach.call(list, fn);
  }

  function value(id) {
    var el = $(id);
    return el ? String(el.value).trim() : '';
  }

  function put(obj, key, v) {
    if (v !== '' && v !== null && v !== undefined) obj[key] = v;
  }

  // ------------------------------------------------------------ rows

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

  function rowsOf(kind) {
    return Array.prototype.slice.call($(kind + '-list').querySelectorAll('[data-row]'));
  }

  function setMaxNow(root) {
    each(root.querySelectorAll('[data-max-now]'), function (el) {
      el.max = V.toLocalInputValue(new Date(), el.getAttribute('data-max-now') === 'datetime');
    });
  }

  function addRow(kind) {
    if (rowsOf(kind).length >= MAX_ROWS[kind]) return;
    var row = $(kind + '-template').content.firstElementChild.cloneNode(true);
    $(kind + '-list').appendChild(row);
    each(row.querySelectorAll('select[data-options]'), fillSelect);
    renumber(kind);
    setMaxNow(row);
    var first = row.querySelector('[data-field]');
    if (first) first.focus();
  }

  function removeRow(kind, row) {
    var idx = rowsOf(kind).indexOf(row);
    if (idx === -1) return;
    row.parentNode.removeChild(row);
    // Re-key errors of later rows so they stay with the right inputs.
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
    render();
    var remaining = rowsOf(kind);
    var next = remaining[idx] || remaining[idx - 1];
    var target = next ? next.querySelector('[data-field]') : $(ADD_BUTTON[kind]);
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
      });
      I.apply(row);
    });
    var full = rows.length >= MAX_ROWS[kind];
    $(kind + '-empty').hidden = rows.length > 0;
    $(kind + '-limit').hidden = !full;
    $(ADD_BUTTON[kind]).disabled = full;
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
      var before = rowsOf(kind).length;
      rowsOf(kind).forEach(function (row) {
        if (isBlankRow(row)) row.parentNode.removeChild(row);
      });
      if (rowsOf(kind).length !== before) renumber(kind);
    });
  }

  // ------------------------------------------------------------ payload

  function collectPayload() {
    var payload = {};
    put(payload, 'text', value('statement-text'));
    var txs = rowsOf('transactions').map(function (row, i) {
      var p = 'transactions[' + i + '].';
      var o = {};
      var paidAt = value(p + 'paidAt');
      put(o, 'paidAt', paidAt ? V.localDateTimeToIso(paidAt) || paidAt : '');
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
    return payload;
  }

  // ------------------------------------------------------------ errors

  /** The element id of a payload path: the statement text is `statement-text` on this page. */
  function idOf(path) {
    return path === 'text' ? 'statement-text' : path;
  }

  /** The nearest path (itself or an ancestor) with an error slot on the page. */
  function resolveTarget(path) {
    var p = path;
    while (p) {
      if ($(idOf(p) + '-error')) return idOf(p);
      if (/\]$/.test(p)) p = p.replace(/\[\d+\]$/, '');
      else if (p.indexOf('.') !== -1) p = p.slice(0, p.lastIndexOf('.'));
      else p = '';
    }
    return 'statement-text';
  }

  function normalizePath(field) {
    var s = String(field || '').trim();
    if (s.charAt(0) === '/') s = s.slice(1).split('/').join('.');
    return s.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
  }

  function controlsFor(id) {
    var el = $(id);
    return el && /^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName) ? [el] : [];
  }

  function clear() {
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
    each(form.querySelectorAll('[data-describedby]'), function (ctrl) {
      var base = ctrl.getAttribute('data-describedby') || '';
      if (base) ctrl.setAttribute('aria-describedby', base);
      else ctrl.removeAttribute('aria-describedby');
    });
  }

  function render() {
    clear();
    var seen = {};
    errors.forEach(function (e) {
      var id = resolveTarget(e.field);
      if (seen[id]) return;
      seen[id] = true;
      var slot = $(id + '-error');
      var prefix = document.createElement('span');
      prefix.className = 'visually-hidden';
      prefix.textContent = t('error.prefix') + ' ';
      slot.appendChild(prefix);
      slot.appendChild(document.createTextNode(e.text || t('err.' + e.code, e.params)));
      slot.hidden = false;
      var wrap = slot.closest('.field, .row-card, .section');
      if (wrap) wrap.classList.add('field-error');
      controlsFor(id).forEach(function (c) {
        c.setAttribute('aria-invalid', 'true');
        c.setAttribute(
          'aria-describedby',
          (slot.id + ' ' + (c.getAttribute('data-describedby') || '')).trim(),
        );
      });
    });
    var out = $('statement-result');
    out.textContent = '';
    out.classList.remove('result-ok', 'result-error');
    if (result) {
      var p = document.createElement('p');
      p.textContent = t(result.key, result.params);
      out.appendChild(p);
      out.classList.add(result.kind === 'ok' ? 'result-ok' : 'result-error');
    }
  }

  function focusFirstError() {
    if (!errors.length) return;
    var id = resolveTarget(errors[0].field);
    var target = controlsFor(id)[0] || ($(id) && $(id).querySelector('input, select, button'));
    if (target) target.focus();
  }

  // ------------------------------------------------------------ submit

  function setSending(on) {
    sending = on;
    var b = $('statement-submit');
    b.disabled = on;
    b.setAttribute('aria-busy', on ? 'true' : 'false');
    b.textContent = t(on ? 'statement.sending' : 'statement.submit');
  }

  function reset() {
    $('statement-text').value = '';
    ['transactions', 'suspects'].forEach(function (kind) {
      rowsOf(kind).forEach(function (row) {
        row.parentNode.removeChild(row);
      });
      renumber(kind);
    });
  }

  function onSubmit(ev) {
    ev.preventDefault();
    if (sending || !opts.canSend()) return;
    pruneBlankRows();
    var payload = collectPayload();
    result = null;
    errors = V.validateStatementPayload(payload, { now: Date.now() });
    render();
    if (errors.length) return focusFirstError();
    setSending(true);
    opts.send(payload).then(function (res) {
      setSending(false);
      var body = res.body;
      if (res.status >= 200 && res.status < 300) {
        reset();
        result = { key: 'statement.sent', kind: 'ok' };
        render();
        opts.onSent();
        return;
      }
      if ((res.status === 400 || res.status === 422) && body) {
        var list = Array.isArray(body.errors) ? body.errors : [];
        errors = list.map(function (e) {
          return { field: normalizePath(e.field), text: String(e.message || t('summary.generic')) };
        });
        if (!errors.length)
          errors = [{ field: 'text', text: body.detail || body.title || t('summary.generic') }];
        render();
        return focusFirstError();
      }
      result = opts.failure(res.status);
      render();
    });
  }

  function onLanguageChange() {
    each(form.querySelectorAll('select[data-options]'), fillSelect);
    ['transactions', 'suspects'].forEach(renumber);
    if (sending) $('statement-submit').textContent = t('statement.sending');
    render();
  }

  /**
   * opts.send(payload) -> Promise<{ status, body }>; opts.canSend() -> boolean;
   * opts.onSent() after a success; opts.failure(status) -> { key, params, kind } for the rest.
   */
  function init(options) {
    form = $('statement-form');
    if (!form) return;
    opts = options;
    each(form.querySelectorAll('input, select, textarea'), function (el) {
      el.setAttribute('data-describedby', el.getAttribute('aria-describedby') || '');
    });
    ['transactions', 'suspects'].forEach(renumber);
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
    // An error goes once the person edits its field; the next submit checks again.
    form.addEventListener('input', function (ev) {
      var id = ev.target.id;
      var before = errors.length;
      errors = errors.filter(function (e) {
        return resolveTarget(e.field) !== id;
      });
      if (errors.length !== before) render();
    });
    I.onChange(onLanguageChange);
  }

  return { init: init };
})();
