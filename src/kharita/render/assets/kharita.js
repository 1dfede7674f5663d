/* kharita map app, core (MIT, part of kharita).
 * Fed by one JSON blob (the application/json script element #kharita-data) and the
 * Leaflet layers folium created (looked up by their global names).  Builds the incident
 * markers, their popups and tooltips, the uncertainty circle of the hovered or selected
 * incident and the filters.  Marker pictures are in kharita-markers.js, place labels in
 * kharita-labels.js, the panel (timeline, search results, downloads, URL hash, print) in
 * kharita-panel.js and kharita-share.js.
 * Article text only ever reaches the page through textContent / setAttribute, so it
 * cannot execute; the only HTML strings inserted are SVG built from shipped icon data,
 * colours and numbers. */
(function () {
  "use strict";
  // incident row fields (kharita.render.payload)
  var F = { LAT: 0, LON: 1, TYPE: 2, DATE: 3, PREC: 4, D0: 5, D1: 6, KMIN: 7, KMAX: 8, WMIN: 9, WMAX: 10,
    PLACE: 11, PRECM: 12, CONF: 13, SRCS: 14, ID: 15, ACLED: 16, ATTR: 17 };
  var PRECISIONS = ["day", "month", "year"];
  var TASHKEEL = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
  var FOLD = { "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",
    "\u0649": "\u064a", "\u0629": "\u0647", "\u0624": "\u0648", "\u0626": "\u064a", "\u06a9": "\u0643",
    "\u06cc": "\u064a", "\u06af": "\u0643" };
  var PUNCT = /[\s\-\u2010-\u2015_'\u2018\u2019`\u00b4.,\u060c\u00b7:;()[\]"\u00ab\u00bb/\\]+/g;

  // Search key: lower case, no diacritics, Arabic letter variants folded, punctuation and
  // hyphens as single spaces ("Ain al-Asad" = "Ain al Asad").
  function norm(s) {
    return String(s || "").toLowerCase().replace(TASHKEEL, "").replace(/[\u0622-\u06cc]/g, function (c) {
      return FOLD[c] || c;
    }).replace(PUNCT, " ").trim();
  }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    if (attrs) { for (var k in attrs) { if (attrs[k] !== null && attrs[k] !== undefined) node.setAttribute(k, attrs[k]); } }
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  var ARABIC = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/g, LATIN = /[A-Za-z]/g;
  function textLang(s, hint) {
    var ar = (String(s).match(ARABIC) || []).length, en = (String(s).match(LATIN) || []).length;
    if (ar === en) return hint === "a" || hint === "ar" ? "ar" : "en";
    return ar > en ? "ar" : "en";
  }
  function bidi(text, hint) {
    var lang = textLang(text, hint);
    return el("bdi", { dir: lang === "ar" ? "rtl" : "ltr", lang: lang }, text);
  }
  function dayIso(d) { return new Date(d * 86400000).toISOString().slice(0, 10); }
  function isoDay(s) { var t = Date.parse(s); return isNaN(t) ? null : Math.floor(t / 86400000); }

  // Markers are placed with a 2D translate: Leaflet's translate3d makes each of a thousand
  // markers a compositing layer of its own, painted and rastered one by one.
  var flat = {
    _setPos: function (pos) {
      if (this._icon) { this._icon._leaflet_pos = pos; this._icon.style.transform = "translate(" + pos.x + "px," + pos.y + "px)"; }
      this._zIndex = pos.y + this.options.zIndexOffset;
      this._resetZIndex();
    }
  };
  var Marker = L.Marker.extend(flat);

  function App(data) {
    this.d = data;
    this.ui = data.ui;
    this.lang = data.lang;
    this.map = window[data.layers.map];
    this.cluster = window[data.layers.incidents];
    this.circles = window[data.layers.uncertainty];
    this.cluster.options.iconCreateFunction = this.clusterIcon.bind(this);
    // MarkerCluster adds markers in chunks of 200 ms; the last chunk ends the loading
    // (its markers go on the map right after this call): labels are placed again then.
    var self = this;
    this.cluster.options.chunkProgress = function (done, total) {
      if (done !== total) return;
      self.loading = false;
      if (self.relabel) self.relabel();
      var then = self.whenLoaded;
      self.whenLoaded = null;
      if (then) setTimeout(then, 0);
    };
    this.loading = false;
    // own pane above the (opaque) SVG basemap: Leaflet's CSS stacks canvas below svg in a pane
    this.map.createPane("khRings").style.zIndex = 420;
    this.canvas = L.canvas({ padding: 0.2, pane: "khRings" });
    this.markers = new Array(data.inc.length);
    this.rings = new Array(data.inc.length);
    this.icons = {};
    this.enabled = data.types.map(function () { return true; });
    this.query = "";
    this.search = null;  // built on the first search
    this.from = null; this.to = null;  // selected days (null: unbounded)
    this.undated = true;  // include incidents without a date
    this.selected = null; this.hovered = null;
    this.byId = {};
    data.inc.forEach(function (r, i) { this.byId[r[F.ID]] = i; }, this);
    this.visible = [];
    this.ringKey = "";
  }

  App.prototype.t = function (key) { return this.ui[key] || key; };
  App.prototype.typeLabel = function (t) { var ty = this.d.types[t]; return this.lang === "ar" ? ty[2] : ty[1]; };

  App.prototype.searchText = function (r) {
    var p = this.d.places[r[F.PLACE]] || ["", "", -1, ""], g = this.d.govs[p[2]] || ["", ""];
    var parts = [p[0], p[1], p[3], g[0], g[1], this.d.types[r[F.TYPE]][1], this.d.types[r[F.TYPE]][2], r[F.ID], r[F.ACLED]];
    (r[F.ATTR] || []).forEach(function (a) { if (a) parts.push(a); });
    r[F.SRCS].forEach(function (s) { parts.push(this.d.outlets[s[0]] || "", s[4], s[9] || ""); }, this);
    return " " + norm(parts.join(" \u0001 ")) + " ";
  };

  App.prototype.marker = function (i) {
    if (!this.markers[i]) {
      var r = this.d.inc[i], self = this;
      var icon = this.icon(r);
      var m = new Marker([r[F.LAT], r[F.LON]], { icon: icon, riseOnHover: true, keyboard: true });
      m.kharitaIndex = i;
      m.bindTooltip(function () { return self.tooltip(i); },
        { direction: "top", offset: [0, icon.options.popupAnchor[1]], className: "kh-tip", opacity: 0.95 });
      m.bindPopup(function () { return self.popup(i); }, this.popupOptions());
      m.on("mouseover focus", function () { self.hovered = i; self.drawRings(); });
      m.on("mouseout blur", function () { if (self.hovered === i) { self.hovered = null; self.drawRings(); } });
      this.markers[i] = m;
    }
    return this.markers[i];
  };

  // Popups fit the map: narrower than the screen on a phone, shorter than a 600 px frame.
  App.prototype.popupOptions = function () {
    var size = this.map.getSize(), w = Math.max(200, Math.min(360, size.x - 60));
    return { maxWidth: w, minWidth: Math.min(240, w), maxHeight: Math.max(160, size.y - 150),
      autoPanPaddingTopLeft: [10, 40], autoPanPaddingBottomRight: [10, 20], className: "kh-popup" };
  };

  App.prototype.reportsText = function (n) { return n + " " + this.t(n === 1 ? "report" : "reports"); };

  // Hover/focus tooltip: type, place, date (and the number of merged reports), text nodes only.
  App.prototype.tooltip = function (i) {
    var r = this.d.inc[i], dir = this.lang === "ar" ? "rtl" : "ltr";
    var box = el("div", { "class": "kh-tip-box", dir: dir, lang: this.lang });
    box.appendChild(el("strong", null, this.typeLabel(r[F.TYPE])));
    box.appendChild(el("br"));
    box.appendChild(bidi(this.placeName(r), this.lang));
    box.appendChild(el("br"));
    box.appendChild(bidi(r[F.DATE] || this.t("undated"), this.lang));
    if (r[F.SRCS].length > 1) { box.appendChild(document.createTextNode(" \u00b7 ")); box.appendChild(bidi(this.reportsText(r[F.SRCS].length), this.lang)); }
    return box;
  };

  App.prototype.ring = function (i) {
    if (!this.rings[i]) {
      var r = this.d.inc[i], c = this.d.types[r[F.TYPE]][3];
      this.rings[i] = L.circle([r[F.LAT], r[F.LON]], { radius: r[F.PRECM], renderer: this.canvas, color: c, weight: 1.5,
        opacity: 0.9, fillColor: c, fillOpacity: 0.1, dashArray: "5 4", interactive: false, pane: "khRings" });
    }
    return this.rings[i];
  };

  // Uncertainty circles: the hovered and the selected incident always; all incidents in
  // view only when there are few of them (RING_VIEW_MAX) from RING_ZOOM on.  Never all
  // 10,000: that froze big maps and washed the cities in colour.
  var RING_ZOOM = 9, RING_VIEW_MAX = 40;
  App.prototype.ringsWanted = function () {
    var want = [], seen = {}, self = this;
    var add = function (i) { if (i !== null && i !== undefined && !seen[i]) { seen[i] = true; want.push(i); } };
    add(this.selected); add(this.hovered);
    if (this.map.getZoom() >= RING_ZOOM) {
      var inView = this.inView(RING_VIEW_MAX + 1);
      if (inView.length <= RING_VIEW_MAX) inView.forEach(add);
    }
    return want.filter(function (i) { return self.visible.indexOf(i) >= 0 || i === self.selected; });
  };

  App.prototype.drawRings = function () {
    var want = this.ringsWanted(), key = want.join(",");
    if (key === this.ringKey) return;
    this.circles.clearLayers();
    want.forEach(function (i) { this.circles.addLayer(this.ring(i)); }, this);
    this.ringKey = key;
  };

  // Visible incidents inside the current view (at most `limit` when given).
  App.prototype.inView = function (limit) {
    var b = this.map.getBounds(), s = b.getSouth(), n = b.getNorth(), w = b.getWest(), e = b.getEast(), out = [];
    for (var k = 0; k < this.visible.length; k++) {
      var r = this.d.inc[this.visible[k]];
      if (r[F.LAT] >= s && r[F.LAT] <= n && r[F.LON] >= w && r[F.LON] <= e) {
        out.push(this.visible[k]);
        if (limit && out.length >= limit) break;
      }
    }
    return out;
  };

  App.prototype.placeName = function (r) {
    var p = this.d.places[r[F.PLACE]];
    if (!p) return this.t("unknown");
    var name = (this.lang === "ar" ? p[1] : p[0]) || p[3] || p[0] || p[1];
    var g = this.d.govs[p[2]];
    if (!g) return name;
    var gname = this.lang === "ar" ? (g[1] || g[0]) : g[0];
    return gname && gname !== name ? name + (this.lang === "ar" ? "\u060c " : ", ") + gname : name;
  };

  App.prototype.govName = function (r) {
    var p = this.d.places[r[F.PLACE]], g = p ? this.d.govs[p[2]] : null;
    return g ? (this.lang === "ar" ? g[1] || g[0] : g[0]) : "";
  };

  App.prototype.countText = function (lo, hi) {
    if (lo === null) return this.t("unknown");
    if (hi === null) return lo + "+";  // at least lo ("dozens", "more than 20")
    return hi === lo ? String(lo) : lo + "\u2013" + hi;
  };

  App.prototype.row = function (table, key, value) {
    var tr = el("tr", { "data-row": key });
    tr.appendChild(el("th", null, this.t(key)));
    var td = el("td");
    td.appendChild(typeof value === "string" ? document.createTextNode(value) : value);
    tr.appendChild(td);
    table.appendChild(tr);
  };

  // The quoted report (kharita.render.excerpt): the place marked, and the sentence the
  // casualty figures were read from marked as kh-figures (the place may sit inside it).
  // Source row: [outlet, url, date, lang, text, place start, end, figures start, end, title].
  App.prototype.excerpt = function (s) {
    var text = s[4], lang = textLang(text, s[3]);
    var q = el("blockquote", { "class": "kh-excerpt", dir: lang === "ar" ? "rtl" : "ltr", lang: lang });
    var span = function (a, b) { return a !== null && b !== null && a >= 0 && a < b && b <= text.length ? [a, b] : null; };
    var place = span(s[5], s[6]), figures = span(s[7], s[8]), inside = function (p, a, b) { return p && a >= p[0] && b <= p[1]; };
    var cuts = [0, text.length].concat(place || [], figures || []).sort(function (a, b) { return a - b; });
    var fig = null;
    for (var k = 0; k + 1 < cuts.length; k++) {
      var a = cuts[k], b = cuts[k + 1];
      if (a === b) continue;
      var part = inside(place, a, b) ? el("mark", { "class": "kh-place" }, text.slice(a, b)) : document.createTextNode(text.slice(a, b));
      if (!inside(figures, a, b)) { fig = null; q.appendChild(part); continue; }
      if (!fig) fig = q.appendChild(el("mark", { "class": "kh-figures", title: this.t("figures_sentence") }));
      fig.appendChild(part);
    }
    return q;
  };

  App.prototype.source = function (s) {
    var li = el("li"), meta = el("div", { "class": "kh-src-meta" });
    meta.appendChild(bidi(this.d.outlets[s[0]] || this.t("unknown")));
    if (s[2]) { meta.appendChild(document.createTextNode(" \u00b7 ")); meta.appendChild(bidi(s[2])); }
    if (s[1] && /^https?:\/\/[^\s"'<>`]+$/i.test(s[1])) {
      meta.appendChild(document.createTextNode(" \u00b7 "));
      meta.appendChild(el("a", { href: s[1], target: "_blank", rel: "noopener noreferrer" }, this.t("link")));
    }
    li.appendChild(meta);
    if (s[9]) li.appendChild(el("div", { "class": "kh-src-title" })).appendChild(bidi(s[9]));
    li.appendChild(this.excerpt(s));
    return li;
  };

  App.prototype.precisionText = function (m) {
    return "\u00b1 " + (m / 1000).toFixed(m < 1000 ? 1 : 0) + " " + this.t("km");
  };

  // The one popup renderer of the map (the tests open it in a browser).
  App.prototype.popup = function (i) {
    var r = this.d.inc[i], ty = this.d.types[r[F.TYPE]], dir = this.lang === "ar" ? "rtl" : "ltr";
    var box = el("div", { "class": "kh-pop", dir: dir, lang: this.lang, "data-incident": String(i) });
    var head = el("div", { "class": "kh-pop-type" }, this.typeLabel(r[F.TYPE]));
    head.style.borderColor = ty[3];
    box.appendChild(head);
    var table = el("table", { "class": "kh-facts" });
    var date = r[F.DATE] ? r[F.DATE] + (r[F.PREC] >= 0 ? " (" + this.t("precision_" + PRECISIONS[r[F.PREC]]) + ")" : "") : this.t("undated");
    this.row(table, "date", bidi(date, this.lang));
    this.row(table, "killed", bidi(this.countText(r[F.KMIN], r[F.KMAX])));
    this.row(table, "wounded", bidi(this.countText(r[F.WMIN], r[F.WMAX])));
    this.row(table, "place", bidi(this.placeName(r)));
    var who = r[F.ATTR] || [];
    ["perpetrator", "claimed_by", "denied_by"].forEach(function (key, k) { if (who[k]) this.row(table, key, bidi(who[k])); }, this);
    if (r[F.ACLED]) this.row(table, "acled", bidi(r[F.ACLED]));
    this.row(table, "confidence", bidi(r[F.CONF] + "%"));
    this.row(table, "merged", bidi(this.reportsText(r[F.SRCS].length), this.lang));
    this.row(table, "precision_m", bidi(this.precisionText(r[F.PRECM]), this.lang));
    var id = el("span");
    id.appendChild(bidi(r[F.ID]));
    id.appendChild(document.createTextNode(" "));
    id.appendChild(el("a", { href: "#i=" + encodeURIComponent(r[F.ID]), "class": "kh-permalink" }, this.t("incident_link")));
    this.row(table, "incident_id", id);
    box.appendChild(table);
    box.appendChild(el("div", { "class": "kh-src-head" }, this.t("sources") + " (" + r[F.SRCS].length + ")"));
    var ol = el("ol", { "class": "kh-sources" });
    r[F.SRCS].forEach(function (s) { ol.appendChild(this.source(s)); }, this);
    box.appendChild(ol);
    return box;
  };

  App.prototype.dateOk = function (r) {
    if (r[F.D0] === null) return this.undated;
    return !((this.from !== null && r[F.D1] < this.from) || (this.to !== null && r[F.D0] > this.to));
  };

  App.prototype.queryOk = function (i) {
    if (!this.query) return true;
    if (!this.search) this.search = this.d.inc.map(this.searchText, this);
    return this.search[i].indexOf(" " + this.query) >= 0;
  };

  App.prototype.matches = function (i) {
    var r = this.d.inc[i];
    return this.enabled[r[F.TYPE]] && this.dateOk(r) && this.queryOk(i);
  };

  App.prototype.apply = function () {
    var vis = [], n = this.d.inc.length;
    for (var i = 0; i < n; i++) { if (this.matches(i)) vis.push(i); }
    this.visible = vis;
    this.cluster.clearLayers();
    this.loading = this.map.hasLayer(this.cluster);
    this.cluster.addLayers(vis.map(this.marker, this));
    this.drawRings();
    this.summarise();
    if (this.afterApply) this.afterApply();
  };

  // ---------- bases ----------
  App.prototype.basePopup = function (b) {
    var dir = this.lang === "ar" ? "rtl" : "ltr", box = el("div", { "class": "kh-pop kh-base-pop", dir: dir, lang: this.lang });
    var names = el("div", { "class": "kh-names" });
    names.appendChild(el("div", { dir: "rtl", lang: "ar" }, b[3]));
    names.appendChild(el("div", { dir: "ltr", lang: "en" }, b[2]));
    box.appendChild(names);
    var table = el("table", { "class": "kh-facts" }), kind = this.ui["base_type_" + b[4]] || String(b[4]).replace(/_/g, " ");
    this.row(table, "base_type", bidi(kind, this.lang));
    if (b[5]) this.row(table, "governorate", bidi(this.lang === "ar" ? b[6] || b[5] : b[5], this.lang));
    box.appendChild(table);
    return box;
  };

  App.prototype.fit = function (opts) {
    var pts = this.visible.map(function (i) { var r = this.d.inc[i]; return [r[F.LAT], r[F.LON]]; }, this);
    var size = this.map.getSize(), panel = this.panelEl, side = 30, wide = size.x >= 700;
    if (panel && wide && !panel.classList.contains("kh-collapsed")) side = panel.offsetWidth + 70;
    var bottom = panel && !wide ? Math.min(panel.offsetHeight + 30, size.y / 2) : 30;
    var pad = this.lang === "ar" ? { paddingTopLeft: [30, 30], paddingBottomRight: [side, bottom] } : { paddingTopLeft: [side, 30], paddingBottomRight: [30, bottom] };
    pad.maxZoom = Math.min(11, this.map.getMaxZoom());
    pad.animate = false;
    if (opts) { for (var k in opts) pad[k] = opts[k]; }
    if (pts.length) this.map.fitBounds(L.latLngBounds(pts), pad);
    else this.map.fitBounds([[29.0, 38.8], [37.4, 48.6]], pad);
  };

  App.prototype.addTiles = function () {
    var tiles = this.d.tiles;
    if (!tiles) return;
    var Embedded = L.TileLayer.extend({
      getTileUrl: function (c) {
        var b64 = tiles.t[c.z + "/" + c.x + "/" + c.y];
        return b64 ? "data:" + tiles.mime + ";base64," + b64 : L.Util.emptyImageUrl;
      }
    });
    new Embedded("", { minZoom: 0, maxZoom: this.map.getMaxZoom(), maxNativeZoom: Math.max.apply(null,
      Object.keys(tiles.t).map(function (k) { return +k.split("/")[0]; }).concat([tiles.min])), pane: "tilePane" }).addTo(this.map);
    this.map.getPane("tilePane").style.zIndex = 410;  // above the opaque vector basemap
  };

  App.prototype.start = function () {
    this.map.createPane("khLabels").style.zIndex = 450;
    this.map.getPane("khLabels").style.pointerEvents = "none";
    this.map.attributionControl.setPrefix(false);
    this.map.attributionControl.addAttribution(this.d.attribution);
    this.addTiles();
    var self = this;
    this.map.on("popupopen", function (e) {
      var o = self.popupOptions();
      e.popup.options.maxWidth = o.maxWidth; e.popup.options.minWidth = o.minWidth; e.popup.options.maxHeight = o.maxHeight;
      e.popup.update();
      var src = e.popup._source;
      if (src && src.kharitaIndex !== undefined) { self.selected = src.kharitaIndex; self.drawRings(); if (self.onSelect) self.onSelect(); }
    });
    this.map.on("popupclose", function (e) {
      var src = e.popup._source;
      if (src && src.kharitaIndex === self.selected) { self.selected = null; self.drawRings(); if (self.onSelect) self.onSelect(); }
    });
    this.map.on("moveend", function () { self.drawRings(); });
    if (this.setup) this.setup();  // panel, timeline, hash (kharita-panel.js)
    this.labels();
    this.bases();
    this.apply();
    if (!this.restoreView || !this.restoreView()) this.fit();
    var ready = function () {
      document.documentElement.setAttribute("data-kharita-ms", String(Math.round(performance.now())));
      document.documentElement.setAttribute("data-kharita", "ready");
    };
    if (this.loading) this.whenLoaded = ready; else ready();  // every marker in
  };

  window.kharitaCore = { App: App, F: F, Marker: Marker, flat: flat, el: el, bidi: bidi, norm: norm, dayIso: dayIso, isoDay: isoDay, textLang: textLang };
})();
