/*
 * "Check before you pay": GET /api/v1/lookup?type=&value=. The value is checked in the
 * browser with the form's rules (FraudValidate.suspectValueError) and sent only to the API,
 * never put in the page URL or stored.
 */
/* eslint-disable */
(function () {
  'use strict';

  var V = window.FraudValidate;
  var I = window.FraudI18n;
  var t = I.t;

  var KK_MONTHS = [
    'қаңтар',
    'ақпан',
    'наурыз',
    'сәуір',
    'мамыр',
    'маусым',
    'шілде',
    'тамыз',
    'қыркүйек',
    'қазан',
    'қараша',
    'желтоқсан',
  ];

  var answer = null; // last 200 body
  var fieldError = null; // { code } | { key }
  var message = null; // { key, params } shown in #check-error
  var busy = false;

  function $(id) {
    return document.getElementById(id);
  }

  /** 'YYYY-MM' -> "March 2026" / "март 2026 г." / "2026 жыл, наурыз". */
  function formatMonth(ym) {
    var m = /^(\d{4})-(\d{2})$/.exec(ym || '');
    if (!m) return String(ym || '');
    var year = Number(m[1]);
    var month = Number(m[2]);
    // Many browsers ship incomplete Kazakh locale data: format by hand.
    if (I.getLang() === 'kk') return year + ' жыл, ' + KK_MONTHS[month - 1];
    try {
      return new Intl.DateTimeFormat(I.locale(), {
        year: 'numeric',
        month: 'long',
        timeZone: 'UTC',
      }).format(new Date(Date.UTC(year, month - 1, 15)));
    } catch (e) {
      return ym;
    }
  }

  function renderHint() {
    $('check-value-hint').textContent = t('lookup.hint.' + $('check-type').value);
  }

  function renderFieldError() {
    var ctrl = $('check-value');
    var slot = $('check-value-error');
    slot.textContent = '';
    if (!fieldError) {
      slot.hidden = true;
      ctrl.removeAttribute('aria-invalid');
      ctrl.setAttribute('aria-describedby', 'check-value-hint');
      slot.closest('.field').classList.remove('field-error');
      return;
    }
    var prefix = document.createElement('span');
    prefix.className = 'visually-hidden';
    prefix.textContent = t('error.prefix') + ' ';
    slot.appendChild(prefix);
    var text = fieldError.key ? t(fieldError.key) : t('err.' + fieldError.code, fieldError.params);
    slot.appendChild(document.createTextNode(text));
    slot.hidden = false;
    ctrl.setAttribute('aria-invalid', 'true');
    ctrl.setAttribute('aria-describedby', 'check-value-error check-value-hint');
    slot.closest('.field').classList.add('field-error');
  }

  function renderMessage() {
    var el = $('check-error');
    el.textContent = '';
    el.hidden = !message;
    if (!message) return;
    var p = document.createElement('p');
    p.textContent = t(message.key, message.params);
    el.appendChild(p);
  }

  function renderAnswer() {
    var panel = $('check-answer');
    if (!answer) {
      panel.hidden = true;
      return;
    }
    var warn = answer.reports !== 'none' || answer.blocked;
    $('answer-heading').textContent = t('lookup.heading', { value: answer.value });
    $('answer-notice').className = warn ? 'notice notice-warning' : 'notice';
    $('answer-reports').textContent = t('lookup.reports.' + answer.reports);
    var last = $('answer-last');
    last.hidden = !answer.lastReportedMonth;
    last.textContent = answer.lastReportedMonth
      ? t('lookup.last', { month: formatMonth(answer.lastReportedMonth) })
      : '';
    var blocked = $('answer-blocked');
    blocked.hidden = !answer.blocked;
    blocked.textContent = answer.blocked ? t('lookup.blocked') : '';
    $('answer-advice').textContent = t(warn ? 'lookup.advice.warn' : 'lookup.advice.none');
    panel.hidden = false;
  }

  function render() {
    renderHint();
    renderFieldError();
    renderMessage();
    renderAnswer();
    var b = $('check');
    b.textContent = t(busy ? 'lookup.loading' : 'lookup.submit');
  }

  function networkKey(status) {
    if (status === 0) return { key: 'net.offline' };
    if (status === 429) return { key: 'lookup.tooMany' };
    if (status >= 500) return { key: 'net.5xx' };
    return { key: 'net.unknown', params: { status: status } };
  }

  function setBusy(on) {
    busy = on;
    var b = $('check');
    b.disabled = on;
    b.setAttribute('aria-busy', on ? 'true' : 'false');
    $('check-status').textContent = on ? t('lookup.loading') : '';
    b.textContent = t(on ? 'lookup.loading' : 'lookup.submit');
  }

  function onSubmit(ev) {
    ev.preventDefault();
    if (busy) return;
    var type = $('check-type').value;
    var value = $('check-value').value.trim();
    var code = V.suspectValueError(type, value);
    fieldError = code ? { code: code, params: { max: 500, min: 2 } } : null;
    message = null;
    answer = null;
    render();
    if (fieldError) {
      $('check-value').focus();
      return;
    }
    setBusy(true);
    var url =
      '/api/v1/lookup?type=' + encodeURIComponent(type) + '&value=' + encodeURIComponent(value);
    fetch(url, {
      headers: { Accept: 'application/json, application/problem+json' },
      cache: 'no-store',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    })
      .then(
        function (res) {
          return res.text().then(function (txt) {
            var body = null;
            try {
              body = txt ? JSON.parse(txt) : null;
            } catch (e) {
              body = null;
            }
            return { status: res.status, body: body };
          });
        },
        function () {
          return { status: 0, body: null };
        },
      )
      .then(function (res) {
        setBusy(false);
        if (res.status === 200 && res.body) {
          answer = res.body;
          render();
          $('answer-heading').focus();
          return;
        }
        if (res.status === 400) {
          fieldError = { key: 'lookup.badValue' };
          render();
          $('check-value').focus();
          return;
        }
        message = networkKey(res.status);
        render();
        $('check-error').focus();
      });
  }

  function init() {
    $('check-form').addEventListener('submit', onSubmit);
    $('check-type').addEventListener('change', function () {
      fieldError = null;
      render();
    });
    I.onChange(render);
    render();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
