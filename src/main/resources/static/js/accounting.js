// The accounting pages' behaviour (no inline scripts: the Content-Security-Policy forbids them). Amounts are added up in
// minor units (BigInt), never as floating point, and shown the way the page's language writes money.
(function () {
  "use strict";

  function digits(currency) {
    try {
      return new Intl.NumberFormat("en", { style: "currency", currency: currency }).resolvedOptions().maximumFractionDigits;
    } catch (e) {
      return 2;
    }
  }

  // "12.5" → 1250n for two digits; null for anything that is not a plain non-negative decimal
  function toMinor(text, scale) {
    var value = (text || "").trim();
    if (value === "") {
      return 0n;
    }
    var match = /^(\d+)(?:[.,](\d*))?$/.exec(value);
    if (!match || (match[2] || "").length > scale) {
      return null;
    }
    var fraction = (match[2] || "").padEnd(scale, "0");
    return BigInt(match[1] + fraction);
  }

  function toText(minor, scale) {
    var negative = minor < 0n;
    var digitsText = (negative ? -minor : minor).toString().padStart(scale + 1, "0");
    var whole = scale === 0 ? digitsText : digitsText.slice(0, digitsText.length - scale);
    var text = scale === 0 ? whole : whole + "." + digitsText.slice(digitsText.length - scale);
    return (negative ? "-" : "") + text;
  }

  function money(minor, scale, currency) {
    var lang = document.documentElement.lang || "en";
    try {
      return new Intl.NumberFormat(lang, { style: "currency", currency: currency, minimumFractionDigits: scale,
        maximumFractionDigits: scale }).format(Number(toText(minor, scale)));
    } catch (e) {
      return toText(minor, scale) + " " + currency;
    }
  }

  function paymentForm(form) {
    var amount = form.querySelector("#amount");
    var currency = form.querySelector("#currency");
    var inputs = Array.prototype.slice.call(form.querySelectorAll(".allocation-input"));
    var sum = form.querySelector("#allocation-sum");
    var remaining = form.querySelector("#allocation-remaining");
    var oldest = form.querySelector("#allocation-oldest");
    var fill = form.querySelector("#fill-oldest");

    function fillOldestFirst() {
      var scale = digits(currency.value);
      var left = toMinor(amount.value, scale);
      if (left === null) {
        return;
      }
      inputs.forEach(function (input) {
        var open = toMinor(input.dataset.open, scale) || 0n;
        var take = input.dataset.currency !== currency.value || left <= 0n ? 0n : (open < left ? open : left);
        input.value = take > 0n ? toText(take, scale) : "";
        left -= take;
      });
    }

    function update() {
      var scale = digits(currency.value);
      var total = toMinor(amount.value, scale);
      var allocated = 0n;
      var readable = true;
      inputs.forEach(function (input) {
        input.readOnly = oldest.checked;
        var value = toMinor(input.value, scale);
        if (value === null) {
          readable = false;
        } else {
          allocated += value;
        }
      });
      if (!readable || total === null) {
        sum.textContent = "–";
        remaining.textContent = "–";
        return;
      }
      sum.textContent = money(allocated, scale, currency.value);
      remaining.textContent = money(total - allocated, scale, currency.value);
      var over = allocated > total;
      sum.classList.toggle("text-danger", over);
      remaining.classList.toggle("text-danger", over);
    }

    form.addEventListener("input", update);
    form.addEventListener("change", function (event) {
      if (oldest.checked && (event.target === oldest || event.target === amount || event.target === currency)) {
        fillOldestFirst();
      }
      update();
    });
    if (fill) {
      fill.addEventListener("click", function () {
        fillOldestFirst();
        update();
      });
    }
    // a second click while the first submit is on its way sends nothing (the server would record it once anyway)
    form.addEventListener("submit", function (event) {
      if (form.dataset.submitted === "true") {
        event.preventDefault();
        return;
      }
      form.dataset.submitted = "true";
    });
    update();
  }

  function creditForm(form) {
    var byAmount = form.querySelector("#credit-by-amount");
    function update() {
      form.querySelector("#credit-lines").classList.toggle("d-none", byAmount.checked);
      form.querySelector(".credit-amount").classList.toggle("d-none", !byAmount.checked);
    }
    form.addEventListener("change", update);
    update();
  }

  document.addEventListener("DOMContentLoaded", function () {
    var payment = document.getElementById("payment-form");
    if (payment) {
      paymentForm(payment);
    }
    var credit = document.getElementById("credit-form");
    if (credit) {
      creditForm(credit);
    }
  });
})();
