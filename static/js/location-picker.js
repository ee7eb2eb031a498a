// The organisation form's location picker: choosing a municipality puts the pin at its
// centre; dragging the pin fills in the coordinates; typing coordinates moves the pin.
// Without JavaScript the typed coordinates (or the municipality's centre) are used by
// the server, so this only helps. No inline scripts: the centres come from json_script.
(function () {
  "use strict";

  var DENMARK_CENTRE = [56.0, 10.5];

  function parseCoordinate(value) {
    var number = parseFloat(String(value || "").trim().replace(",", "."));
    return isFinite(number) ? number : null;
  }

  function formatCoordinate(number) {
    return number.toFixed(5);
  }

  function init() {
    var picker = document.querySelector("[data-location-picker]");
    var mapElement = document.getElementById("location-map");
    var centresElement = document.getElementById("municipality-centres");
    var municipality = document.getElementById("id_municipality");
    var latitude = document.getElementById("id_latitude");
    var longitude = document.getElementById("id_longitude");
    if (!picker || !mapElement || !centresElement || !latitude || !longitude || !window.L) {
      return;
    }
    var centres = JSON.parse(centresElement.textContent);
    picker.hidden = false;

    var map = window.L.map(mapElement, { scrollWheelZoom: false });
    window.L.tileLayer(mapElement.dataset.tileUrl, {
      attribution: mapElement.dataset.tileAttribution,
      maxZoom: 18,
    }).addTo(map);
    var marker = null;

    function currentPosition() {
      var lat = parseCoordinate(latitude.value);
      var lon = parseCoordinate(longitude.value);
      return lat === null || lon === null ? null : [lat, lon];
    }

    function placeMarker(position, zoom) {
      if (marker === null) {
        marker = window.L.marker(position, {
          draggable: true,
          keyboard: true,
          title: mapElement.dataset.markerLabel,
          alt: mapElement.dataset.markerLabel,
        }).addTo(map);
        marker.on("dragend", function () {
          var point = marker.getLatLng();
          latitude.value = formatCoordinate(point.lat);
          longitude.value = formatCoordinate(point.lng);
        });
      } else {
        marker.setLatLng(position);
      }
      map.setView(position, zoom || Math.max(map.getZoom() || 0, 11));
    }

    function municipalityCentre() {
      return municipality && centres[municipality.value] ? centres[municipality.value] : null;
    }

    var start = currentPosition() || municipalityCentre();
    if (start) {
      placeMarker(start, 12);
    } else {
      map.setView(DENMARK_CENTRE, 6);
    }

    if (municipality) {
      municipality.addEventListener("change", function () {
        var centre = municipalityCentre();
        if (centre) {
          latitude.value = formatCoordinate(centre[0]);
          longitude.value = formatCoordinate(centre[1]);
          placeMarker(centre, 11);
        }
      });
    }

    function onTyped() {
      var position = currentPosition();
      if (position) {
        placeMarker(position);
      }
    }
    latitude.addEventListener("change", onTyped);
    longitude.addEventListener("change", onTyped);

    // Clicking the map moves the pin there as well.
    map.on("click", function (event) {
      latitude.value = formatCoordinate(event.latlng.lat);
      longitude.value = formatCoordinate(event.latlng.lng);
      placeMarker([event.latlng.lat, event.latlng.lng]);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
