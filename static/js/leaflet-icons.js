// Tell Leaflet where its default marker images are. It looks for them next to
// leaflet.css, but collected static files have hashed names, so it asked the page's own
// address instead (marker-icon.png 404). The addresses come from this script tag.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!window.L || !script) {
    return;
  }
  window.L.Icon.Default.imagePath = "";
  window.L.Icon.Default.mergeOptions({
    iconUrl: script.dataset.iconUrl,
    iconRetinaUrl: script.dataset.iconRetinaUrl,
    shadowUrl: script.dataset.shadowUrl,
  });
})();
