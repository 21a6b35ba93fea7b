// The warehouse pages. No inline scripts (the Content-Security-Policy forbids them): behaviour is attached here.
(function () {
  "use strict";

  // A refused scan (400 wrong input, 409 wrong state, 422 wrong item) still answers the packing panel with the message:
  // htmx swaps it in like a success instead of dropping it.
  var SHOWN_REFUSALS = [400, 409, 422];

  function focusScanField() {
    var field = document.getElementById("scan-code");
    if (field) {
      field.value = "";
      field.focus();
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    focusScanField();

    document.body.addEventListener("htmx:beforeSwap", function (event) {
      var target = event.detail.target;
      if (target && target.id === "work" && SHOWN_REFUSALS.indexOf(event.detail.xhr.status) >= 0) {
        event.detail.shouldSwap = true;
        event.detail.isError = false;
      }
    });

    document.body.addEventListener("htmx:afterSettle", function (event) {
      if (event.detail.target && event.detail.target.id === "work") {
        focusScanField();
        var ship = document.querySelector("#ship-form input[name=option]:checked");
        if (!document.getElementById("scan-code") && ship) {
          ship.focus();
        }
      }
    });

    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.addEventListener("click", function () {
        window.print();
      });
    });
  });
})();
