// Order entry: type-ahead lists chosen with arrow keys and Enter, a barcode scanner's code + Enter adding a line, and the
// quote (prices, tax, stock, promise, credit) fetched again by htmx whenever the order changes.
(function () {
  "use strict";

  var form;
  var typed = 0;      // bumped by every keystroke in a quantity
  var timer = null;

  function quoteUrl() {
    return form.getAttribute("data-quote-url");
  }

  var queue = [];     // refreshes wait for the one in flight: each is built from the form as the last answer left it
  var busy = false;

  /** Fetches the quote for the form as it is now, plus {add: code} or {remove: index}; resolves once it is shown. */
  function refresh(extra) {
    return new Promise(function (resolve) {
      queue.push({extra: extra || {}, done: resolve});
      pump();
    });
  }

  function pump() {
    if (busy || queue.length === 0) {
      return;
    }
    var next = queue.shift();
    busy = true;
    var params = new URLSearchParams(new FormData(form));
    Object.keys(next.extra).forEach(function (name) {
      params.set(name, next.extra[name]);
    });
    var stamp = typed;
    // posted with the form's CSRF token: an order of many lines would outgrow a URL
    fetch(quoteUrl(), {method: "POST", body: params, headers: {"HX-Request": "true"}, credentials: "same-origin"})
      .then(function (response) {
        if (response.redirected || !response.ok) {
          // the session ended (login page) or the server refused: the whole page tells why
          window.location.reload();
          return null;
        }
        return response.text();
      })
      .then(function (html) {
        if (html !== null) {
          swapQuote(html, stamp !== typed);
        }
      })
      .catch(function (e) {
        console.error("the quote could not be fetched", e);
      })
      .finally(function () {
        busy = false;
        next.done();
        pump();
      });
  }

  /** Puts the new quote in place, keeping the focus (and quantities typed since the request left, if any). */
  function swapQuote(html, typedSince) {
    var old = document.getElementById("entry-quote");
    var active = document.activeElement;
    var activeId = active && old.contains(active) ? active.id : null;
    var start = activeId ? active.selectionStart : null;
    var end = activeId ? active.selectionEnd : null;
    var typedValues = {};
    if (typedSince) {
      old.querySelectorAll(".entry-qty, .entry-discount").forEach(function (input) {
        typedValues[input.id] = input.value;
      });
    }
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    var fresh = template.content.firstElementChild;
    old.replaceWith(fresh);
    Object.keys(typedValues).forEach(function (id) {
      var input = document.getElementById(id);
      if (input) {
        input.value = typedValues[id];
      }
    });
    if (activeId) {
      var again = document.getElementById(activeId);
      if (again) {
        again.focus({preventScroll: true});
        if (start !== null && again.setSelectionRange) {
          try {
            again.setSelectionRange(start, end);
          } catch (ignored) {
            // not a text field
          }
        }
      }
    }
    if (typeof htmx !== "undefined") {
      htmx.process(fresh);
    }
  }

  function refreshSoon() {
    typed++;
    if (timer) {
      clearTimeout(timer);
    }
    timer = setTimeout(function () {
      timer = null;
      refresh();
    }, 300);
  }

  function options(list) {
    return Array.prototype.slice.call(list.querySelectorAll("[role=option][data-value]"));
  }

  function listOf(input) {
    return document.getElementById(input.getAttribute("data-listbox"));
  }

  function highlight(input, index) {
    var list = listOf(input);
    var all = options(list);
    all.forEach(function (option, i) {
      var on = i === index;
      option.classList.toggle("active", on);
      option.setAttribute("aria-selected", on ? "true" : "false");
      if (on) {
        input.setAttribute("aria-activedescendant", option.id);
        option.scrollIntoView({block: "nearest"});
      }
    });
    if (index < 0) {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function activeIndex(input) {
    return options(listOf(input)).findIndex(function (option) {
      return option.classList.contains("active");
    });
  }

  function closeList(input) {
    var list = listOf(input);
    list.innerHTML = "";
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function choose(input, option) {
    if (input.getAttribute("data-kind") === "customer") {
      document.getElementById("customerId").value = option.getAttribute("data-value");
      input.value = option.getAttribute("data-label");
      closeList(input);
      refresh();
    } else {
      addProduct(input, option.getAttribute("data-value"));
    }
  }

  function addProduct(input, code) {
    input.value = "";
    closeList(input);
    var request = refresh({add: code});
    if (request) {
      request.then(function () {
        input.focus();
      });
    }
  }

  function onKey(event) {
    var input = event.target;
    if (!input.matches || !input.matches("[data-listbox]")) {
      return;
    }
    var count = options(listOf(input)).length;
    var index = activeIndex(input);
    if (event.key === "ArrowDown" && count > 0) {
      event.preventDefault();
      highlight(input, (index + 1) % count);
    } else if (event.key === "ArrowUp" && count > 0) {
      event.preventDefault();
      highlight(input, index <= 0 ? count - 1 : index - 1);
    } else if (event.key === "Escape") {
      closeList(input);
    } else if (event.key === "Enter") {
      // never submits the order: Enter chooses, or (for products) takes what was typed or scanned as a code
      event.preventDefault();
      if (index >= 0) {
        choose(input, options(listOf(input))[index]);
      } else if (input.getAttribute("data-kind") === "customer" && count === 1) {
        choose(input, options(listOf(input))[0]);
      } else if (input.getAttribute("data-kind") === "product" && input.value.trim() !== "") {
        addProduct(input, input.value.trim());
      }
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    form = document.getElementById("entry-form");
    if (!form) {
      return;
    }
    form.addEventListener("keydown", function (event) {
      onKey(event);
      if (event.key === "Enter" && event.target.classList && (event.target.classList.contains("entry-qty")
          || event.target.classList.contains("entry-discount"))) {
        event.preventDefault();
        refreshSoon();
      }
    });
    form.addEventListener("input", function (event) {
      var target = event.target;
      if (target.classList.contains("entry-qty") || target.classList.contains("entry-discount")) {
        refreshSoon();
      } else if (target.id === "customerQuery") {
        // a changed name no longer names the chosen customer
        document.getElementById("customerId").value = "";
      } else if (target.name && target.name.indexOf("shippingAddress.country") === 0) {
        refreshSoon();
      }
    });
    form.addEventListener("change", function (event) {
      if (event.target.classList.contains("entry-refresh")) {
        refresh();
      }
    });
    form.addEventListener("click", function (event) {
      var remove = event.target.closest(".entry-remove");
      if (remove) {
        refresh({remove: remove.getAttribute("data-index")});
        return;
      }
      var suggested = event.target.closest(".entry-suggest");
      if (suggested) {
        refresh({add: suggested.getAttribute("data-sku")});
        return;
      }
      var option = event.target.closest("[role=option][data-value]");
      if (option) {
        var list = option.closest("[role=listbox]");
        choose(form.querySelector("[data-listbox='" + list.id + "']"), option);
      }
    });
    form.addEventListener("submit", function () {
      // the one-time token already makes a second submit harmless; this spares the second request
      var button = document.getElementById("place-order");
      setTimeout(function () {
        button.disabled = true;
      }, 0);
    });
    window.addEventListener("pageshow", function () {
      // back to a page the browser kept: the form may be sent again (its token still places one order at most)
      document.getElementById("place-order").disabled = false;
    });
    document.body.addEventListener("htmx:beforeSwap", function (event) {
      // a list answered after its field was emptied (a line was just added) stays closed
      var target = event.detail.target;
      if (target && target.matches && target.matches(".entry-suggestions")) {
        var input = form.querySelector("[data-listbox='" + target.id + "']");
        if (input && input.value.trim() === "") {
          event.detail.shouldSwap = false;
        }
      }
    });
    document.body.addEventListener("htmx:afterSwap", function (event) {
      var target = event.detail.target;
      if (target && target.id && target.id.indexOf("-results") > 0) {
        var input = form.querySelector("[data-listbox='" + target.id + "']");
        var list = document.getElementById(target.id);
        if (input && list) {
          input.setAttribute("aria-expanded", options(list).length > 0 ? "true" : "false");
        }
      }
    });
  });
})();
