// The directory's filter form (templates/ecosystem/directory.html and map.html). htmx does
// the work from the form's hx-* attributes (hx-history="false": the back button asks the
// server again); this keeps the shared address tidy, folds the filters on narrow screens
// and keeps the language links in step. Without JavaScript the form submits as a GET.
(function () {
  "use strict";

  var FORM_IDS = ["actor-filters", "resource-filters"];

  // Leave empty filters out of the address, so a shared link is short and readable.
  document.addEventListener("htmx:configRequest", function (event) {
    if (!event.detail.elt || FORM_IDS.indexOf(event.detail.elt.id) === -1 || !event.detail.formData) {
      return;
    }
    var data = event.detail.formData;
    var empty = [];
    data.forEach(function (value, key) {
      if (value === "") {
        empty.push(key);
      }
    });
    empty.forEach(function (key) {
      data.delete(key);
    });
  });

  // On a narrow screen the filter panel starts folded, so the results are near the top.
  // A field with an error stays visible.
  function foldFilters() {
    document.querySelectorAll("details[data-fold-below]").forEach(function (panel) {
      var width = parseInt(panel.dataset.foldBelow, 10);
      var narrow = window.matchMedia("(max-width: " + (width - 1) + "px)").matches;
      if (narrow && !panel.querySelector("[aria-invalid=true]")) {
        panel.open = false;
      }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", foldFilters);
  } else {
    foldFilters();
  }

  // After the filters changed in place, the language links keep them too.
  document.addEventListener("htmx:pushedIntoHistory", function () {
    document.querySelectorAll(".language-switcher a[hreflang]").forEach(function (link) {
      var url = new URL(link.href, window.location.href);
      url.search = window.location.search;
      link.href = url.toString();
    });
  });
})();
