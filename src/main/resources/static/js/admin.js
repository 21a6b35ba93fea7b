// Administration pages: copying a freshly issued API token to the clipboard (the page shows it once).
(function () {
  "use strict";

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-copy-target]").forEach(function (button) {
      button.addEventListener("click", function () {
        var field = document.getElementById(button.dataset.copyTarget);
        if (!field) {
          return;
        }
        field.select();
        var done = function () {
          button.textContent = button.dataset.copied || button.textContent;
        };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(field.value).then(done, function () {
            // the text stays selected: Ctrl+C copies it
          });
        } else {
          try {
            if (document.execCommand("copy")) {
              done();
            }
          } catch (e) {
            // the text stays selected: Ctrl+C copies it
          }
        }
      });
    });
  });
})();
