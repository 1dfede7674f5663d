/* kharita map app, place labels (MIT, part of kharita): countries, governorates, places by
 * prominence and rivers, placed greedily so that no label covers a marker or another label.
 * Names come from the shipped gazetteer and go into the page as text nodes only. */
(function () {
  "use strict";
  var K = window.kharitaCore, App = K.App, el = K.el, bidi = K.bidi, norm = K.norm;

  App.prototype.labelMarker = function (lat, lon, cls, lines, o) {
    var span = o.span = el("span");
    lines.forEach(function (line, k) {
      if (!line) return;
      if (k) span.appendChild(el("br"));
      span.appendChild(bidi(line));
    });
    return new K.Marker([lat, lon], { icon: L.divIcon({ html: span, className: "kh-label " + cls, iconSize: [0, 0] }),
      interactive: false, keyboard: false, pane: "khLabels" });
  };

  // Every candidate label (countries, governorates, places by prominence, rivers) in
  // priority order, with its estimated box size.
  var PLACE_CLS = ["kh-label-city", "kh-label-town", "kh-label-seat", "kh-label-village", "kh-label-hood"];
  var CHAR_W = { country: 8.4, gov: 6.6, river: 6.2, city: 6.6, place: 5.9 };
  App.prototype.labelItems = function () {
    var self = this, ar = this.lang === "ar", L0 = this.d.labels, items = [];
    var pair = function (l) { return ar ? [l[3], l[2]] : [l[2], l[3]]; };
    var add = function (l, cls, lines, o) {
      var longest = Math.max.apply(null, lines.map(function (x) { return String(x || "").length; }));
      o.marker = self.labelMarker(l[0], l[1], cls, lines, o);
      o.ll = L.latLng(l[0], l[1]);
      o.w = longest * CHAR_W[o.size] + 4;
      o.h = lines.filter(Boolean).length * (o.size === "country" ? 17 : 13) + 2;
      o.names = norm(l[2] + " " + l[3]);
      items.push(o);
    };
    L0.countries.forEach(function (l) { add(l, "kh-label-country", pair(l), { group: 0, z0: 0, z1: 8, size: "country", centred: true }); });
    L0.governorates.forEach(function (l) { add(l, "kh-label-gov", pair(l), { group: 2, z0: 6, z1: 11, size: "gov", centred: true, gov: true }); });
    L0.cities.forEach(function (l, k) {
      var kind = l[5] || 0, sep = " \u00b7 ";
      var text = ar ? l[3] + sep + l[2] : l[2] + sep + l[3];
      add(l, PLACE_CLS[kind] || PLACE_CLS[1], [text], { group: l[4] <= 6 ? 1 : 3, order: k, z0: l[4], z1: 99,
        size: kind === 0 ? "city" : "place", city: true, centred: kind === 4, place: l });
    });
    L0.rivers.forEach(function (l) { add(l, "kh-label-river", [ar ? l[3] : l[2]], { group: 4, z0: 6, z1: 99, size: "river", centred: true }); });
    items.sort(function (a, b) { return a.group - b.group || (a.order || 0) - (b.order || 0); });
    return items;
  };

  // Screen boxes of the incident, cluster and base markers on the map, from the position
  // and size Leaflet gave each icon (its transform and inline style): reading the
  // layout instead (getBoundingClientRect) would force a layout of a thousand new icons.
  var px = function (v) { return parseFloat(v) || 0; };
  App.prototype.markerBoxes = function () {
    var map = this.map, out = [];
    var nodes = map.getContainer().querySelectorAll(".leaflet-marker-pane .kh-icon, .leaflet-marker-pane .kh-cluster, .leaflet-khBases-pane .kh-icon");
    for (var k = 0; k < nodes.length; k++) {
      var s = nodes[k].style, pos = L.DomUtil.getPosition(nodes[k]);
      if (!pos) continue;
      var p = map.layerPointToContainerPoint(pos), x0 = p.x + px(s.marginLeft), y0 = p.y + px(s.marginTop);
      out.push([x0 - 2, y0 - 2, x0 + px(s.width) + 2, y0 + px(s.height) + 2]);
    }
    return out;
  };

  // Where a label may go, in order of preference: a place's name right of its dot, else
  // left of it, else pushed sideways past the marker that covers the place (at most
  // NUDGE px, the dot hidden: it lies under that marker); an area's name (country,
  // governorate, river) centred, else just above or below.  Boxes are [x0, y0, x1, y1]
  // from the anchor point.
  var NUDGE = 30;
  var SPOTS = {
    dot: [["", 1, function (w, h) { return [-7, -h / 2, w + 2, h / 2]; }],
      ["kh-at-left", -1, function (w, h) { return [-w - 2, -h / 2, 7, h / 2]; }]],
    area: [["", 0, function (w, h) { return [-w / 2, -h / 2, w / 2, h / 2]; }],
      ["kh-at-above", 0, function (w, h) { return [-w / 2, -1.5 * h, w / 2, -h / 2]; }],
      ["kh-at-below", 0, function (w, h) { return [-w / 2, h / 2, w / 2, 1.5 * h]; }]]
  };

  // The labels for the current view: every candidate of the zoom in priority order, at
  // the first of its spots that stays on the map and clear of the markers and of the
  // labels already placed; dropped when there is none.
  App.prototype.placeLabels = function (items) {
    var map = this.map, z = map.getZoom(), size = map.getSize(), boxes = this.markerBoxes(), taken = [];
    var govLayer = window[this.d.layers.governorates], cityLayer = window[this.d.layers.cities];
    var showGov = govLayer && map.hasLayer(govLayer), showCity = !cityLayer || map.hasLayer(cityLayer);
    var OFF = [];
    var blocker = function (b) {  // null when b is free, else what is in the way
      if (b[0] < 0 || b[2] > size.x || b[1] < 0 || b[3] > size.y) return OFF;
      for (var k = 0; k < boxes.length; k++) {
        var o = boxes[k];
        if (b[0] < o[2] && b[2] > o[0] && b[1] < o[3] && b[3] > o[1]) return o;
      }
      return null;
    };
    var place = function (it, p, spot, nudge) {
      for (var pass = 0; pass < (nudge ? 2 : 1); pass++) {
        for (var k = 0; k < spot.length; k++) {
          var d = spot[k][2](it.w, it.h), side = spot[k][1], dx = 0;
          while (dx <= (pass ? NUDGE : 0)) {
            var box = [p.x + d[0] + side * dx, p.y + d[1], p.x + d[2] + side * dx, p.y + d[3]], o = blocker(box);
            if (!o) { boxes.push(box); return [spot[k][0] + (dx ? " kh-nudged" : ""), side * dx]; }
            if (o === OFF || !pass) break;
            dx += side > 0 ? o[2] - box[0] + 1 : box[2] - o[0] + 1;
          }
        }
      }
      return null;
    };
    items.forEach(function (it) {
      if (z < it.z0 || z > it.z1 || (it.gov && !showGov) || (it.city && !showCity)) return;
      var p = map.latLngToContainerPoint(it.ll), at = place(it, p, SPOTS[it.centred ? "area" : "dot"], !it.centred);
      if (!at) return;
      it.spot = at[0];
      it.dx = at[1];
      taken.push(it);
    });
    return taken;
  };

  // Placed once per frame after the view or the layers changed (the markers of the new
  // view are drawn by then); `data-kh-labels` on the map container says "pending" until
  // the placement for the current view is on the map, then the zoom it was made for.
  App.prototype.labels = function () {
    var map = this.map, self = this, items = this.labelItems(), shown = L.layerGroup().addTo(map), on = [], pending = null;
    this.labelIndex = items;
    var update = function () {
      pending = null;
      var taken = self.placeLabels(items);
      taken.forEach(function (it) { it.keep = true; });
      on.forEach(function (it) { if (!it.keep) shown.removeLayer(it.marker); });
      taken.forEach(function (it) {
        if (it.span.className !== it.spot) it.span.className = it.spot;
        it.span.style.marginLeft = it.dx ? it.dx + "px" : "";
        if (!shown.hasLayer(it.marker)) shown.addLayer(it.marker);
        it.keep = false;
      });
      on = taken;
      map.getContainer().setAttribute("data-kh-labels", self.loading ? "pending" : String(map.getZoom()));
    };
    this.relabel = function () {
      map.getContainer().setAttribute("data-kh-labels", "pending");
      if (!pending) pending = requestAnimationFrame(update);
    };
    map.on("moveend overlayadd overlayremove", this.relabel);
    update();
  };
})();
