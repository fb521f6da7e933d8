// The report form, enhanced: "use my location" fills the point fields, and where the site
// has map tiles configured, a small map lets the reporter tap the place. Without this file
// (or without JavaScript) the latitude and longitude fields work as they are.
(function () {
  "use strict";
  var box = document.querySelector("[data-point-fields]");
  if (!box) { return; }
  var lat = box.querySelector("input[name=latitude]");
  var lng = box.querySelector("input[name=longitude]");
  if (!lat || !lng) { return; }
  var lang = document.documentElement.lang || "id";
  var words = lang === "en"
    ? { here: "Use my location", wait: "Finding your location…", fail: "Your location is not available: type the place instead.", plus: "Zoom in", minus: "Zoom out", map: "Map: tap the place of the problem" }
    : { here: "Pakai lokasi saya", wait: "Mencari lokasi Anda…", fail: "Lokasi Anda tidak tersedia: tulis tempatnya saja.", plus: "Perbesar", minus: "Perkecil", map: "Peta: ketuk tempat masalahnya" };

  function set(latitude, longitude) {
    lat.value = latitude.toFixed(6);
    lng.value = longitude.toFixed(6);
    lat.dispatchEvent(new Event("change"));
  }

  var tools = document.createElement("div");
  tools.className = "point-tools";
  var status = document.createElement("p");
  status.setAttribute("role", "status");
  status.className = "helptext";
  if (navigator.geolocation) {
    var here = document.createElement("button");
    here.type = "button";
    here.className = "secondary";
    here.textContent = words.here;
    here.addEventListener("click", function () {
      status.textContent = words.wait;
      navigator.geolocation.getCurrentPosition(function (pos) {
        set(pos.coords.latitude, pos.coords.longitude);
        status.textContent = "";
      }, function () { status.textContent = words.fail; }, { enableHighAccuracy: true, timeout: 15000 });
    });
    tools.appendChild(here);
  }
  box.insertBefore(status, box.firstChild);
  box.insertBefore(tools, box.firstChild);

  var tiles = box.getAttribute("data-tiles");
  if (!tiles) { return; }
  // A 3 x 3 block of web-mercator tiles around the point; a tap sets the point.
  var zoom = 15;
  var center = { lat: parseFloat(lat.value) || -7.150975, lng: parseFloat(lng.value) || 111.88186 };
  var picker = document.createElement("div");
  picker.className = "picker";
  picker.setAttribute("role", "application");
  picker.setAttribute("aria-label", words.map);
  var marker = document.createElement("span");
  marker.className = "marker";

  function toTile(la, lo, z) {
    var n = Math.pow(2, z), r = la * Math.PI / 180;
    return { x: (lo + 180) / 360 * n, y: (1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n };
  }
  function fromTile(x, y, z) {
    var n = Math.pow(2, z), k = Math.PI - 2 * Math.PI * y / n;
    return { lat: 180 / Math.PI * Math.atan(0.5 * (Math.exp(k) - Math.exp(-k))), lng: x / n * 360 - 180 };
  }
  function draw() {
    picker.textContent = "";
    var t = toTile(center.lat, center.lng, zoom);
    var x0 = Math.floor(t.x) - 1, y0 = Math.floor(t.y) - 1;
    picker.dataset.x0 = x0; picker.dataset.y0 = y0;
    for (var dy = 0; dy < 3; dy++) {
      for (var dx = 0; dx < 3; dx++) {
        var img = document.createElement("img");
        img.alt = "";
        img.src = tiles.replace("{z}", zoom).replace("{x}", x0 + dx).replace("{y}", y0 + dy);
        img.style.left = (dx * 33.333) + "%";
        img.style.top = (dy * 33.333) + "%";
        picker.appendChild(img);
      }
    }
    if (lat.value && lng.value) {
      var p = toTile(parseFloat(lat.value), parseFloat(lng.value), zoom);
      marker.style.left = ((p.x - x0) / 3 * 100) + "%";
      marker.style.top = ((p.y - y0) / 3 * 100) + "%";
      picker.appendChild(marker);
    }
  }
  picker.addEventListener("click", function (event) {
    var rect = picker.getBoundingClientRect();
    var x = parseFloat(picker.dataset.x0) + (event.clientX - rect.left) / rect.width * 3;
    var y = parseFloat(picker.dataset.y0) + (event.clientY - rect.top) / rect.height * 3;
    var point = fromTile(x, y, zoom);
    set(point.lat, point.lng);
    draw();
  });
  var zoomBox = document.createElement("div");
  zoomBox.className = "picker-zoom";
  [["+", words.plus, 1], ["−", words.minus, -1]].forEach(function (spec) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "secondary";
    b.textContent = spec[0];
    b.setAttribute("aria-label", spec[1]);
    b.addEventListener("click", function () {
      zoom = Math.max(5, Math.min(19, zoom + spec[2]));
      if (lat.value && lng.value) { center = { lat: parseFloat(lat.value), lng: parseFloat(lng.value) }; }
      draw();
    });
    zoomBox.appendChild(b);
  });
  box.appendChild(picker);
  box.appendChild(zoomBox);
  draw();
}());
