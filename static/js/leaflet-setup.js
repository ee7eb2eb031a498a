// What every map of the portal shares, set once on Leaflet itself so no map can miss it
// (the actor map, an actor's pin, the location picker). Settings come from this script
// tag's data attributes (templates/includes/leaflet_js.html): no inline scripts (CSP).
//
// - Marker images: Leaflet looks for them next to leaflet.css, but collected static files
//   have hashed names, so it asked the page's own address instead (marker-icon.png 404).
// - The controls speak the page's language (the zoom buttons said "Zoom in" on Danish
//   pages, the popup's close button "Close popup").
// - Keyboard: opening a popup moves focus into it, so its link can be reached, and closing
//   it (Escape) returns focus to its marker; markers outside the visible map are taken out of the
//   tab order, because focusing one made the browser scroll the map to it.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!window.L || !script) {
    return;
  }
  var L = window.L;
  var labels = script.dataset;

  L.Icon.Default.imagePath = "";
  L.Icon.Default.mergeOptions({
    iconUrl: labels.iconUrl,
    iconRetinaUrl: labels.iconRetinaUrl,
    shadowUrl: labels.shadowUrl,
  });
  L.Control.Zoom.mergeOptions({
    zoomInTitle: labels.zoomInLabel,
    zoomOutTitle: labels.zoomOutLabel,
  });

  function keepFocusOnTheVisibleMap(map) {
    var pending = false;
    function sync() {
      pending = false;
      var box = map.getContainer().getBoundingClientRect();
      map
        .getContainer()
        .querySelectorAll(".leaflet-marker-icon.leaflet-interactive")
        .forEach(function (icon) {
          var rect = icon.getBoundingClientRect();
          var centreX = rect.left + rect.width / 2;
          var centreY = rect.top + rect.height / 2;
          var inside =
            centreX >= box.left && centreX <= box.right && centreY >= box.top && centreY <= box.bottom;
          if (inside) {
            icon.setAttribute("tabindex", "0");
            icon.removeAttribute("aria-hidden");
          } else {
            icon.setAttribute("tabindex", "-1");
            icon.setAttribute("aria-hidden", "true");
          }
        });
    }
    function schedule() {
      if (!pending) {
        pending = true;
        window.requestAnimationFrame(sync);
      }
    }
    map.on("moveend zoomend resize layeradd", schedule);
    map.on("animationend", schedule); // markercluster's (un)spiderfy and re-clustering
  }

  L.Map.addInitHook(function () {
    var map = this;
    keepFocusOnTheVisibleMap(map);
    map.on("popupopen", function (event) {
      var popup = event.popup.getElement();
      var close = popup.querySelector(".leaflet-popup-close-button");
      if (close && labels.closePopupLabel) {
        close.setAttribute("aria-label", labels.closePopupLabel);
        close.setAttribute("title", labels.closePopupLabel);
      }
      // Leaflet closes a popup on Escape only while the map itself has focus.
      if (!popup.dataset.escapeCloses) {
        popup.dataset.escapeCloses = "true";
        popup.addEventListener("keydown", function (keyEvent) {
          if (keyEvent.key === "Escape") {
            keyEvent.preventDefault();
            map.closePopup();
          }
        });
      }
      var target = popup.querySelector(".leaflet-popup-content a") || close;
      if (target) {
        target.focus({ preventScroll: true });
      }
    });
    map.on("popupclose", function (event) {
      var source = event.popup._source;
      var icon = source && source.getElement && source.getElement();
      if (icon && event.popup.getElement().contains(document.activeElement)) {
        icon.focus({ preventScroll: true });
      }
    });
  });
})();
