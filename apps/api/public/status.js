/*
 * Status page: GET /api/v1/reports/{reference}/status with X-Access-Code,
 * (?lang= of the page, so the timeline's sentences are in the page's language), plus adding a
 * statement (statement-form.js) and uploading evidence for the same report.
 * The access code is kept in memory only (never in the URL or storage).
 */
/* eslint-disable */
(function () {
  'use strict';

  var V = window.FraudValidate;
  var I = window.FraudI18n;
  var t = I.t;
  var API = '/api/v1';

  var creds = null; // { reference, accessCode } of the last successful lookup
  var data = null; // last status response
  var fieldErrors = {}; // input id -> { code, params } | { text }
  var messages = {}; // element id -> { key, params, text, kind }
  var busy = {};
  var lookupSeq = 0; // the latest status request; earlier answers are dropped

  function $(id) {
    return document.getElementById(id);
  }

  function each(list, fn) {
    Array.prototype.forEach.call(list, fn);
  }

  // ------------------------------------------------------------ messages

  function setFieldError(id, err) {
    if (err) fieldErrors[id] = err;
    else delete fieldErrors[id];
    renderFieldError(id);
  }

  function renderFieldError(id) {
    var ctrl = $(id);
    var slot = $(id + '-error');
    var base = ctrl.getAttribute('data-describedby') || '';
    var err = fieldErrors[id];
    slot.textContent = '';
    if (!err) {
      slot.hidden = true;
      ctrl.removeAttribute('aria-invalid');
      if (base) ctrl.setAttribute('aria-describedby', base);
      else ctrl.removeAttribute('aria-describedby');
      slot.closest('.field').classList.remove('field-error');
      return;
    }
    var prefix = document.createElement('span');
    prefix.className = 'visually-hidden';
    prefix.textContent = t('error.prefix') + ' ';
    slot.appendChild(prefix);
    slot.appendChild(document.createTextNode(err.text || t('err.' + err.code, err.params)));
    slot.hidden = false;
    ctrl.setAttribute('aria-invalid', 'true');
    ctrl.setAttribute('aria-describedby', (slot.id + ' ' + base).trim());
    slot.closest('.field').classList.add('field-error');
  }

  /** kind: 'ok' | 'error'. msg: { key, params } or { text }. */
  function setMessage(id, msg, kind) {
    if (msg)
      messages[id] = {
        key: msg.key,
        params: msg.params,
        text: msg.text,
        extra: msg.extra,
        kind: kind,
      };
    else delete messages[id];
    renderMessage(id);
  }

  function renderMessage(id) {
    var el = $(id);
    var m = messages[id];
    el.textContent = '';
    el.classList.remove('result-ok', 'result-error');
    if (!m) {
      if (id === 'lookup-error') el.hidden = true;
      return;
    }
    var p = document.createElement('p');
    p.textContent = m.text || t(m.key, m.params);
    el.appendChild(p);
    if (m.extra) {
      var x = document.createElement('p');
      x.className = 'sha';
      x.textContent = t(m.extra.key, m.extra.params);
      el.appendChild(x);
    }
    el.classList.add(m.kind === 'ok' ? 'result-ok' : 'result-error');
    el.hidden = false;
  }

  function networkKey(status) {
    if (status === 0) return { key: 'net.offline' };
    if (status === 413) return { key: 'net.413' };
    if (status === 429) return { key: 'net.429' };
    if (status >= 500) return { key: 'net.5xx' };
    return { key: 'net.unknown', params: { status: status } };
  }

  function parseJson(txt) {
    if (!txt) return null;
    try {
      return JSON.parse(txt);
    } catch (e) {
      return null;
    }
  }

  /** The status is asked for in the page's language, so the server's sentences match it. */
  function statusPath() {
    return '/status?lang=' + encodeURIComponent(I.getLang());
  }

  function request(method, path, body) {
    var headers = {
      Accept: 'application/json, application/problem+json',
      'X-Access-Code': creds.accessCode,
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return fetch(API + '/reports/' + encodeURIComponent(creds.reference) + path, {
      method: method,
      headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      credentials: 'same-origin',
    }).then(
      function (res) {
        return res.text().then(function (txt) {
          return { status: res.status, body: parseJson(txt) };
        });
      },
      function () {
        return { status: 0, body: null };
      },
    );
  }

  /** Message of the first server validation error, or the problem's detail. */
  function problemText(body) {
    if (!body) return null;
    if (Array.isArray(body.errors) && body.errors.length && body.errors[0].message)
      return String(body.errors[0].message);
    return body.detail || body.title || null;
  }

  function setBusy(button, on, busyKey, idleKey) {
    busy[button] = on ? busyKey : null;
    var b = $(button);
    b.disabled = on;
    b.setAttribute('aria-busy', on ? 'true' : 'false');
    b.textContent = t(on ? busyKey : idleKey);
  }

  // ------------------------------------------------------------ lookup

  function onLookup(ev) {
    ev.preventDefault();
    if (busy.lookup) return;
    var reference = $('reference').value.trim();
    var accessCode = $('access-code').value.trim();
    setFieldError('reference', reference ? null : { code: 'required' });
    setFieldError('access-code', accessCode ? null : { code: 'required' });
    setMessage('lookup-error', null);
    if (!reference || !accessCode) {
      $(!reference ? 'reference' : 'access-code').focus();
      return;
    }
    loadStatus({ reference: reference, accessCode: accessCode }, true);
  }

  function loadStatus(c, moveFocus) {
    var previous = creds;
    var seq = ++lookupSeq;
    creds = c;
    setBusy('lookup', true, 'status.loading', 'status.lookup');
    $('lookup-status').textContent = t('status.loading');
    return request('GET', statusPath()).then(function (res) {
      // Two quick language switches: only the last answer is shown, in the last language.
      if (seq !== lookupSeq) return;
      setBusy('lookup', false, 'status.loading', 'status.lookup');
      $('lookup-status').textContent = '';
      if (res.status === 200 && res.body) {
        data = res.body;
        setMessage('lookup-error', null);
        render();
        showPanels(true);
        if (moveFocus) $('status-heading').focus();
        return;
      }
      if (res.status === 404 || res.status === 400 || res.status === 401 || res.status === 403) {
        creds = null;
        data = null;
        showPanels(false);
        setMessage('lookup-error', { key: 'status.notFound' }, 'error');
      } else {
        creds = data ? previous : null;
        setMessage('lookup-error', networkKey(res.status), 'error');
      }
      $('lookup-error').focus();
    });
  }

  function showPanels(on) {
    $('report-status').hidden = !on;
    $('statement-section').hidden = !on;
    $('evidence-section').hidden = !on;
  }

  function render() {
    if (!data) return;
    $('status-heading').textContent = t('status.heading', {
      reference: data.reference || creds.reference,
    });
    var sv = $('status-value');
    sv.textContent = I.label('statusValue', data.status);
    sv.setAttribute('data-status', String(data.status || ''));
    $('status-submitted-at').textContent = data.submittedAt
      ? I.formatDateTime(data.submittedAt)
      : '—';
    money('money-loss', data.loss);
    money('money-frozen', data.frozen);
    money('money-reimbursed', data.reimbursed);

    var list = $('timeline');
    list.textContent = '';
    var items = Array.isArray(data.timeline) ? data.timeline.slice() : [];
    items.sort(function (a, b) {
      return (Date.parse(a && a.at) || 0) - (Date.parse(b && b.at) || 0);
    });
    items.forEach(function (ev) {
      if (!ev) return;
      var li = document.createElement('li');
      li.className = 'timeline-item';
      var time = document.createElement('time');
      time.className = 'timeline-time';
      if (ev.at) time.setAttribute('datetime', String(ev.at));
      time.textContent = I.formatDateTime(ev.at);
      li.appendChild(time);
      // Only the server's sentence is shown: the code is for machines, never for the page.
      var msg = document.createElement('p');
      msg.className = 'timeline-message';
      msg.textContent = String(ev.message || '');
      li.appendChild(msg);
      list.appendChild(li);
    });
    $('timeline-empty').hidden = items.length > 0;
    renderStatements(Array.isArray(data.statements) ? data.statements : []);
    renderFiles(Array.isArray(data.evidence) ? data.evidence : []);
  }

  function textEl(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    el.textContent = text;
    return el;
  }

  /** Each statement as sent: when, its text, its payments and suspects (masked as stored). */
  function renderStatements(statements) {
    var list = $('statements-list');
    list.textContent = '';
    statements.forEach(function (s) {
      var li = document.createElement('li');
      li.className = 'sent-item';
      var time = textEl('time', 'timeline-time', I.formatDateTime(s.at));
      time.setAttribute('datetime', String(s.at));
      li.appendChild(time);
      if (s.text) li.appendChild(textEl('p', 'sent-text', String(s.text)));
      var txs = Array.isArray(s.transactions) ? s.transactions : [];
      if (txs.length) {
        li.appendChild(textEl('p', 'sent-label', t('sent.payments')));
        var ul = document.createElement('ul');
        txs.forEach(function (tx) {
          var parts = [
            I.formatMoney(tx.amount),
            I.label('method', tx.method),
            I.formatDateTime(tx.paidAt),
          ];
          if (tx.toBank) parts.push(String(tx.toBank));
          if (tx.toAccount) parts.push(String(tx.toAccount));
          ul.appendChild(textEl('li', null, parts.join(' · ')));
        });
        li.appendChild(ul);
      }
      var sus = Array.isArray(s.suspects) ? s.suspects : [];
      if (sus.length) {
        li.appendChild(textEl('p', 'sent-label', t('sent.suspects')));
        var su = document.createElement('ul');
        sus.forEach(function (x) {
          su.appendChild(textEl('li', null, I.label('suspectType', x.type) + ': ' + x.value));
        });
        li.appendChild(su);
      }
      list.appendChild(li);
    });
    $('statements-empty').hidden = statements.length > 0;
  }

  function fileSize(bytes) {
    var n = Number(bytes) || 0;
    if (n < 1024) return t('sent.bytes', { n: n });
    if (n < 1024 * 1024) return t('sent.kb', { n: Math.round(n / 102.4) / 10 });
    return t('sent.mb', { n: Math.round(n / 104857.6) / 10 });
  }

  /** Each file as stored: its name, size, time and SHA-256 (to match a copy the citizen keeps). */
  function renderFiles(files) {
    var list = $('evidence-list');
    list.textContent = '';
    files.forEach(function (f) {
      var li = document.createElement('li');
      li.className = 'sent-item';
      li.appendChild(textEl('p', 'sent-file', String(f.name) + ' (' + fileSize(f.size) + ')'));
      var time = textEl('time', 'timeline-time', I.formatDateTime(f.at));
      time.setAttribute('datetime', String(f.at));
      li.appendChild(time);
      li.appendChild(textEl('p', 'sha', t('evidence.sha', { sha: String(f.sha256) })));
      list.appendChild(li);
    });
    $('evidence-empty').hidden = files.length > 0;
  }

  function money(id, v) {
    var el = $(id);
    var missing = v === undefined || v === null || v === '';
    el.textContent = missing ? t('money.none') : I.formatMoney(v);
    el.classList.toggle('muted', missing);
    el.classList.toggle('money-value', !missing);
  }

  // ------------------------------------------------------------ evidence

  function selectedFile() {
    var input = $('evidence-file');
    return input.files && input.files.length ? input.files[0] : null;
  }

  function checkFile() {
    var code = V.evidenceFileError(selectedFile());
    setFieldError('evidence-file', code ? { code: code } : null);
    return !code;
  }

  function onEvidence(ev) {
    ev.preventDefault();
    if (!creds || busy['evidence-submit']) return;
    setMessage('evidence-result', null);
    if (!checkFile()) {
      $('evidence-file').focus();
      return;
    }
    var file = selectedFile();
    var progress = $('evidence-progress');
    progress.value = 0;
    progress.hidden = false;
    setBusy('evidence-submit', true, 'evidence.uploading', 'evidence.submit');

    var xhr = new XMLHttpRequest();
    xhr.open('POST', API + '/reports/' + encodeURIComponent(creds.reference) + '/evidence');
    xhr.setRequestHeader('X-Access-Code', creds.accessCode);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) progress.value = Math.round((e.loaded / e.total) * 100);
    });
    function finish(status, body) {
      progress.hidden = true;
      setBusy('evidence-submit', false, 'evidence.uploading', 'evidence.submit');
      if (status >= 200 && status < 300) {
        var sha = body && (body.sha256 || body.sha256Hex || body.hash);
        $('evidence-file').value = '';
        setMessage(
          'evidence-result',
          {
            key: 'evidence.done',
            params: { name: file.name },
            extra: sha ? { key: 'evidence.sha', params: { sha: String(sha) } } : null,
          },
          'ok',
        );
        refreshQuietly();
      } else if (status === 413 && body && body.type === '/problems/evidence-quota-exceeded') {
        setFieldError('evidence-file', { code: 'evidenceQuota' });
      } else if (status === 409 && body && body.type === '/problems/evidence-limit') {
        setFieldError('evidence-file', { code: 'evidenceLimit' });
      } else if (status === 413) {
        setFieldError('evidence-file', { code: 'fileTooLarge' });
      } else if (status === 415) {
        setFieldError('evidence-file', { code: 'fileType' });
      } else if (status === 400 || status === 422) {
        setFieldError('evidence-file', { text: problemText(body) || t('summary.generic') });
      } else if (status === 404) {
        setMessage('evidence-result', { key: 'status.notFound' }, 'error');
      } else {
        setMessage('evidence-result', networkKey(status), 'error');
      }
    }
    xhr.addEventListener('load', function () {
      finish(xhr.status, parseJson(xhr.responseText));
    });
    xhr.addEventListener('error', function () {
      finish(0, null);
    });
    var fd = new FormData();
    fd.append('file', file, file.name);
    xhr.send(fd);
  }

  function refreshQuietly() {
    if (creds) loadStatus(creds, false);
  }

  // ------------------------------------------------------------ init

  function onLanguageChange() {
    render();
    // The timeline's sentences come from the server: ask again in the new language.
    if (creds && data) refreshQuietly();
    Object.keys(fieldErrors).forEach(renderFieldError);
    Object.keys(messages).forEach(renderMessage);
    [
      ['lookup', 'status.lookup'],
      ['evidence-submit', 'evidence.submit'],
    ].forEach(function (b) {
      if (busy[b[0]]) $(b[0]).textContent = t(busy[b[0]]);
    });
  }

  function init() {
    if (!$('lookup-form')) return;
    each(document.querySelectorAll('input, select, textarea'), function (el) {
      el.setAttribute('data-describedby', el.getAttribute('aria-describedby') || '');
    });
    $('lookup-error').setAttribute('tabindex', '-1');
    var ref = new URLSearchParams(window.location.search).get('reference');
    if (ref) $('reference').value = ref;

    $('lookup-form').addEventListener('submit', onLookup);
    $('refresh').addEventListener('click', refreshQuietly);
    window.FraudStatementForm.init({
      canSend: function () {
        return !!creds;
      },
      send: function (body) {
        return request('POST', '/statements', body);
      },
      onSent: refreshQuietly,
      failure: function (status) {
        var m = status === 404 ? { key: 'status.notFound' } : networkKey(status);
        return { key: m.key, params: m.params, kind: 'error' };
      },
    });
    $('evidence-form').addEventListener('submit', onEvidence);
    $('evidence-file').addEventListener('change', function () {
      setMessage('evidence-result', null);
      if (selectedFile()) checkFile();
      else setFieldError('evidence-file', null);
    });
    ['reference', 'access-code'].forEach(function (id) {
      $(id).addEventListener('input', function () {
        if (fieldErrors[id]) setFieldError(id, null);
      });
    });
    I.onChange(onLanguageChange);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
