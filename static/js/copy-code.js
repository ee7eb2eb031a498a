// A copy button for code that people paste elsewhere (the open-data page's "Embed the map").
// The markup holds the button, hidden: `<p data-copy-code="ID" data-copied-label=…
// data-failed-label=… hidden><button>…</button><span role="status"></span></p>`, where ID
// is the textarea with the code. Without JavaScript the button stays hidden and the
// textarea (read-only, selectable) is there to copy from by hand. htmx may swap the
// markup for new code: the buttons are shown again after every swap, and one listener on
// the document serves them all.
(function () {
  "use strict";

  function showButtons() {
    document.querySelectorAll("[data-copy-code][hidden]").forEach(function (box) {
      box.hidden = false;
    });
  }

  function say(box, text) {
    var status = box.querySelector("[role=status]");
    if (status) {
      status.textContent = text;
    }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy-code] button");
    if (!button) {
      return;
    }
    var box = button.closest("[data-copy-code]");
    var code = document.getElementById(box.dataset.copyCode);
    if (!code) {
      return;
    }
    code.select();
    var done = function () {
      say(box, box.dataset.copiedLabel);
    };
    var failed = function () {
      say(box, box.dataset.failedLabel);
      code.focus();
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(code.value).then(done, failed);
    } else {
      try {
        (document.execCommand("copy") ? done : failed)();
      } catch (error) {
        failed();
      }
    }
  });

  document.addEventListener("DOMContentLoaded", showButtons);
  document.addEventListener("htmx:afterSwap", showButtons);
})();
