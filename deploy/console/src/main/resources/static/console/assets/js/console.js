// Shared by every console page (a static file: the Content-Security-Policy allows no inline script).
// htmx requests carry the session's CSRF token in the header Spring Security expects.
(function () {
  'use strict';
  var header = document.querySelector('meta[name="csrf-header"]');
  var token = document.querySelector('meta[name="csrf-token"]');
  if (header && token) {
    document.body.addEventListener('htmx:configRequest', function (event) {
      event.detail.headers[header.content] = token.content;
    });
  }
})();
