// Reports Core Web Vitals, page views and uncaught errors of this page to the service it came
// from, batched in one beacon when the page is hidden or left. Served after web-vitals by the
// RUM script; `vantageRum` (the script and beacon paths) is set just before this code.
// The page names its route template, never its URL: <html data-vantage-page="/products/{id}">
// (or data-vantage-page on <body> or on the script tag); pages without one report as "other".
var script = document.currentScript;
if (!script || !window.webVitals || !window.JSON) {
  return;
}
var source = new URL(script.src, location.href);
var base = source.pathname.slice(0, Math.max(0, source.pathname.length - vantageRum.script.length));
var beaconUrl = source.origin + base + vantageRum.beacon;
var MAX_ERRORS = 100;
var MAX_ERROR_DETAILS = 10;
var pending = [];
var reported = {};
var viewReported = false;
var errors = 0;
var details = [];

function page() {
  var holders = [script, document.documentElement, document.body];
  for (var i = 0; i < holders.length; i++) {
    var value = holders[i] && holders[i].getAttribute('data-vantage-page');
    if (value) {
      return value;
    }
  }
  return 'other';
}

function queue(metric) {
  if (reported[metric.id]) {
    return;
  }
  reported[metric.id] = true;
  pending.push({ name: metric.name, value: metric.value });
}

function flush() {
  if (viewReported && pending.length === 0 && errors === 0) {
    return;
  }
  var body = JSON.stringify({ page: page(), view: !viewReported, errors: Math.min(errors, MAX_ERRORS), metrics: pending,
    errorDetails: details });
  viewReported = true;
  pending = [];
  errors = 0;
  details = [];
  var sent = false;
  try {
    sent = navigator.sendBeacon && navigator.sendBeacon(beaconUrl, new Blob([body], { type: 'text/plain' }));
  } catch (e) {
    sent = false;
  }
  if (!sent && window.fetch) {
    fetch(beaconUrl, { method: 'POST', body: body, keepalive: true, credentials: 'omit',
      headers: { 'Content-Type': 'text/plain' } }).catch(function () {});
  }
}

// The message and the top frame of each error, counted per kind: the service groups them.
function topFrame(error) {
  var stack = error && typeof error.stack === 'string' ? error.stack.split('\n') : [];
  for (var i = 0; i < stack.length; i++) {
    if (/:\d+(:\d+)?\)?\s*$/.test(stack[i])) {
      return stack[i].slice(0, 300);
    }
  }
  return '';
}

function noteError(message, frame) {
  errors++;
  message = String(message || 'Error').slice(0, 300);
  for (var i = 0; i < details.length; i++) {
    if (details[i].message === message && details[i].frame === frame) {
      details[i].count = Math.min(details[i].count + 1, MAX_ERRORS);
      return;
    }
  }
  if (details.length < MAX_ERROR_DETAILS) {
    details.push({ message: message, frame: frame, count: 1 });
  }
}

addEventListener('error', function (event) {
  noteError(event.error ? String(event.error) : event.message,
    topFrame(event.error) || (event.filename ? event.filename + ':' + event.lineno + ':' + event.colno : ''));
});
addEventListener('unhandledrejection', function (event) {
  var reason = event.reason;
  noteError(reason instanceof Error ? String(reason) : 'UnhandledRejection: ' + String(reason), topFrame(reason));
});
webVitals.onLCP(queue);
webVitals.onINP(queue);
webVitals.onCLS(queue);
webVitals.onFCP(queue);
webVitals.onTTFB(queue);
// Registered after web-vitals' own listeners, so that the values they finalize on hiding are queued first.
addEventListener('visibilitychange', function () {
  if (document.visibilityState === 'hidden') {
    flush();
  }
});
addEventListener('pagehide', flush);
// A page restored from the back/forward cache is a new page view.
addEventListener('pageshow', function (event) {
  if (event.persisted) {
    viewReported = false;
  }
});
