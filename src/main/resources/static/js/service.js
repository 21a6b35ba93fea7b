// Customer service pages' behaviour (no inline scripts: the Content-Security-Policy forbids them).
// A status filter shows its result as soon as it is changed; an action form marked "once" (approve, receive, resolve,
// add a note) cannot be sent twice by a second click while the first is on its way.
(function () {
  "use strict";

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("select.auto-submit").forEach(function (select) {
      select.addEventListener("change", function () {
        if (select.form) {
          select.form.requestSubmit();
        }
      });
    });
    document.querySelectorAll("form.once").forEach(function (form) {
      form.addEventListener("submit", function () {
        window.setTimeout(function () {
          form.querySelectorAll("button[type=submit]").forEach(function (button) {
            button.disabled = true;
            button.setAttribute("aria-busy", "true");
          });
        }, 0);
      });
    });
  });
})();
