/* kharita map app, marker pictures (MIT, part of kharita): incident icons, cluster rings,
 * base icons.  Built from shipped icon data, type colours and numbers only.
 * A city view of a 10,000-incident map holds over a thousand markers (MarkerCluster keeps
 * every marker within a view's width of the view on the map), so a marker is ONE element
 * with no HTML to parse and no CSS filter to paint: an incident's picture is a CSS
 * background written once per type, size and badge into the map's own stylesheet, and a
 * cluster is a div whose ring is a conic gradient. */
(function () {
  "use strict";
  var K = window.kharitaCore, App = K.App, F = K.F;

  L.MarkerCluster.include(K.flat);  // clusters are placed like the markers (kharita.js)

  // Leaflet icons whose element is a bare <div> (L.DivIcon would parse `html` each time).
  var PictureIcon = L.Icon.extend({
    createIcon: function (old) {
      var div = old && old.tagName === "DIV" ? old : document.createElement("div");
      this._setIconStyles(div, "icon");
      if (this.options.badge) div.setAttribute("data-badge", this.options.badge);
      if (this.options.ring) {
        div.style.background = this.options.ring;
        div.setAttribute("data-dominant", this.options.dominant);
        div.textContent = this.options.label;
      }
      return div;
    },
    createShadow: function () { return null; }
  });

  App.prototype.svg = function (iconName, colour, size, shape) {
    var ic = this.d.icons[iconName] || this.d.icons["circle-exclamation"];
    var g = Math.round(size * 0.55), o = (size - g) / 2;
    var bg = shape === "square"
      ? '<rect x="1" y="1" width="' + (size - 2) + '" height="' + (size - 2) + '" rx="4" fill="' + colour + '" stroke="#facc15" stroke-width="2"/>'
      : '<circle cx="' + size / 2 + '" cy="' + size / 2 + '" r="' + (size / 2 - 1) + '" fill="' + colour + '" stroke="#fff" stroke-width="2"/>';
    return '<svg xmlns="http://www.w3.org/2000/svg" width="' + size + '" height="' + size + '" viewBox="0 0 ' + size + " " + size + '">' + bg +
      '<svg x="' + o + '" y="' + o + '" width="' + g + '" height="' + g + '" viewBox="0 0 ' + ic[0] + " " + ic[1] + '"><path fill="#fff" d="' + ic[2] + '"/></svg></svg>';
  };

  // An incident's picture: the type's glyph on its colour over a soft shadow, drawn once
  // per type and scaled to the marker (its size grows with the victims); the killed-count
  // badge is the marker's ::after, from its data-badge attribute (kharita.css).
  var PICTURE = 32;
  App.prototype.pictureClass = function (t) {
    if (!this.pictures) this.pictures = {};
    if (!this.pictures[t]) {
      var ty = this.d.types[t], c = PICTURE / 2, r = c - 1.5;
      var ic = this.d.icons[ty[4]] || this.d.icons["circle-exclamation"], g = Math.round(PICTURE * 0.55), o = (PICTURE - g) / 2;
      var svg = '<svg xmlns="http://www.w3.org/2000/svg" width="' + PICTURE + '" height="' + PICTURE + '" viewBox="0 0 ' + PICTURE + " " + PICTURE + '">' +
        '<circle cx="' + c + '" cy="' + (c + 1) + '" r="' + r + '" fill="rgba(0,0,0,.35)"/>' +
        '<circle cx="' + c + '" cy="' + c + '" r="' + r + '" fill="' + ty[3] + '" stroke="#fff" stroke-width="2"/>' +
        '<svg x="' + o + '" y="' + o + '" width="' + g + '" height="' + g + '" viewBox="0 0 ' + ic[0] + " " + ic[1] + '"><path fill="#fff" d="' + ic[2] + '"/></svg></svg>';
      if (!this.iconSheet) this.iconSheet = document.head.appendChild(document.createElement("style")).sheet;
      this.pictures[t] = "kh-i" + t;
      var url = "data:image/svg+xml," + encodeURIComponent(svg), at = this.iconSheet.cssRules.length;
      this.iconSheet.insertRule(".kh-i" + t + '{background-image:url("' + url + '")}', at);
      rasterise(url, this.iconSheet.cssRules[at]);
    }
    return this.pictures[t];
  };

  // The picture as a bitmap (3 px per CSS px, crisp on phones and in print): Chromium
  // lays out and paints an SVG background again for every marker that shows it, a
  // bitmap is decoded once.  Until it is ready the rule keeps the SVG.
  var RASTER = 42 * 3;
  function rasterise(url, rule) {
    var img = new Image();
    img.onload = function () {
      var canvas = document.createElement("canvas");
      canvas.width = canvas.height = RASTER;
      canvas.getContext("2d").drawImage(img, 0, 0, RASTER, RASTER);
      try { rule.style.backgroundImage = 'url("' + canvas.toDataURL("image/png") + '")'; } catch (e) { /* the SVG stays */ }
    };
    img.src = url;
  }

  App.prototype.icon = function (r) {
    var victims = (r[F.KMIN] || 0) + (r[F.WMIN] || 0);
    var size = Math.round(24 + Math.min(18, 5 * Math.log2(1 + victims)));
    var badge = r[F.KMIN] ? String(r[F.KMIN]) + (r[F.KMAX] && r[F.KMAX] !== r[F.KMIN] ? "+" : "") : "";
    var key = r[F.TYPE] + "|" + size + "|" + badge;
    if (!this.icons[key]) {
      this.icons[key] = new PictureIcon({ className: "kh-icon kh-inc " + this.pictureClass(r[F.TYPE]), iconSize: [size, size],
        popupAnchor: [0, -size / 2], badge: badge.replace(/[^0-9+]/g, "") });
    }
    return this.icons[key];
  };

  function clusterTypes(cluster, inc) {
    var counts = {};
    cluster.getAllChildMarkers().forEach(function (m) { var t = inc[m.kharitaIndex][F.TYPE]; counts[t] = (counts[t] || 0) + 1; });
    return counts;
  }

  // Cluster ring: one arc per incident type inside (largest share first, from 12 o'clock),
  // white inside, the number of incidents in the middle.
  App.prototype.ringCss = function (counts, n) {
    var order = Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a] || a - b; }), at = 0, self = this;
    var stops = order.map(function (t) {
      var from = at;
      at += 100 * counts[t] / n;
      return self.d.types[+t][3] + " " + from.toFixed(2) + "% " + at.toFixed(2) + "%";
    });
    return { order: order, css: "radial-gradient(closest-side, #fff calc(100% - 7.5px), transparent calc(100% - 7px)), conic-gradient(" + stops.join(", ") + ")" };
  };

  App.prototype.clusterOptions = function (counts, n, label) {
    var size = Math.round(32 + Math.min(22, 7 * Math.log10(n))), ring = this.ringCss(counts, n);
    return { className: "kh-cluster" + (n >= 1000 ? " kh-cluster-k" : ""), iconSize: [size, size], ring: ring.css, label: label,
      dominant: String(this.d.types[+ring.order[0]][0]).replace(/[^A-Za-z0-9_-]/g, "") };
  };

  App.prototype.clusterIcon = function (cluster) {
    var n = cluster.getChildCount();
    return new PictureIcon(this.clusterOptions(clusterTypes(cluster, this.d.inc), n, n >= 10000 ? Math.round(n / 1000) + "k" : String(n)));
  };

  // The legend's sample cluster: the same element as on the map.
  App.prototype.clusterSample = function (counts, n, size) {
    var o = this.clusterOptions(counts, n, String(n));
    o.iconSize = [size, size];
    var node = new PictureIcon(o).createIcon();
    node.className = o.className;  // not a positioned map icon
    node.style.margin = "0";
    return node;
  };

  // ---------- bases ----------
  // Bases and their clusters live in their own pane under the incidents' (a base cluster
  // must not hide the incidents at a city it sits next to).
  App.prototype.bases = function () {
    var layer = window[this.d.layers.bases], self = this;
    this.map.createPane("khBases").style.zIndex = 590;
    layer.options.clusterPane = "khBases";
    var shield = this.svg("shield-halved", "#1e293b", 22, "square");
    layer.options.iconCreateFunction = function (c) {
      return L.divIcon({ html: '<span class="kh-base-n">' + c.getChildCount() + "</span>" + shield,
        className: "kh-icon kh-base kh-base-cluster", iconSize: [22, 22] });
    };
    var icons = {};
    var icon = function (kind) {
      if (!icons[kind]) {
        icons[kind] = L.divIcon({ html: kind === "air" ? self.svg("plane", "#1e293b", 22, "square") : shield, className: "kh-icon kh-base",
          iconSize: [22, 22], iconAnchor: [11, 11], popupAnchor: [0, -11] });
      }
      return icons[kind];
    };
    var markers = this.d.bases.map(function (b) {
      var m = new K.Marker([b[0], b[1]], { icon: icon(/air|airport|airfield|airbase/i.test(b[4]) ? "air" : "ground"), pane: "khBases",
        title: self.lang === "ar" ? b[3] : b[2] });
      m.bindPopup(function () { return self.basePopup(b); }, self.popupOptions());
      return m;
    });
    layer.addLayers(markers);
  };
})();
