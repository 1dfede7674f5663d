/* kharita map app, sharing (MIT, part of kharita): the URL hash follows the view, the
 * filters and the open incident; downloads of the incidents in view as CSV/GeoJSON;
 * print and export modes; start-up and the small public API (window.kharita). */
(function () {
  "use strict";
  var K = window.kharitaCore, App = K.App, F = K.F, el = K.el, norm = K.norm, dayIso = K.dayIso, isoDay = K.isoDay;

  // ---------- URL hash: #map=z/lat/lon&q=...&types=a,b&from=...&to=...&undated=0&i=ID ----------
  App.prototype.readHash = function () {
    var raw = String(location.hash || "").replace(/^#/, "");
    if (!raw) return false;
    var h = new URLSearchParams(raw), known = false, self = this;
    var view = (h.get("map") || "").split("/").map(Number);
    this.hashView = view.length === 3 && view.every(isFinite) ? view : null;
    this.hashIncident = h.get("i");
    ["map", "q", "types", "from", "to", "undated", "i"].forEach(function (k) { if (h.has(k)) known = true; });
    if (!known) return false;
    this.queryText = h.get("q") || ""; this.query = norm(this.queryText);
    var types = h.get("types");
    this.enabled = this.d.types.map(function (ty) { return types === null || types.split(",").indexOf(ty[0]) >= 0; });
    this.from = h.get("from") ? isoDay(h.get("from")) : null;
    this.to = h.get("to") ? isoDay(h.get("to")) : null;
    this.undated = h.get("undated") !== "0";
    self.hashRead = true;
    return true;
  };

  App.prototype.hashText = function () {
    var h = new URLSearchParams(), c = this.map.getCenter();
    h.set("map", this.map.getZoom() + "/" + c.lat.toFixed(4) + "/" + c.lng.toFixed(4));
    if (this.queryText) h.set("q", this.queryText);
    if (this.enabled.some(function (x) { return !x; })) {
      h.set("types", this.d.types.filter(function (ty, t) { return this.enabled[t]; }, this).map(function (ty) { return ty[0]; }).join(","));
    }
    if (this.from !== null) h.set("from", dayIso(this.from));
    if (this.to !== null) h.set("to", dayIso(this.to));
    if (!this.undated) h.set("undated", "0");
    if (this.selected !== null) h.set("i", this.d.inc[this.selected][F.ID]);
    return h.toString();
  };

  App.prototype.writeHash = function () {
    if (!this.started || this.printing_) return;
    try { history.replaceState(null, "", "#" + this.hashText()); } catch (e) { /* sandboxed frame: no history */ }
  };

  App.prototype.restoreView = function () {
    var v = this.hashView, id = this.hashIncident;
    if (v) this.map.setView([v[1], v[2]], v[0], { animate: false });
    if (id !== null && id !== undefined && this.byId[id] !== undefined) this.openIncident(this.byId[id]);
    return !!v;
  };

  // ---------- going to a place or an incident (search results, #i=ID) ----------
  App.prototype.goTo = function (lat, lon, en, ar) {
    this.map.setView([lat, lon], Math.min(11, this.map.getMaxZoom()), { animate: false });
    var box = el("div", { "class": "kh-pop", dir: this.lang === "ar" ? "rtl" : "ltr" });
    box.appendChild(el("strong", null, this.lang === "ar" ? ar + " \u00b7 " + en : en + " \u00b7 " + ar));
    L.popup(this.popupOptions()).setLatLng([lat, lon]).setContent(box).openOn(this.map);
  };

  // MarkerCluster without animation reports a zoom inside the map's zoomend, and a cluster
  // spiderfied then is closed again by the same zoomend: so look again once the zoom is
  // over, and show the marker from there (spiderfied outside any zoom).
  App.prototype.openIncident = function (i, done) {
    var m = this.marker(i), cluster = this.cluster, map = this.map, tries = 0;
    if (this.visible.indexOf(i) < 0) return false;
    var shown = function () {
      setTimeout(function () {
        if (!map.hasLayer(m) && tries++ < 2) { cluster.zoomToShowLayer(m, shown); return; }
        m.openPopup();
        if (done) done();
      }, 0);
    };
    cluster.zoomToShowLayer(m, shown);
    return true;
  };

  // ---------- downloads ----------
  App.prototype.countInView = function () {
    var lab = document.getElementById("kh-download-label");
    if (lab) lab.textContent = this.t("download") + " (" + this.inView().length + ")";
  };

  var COLUMNS = ["id", "type", "type_label", "date", "date_precision", "killed_min", "killed_max", "wounded_min", "wounded_max",
    "place", "governorate", "lat", "lon", "location_precision_m", "confidence", "perpetrator", "claimed_by", "denied_by",
    "acled_type", "reports", "outlets", "urls"];
  var PRECISIONS = ["day", "month", "year"];

  App.prototype.record = function (i) {
    var r = this.d.inc[i], who = r[F.ATTR] || [], self = this;
    return {
      id: r[F.ID], type: this.d.types[r[F.TYPE]][0], type_label: this.typeLabel(r[F.TYPE]), date: r[F.DATE] || "",
      date_precision: r[F.PREC] >= 0 ? PRECISIONS[r[F.PREC]] : "", killed_min: r[F.KMIN], killed_max: r[F.KMAX],
      wounded_min: r[F.WMIN], wounded_max: r[F.WMAX], place: this.placeName(r), governorate: this.govName(r),
      lat: r[F.LAT], lon: r[F.LON], location_precision_m: r[F.PRECM], confidence: r[F.CONF] / 100,
      perpetrator: who[0] || "", claimed_by: who[1] || "", denied_by: who[2] || "", acled_type: r[F.ACLED] || "",
      reports: r[F.SRCS].length,
      outlets: r[F.SRCS].map(function (s) { return self.d.outlets[s[0]] || ""; }).join("; "),
      urls: r[F.SRCS].map(function (s) { return s[1] || ""; }).filter(Boolean).join(" ")
    };
  };

  // A spreadsheet must not run a cell as a formula: =, +, -, @ (and tab/CR) get a quote.
  function csvCell(v) {
    var s = v === null || v === undefined ? "" : String(v);
    if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return '"' + s.replace(/"/g, '""') + '"';
  }

  App.prototype.download = function (fmt) {
    var recs = this.inView().map(this.record, this), text, mime;
    if (fmt === "csv") {
      text = "\ufeff" + [COLUMNS.join(",")].concat(recs.map(function (o) {
        return COLUMNS.map(function (c) { return csvCell(o[c]); }).join(",");
      })).join("\r\n") + "\r\n";
      mime = "text/csv;charset=utf-8";
    } else {
      text = JSON.stringify({ type: "FeatureCollection", features: recs.map(function (o) {
        return { type: "Feature", geometry: { type: "Point", coordinates: [o.lon, o.lat] }, properties: o };
      }) });
      mime = "application/geo+json";
    }
    var url = URL.createObjectURL(new Blob([text], { type: mime }));
    var a = el("a", { href: url, download: "kharita-incidents." + fmt });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    return recs.length;
  };

  // ---------- print (Ctrl+P) and export ----------
  App.prototype.printMode = function (on) {
    var root = document.documentElement;
    if (on === root.classList.contains("kh-print")) { if (on) this.framePrint(); return; }
    if (on) {
      this.stopPlay();
      this.beforePrint = { center: this.map.getCenter(), zoom: this.map.getZoom(), open: !this.panelEl.classList.contains("kh-collapsed") };
      this.printing_ = true;
      root.classList.add("kh-print");
      this.setPanelOpen(true);
      this.framePrint();
    } else {
      root.classList.remove("kh-print");
      this.map.invalidateSize({ pan: false });
      var b = this.beforePrint;
      if (b) { this.setPanelOpen(b.open); this.map.setView(b.center, b.zoom, { animate: false }); }
      this.printing_ = false;
    }
  };

  App.prototype.framePrint = function () {
    this.map.invalidateSize({ pan: false });
    this.fit();
    this.relabel();
  };

  App.prototype.printing = function () {
    var self = this;
    window.addEventListener("beforeprint", function () { self.printMode(true); });
    window.addEventListener("afterprint", function () { self.printMode(false); });
    if (window.matchMedia) {
      var mq = window.matchMedia("print");
      var on = function (e) { self.printMode(e.matches); };
      if (mq.addEventListener) mq.addEventListener("change", on); else mq.addListener(on);
    }
  };

  // Reads the data element: plain JSON, or gzip+base64 for big maps (DecompressionStream).
  window.kharitaBoot = function (node) {
    if (node.getAttribute("data-encoding") !== "gzip+base64") {
      window.kharitaInit(JSON.parse(node.textContent));
      return;
    }
    if (typeof DecompressionStream === "undefined") {
      document.body.appendChild(el("p", { "class": "kh-error" }, "This browser cannot open compressed kharita maps (no DecompressionStream)."));
      return;
    }
    var bin = atob(node.textContent.trim()), bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    new Response(stream).text().then(function (text) { window.kharitaInit(JSON.parse(text)); });
  };

  // public API (tests, exports, notebooks)
  window.kharitaInit = function (data) {
    var app = new App(data);
    window.kharita = {
      app: app, map: app.map,
      visibleCount: function () { return app.visible.length; },
      inViewCount: function () { return app.inView().length; },
      setQuery: function (q) { app.setQuery(q); app.syncControls(); },
      setTypes: function (types) { app.enabled = app.d.types.map(function (ty) { return types.indexOf(ty[0]) >= 0; }); app.syncControls(); app.apply(); },
      setRange: function (from, to) { app.setDays(from ? isoDay(from) : null, to ? isoDay(to) : null); },
      setUndated: function (on) { app.undated = !!on; app.syncControls(); app.apply(); },
      openPopup: function (k) { var i = app.visible[k || 0]; return i === undefined ? false : app.openIncident(i); },
      openIncident: function (id) { return app.byId[id] !== undefined && app.openIncident(app.byId[id]); },
      fit: function () { app.fit(); },
      setPanelOpen: function (open) { app.setPanelOpen(open); },
      printMode: function (on) { app.printMode(on !== false); },
      exportMode: function () { document.body.classList.add("kh-export"); app.setPanelOpen(true); app.fit(); app.relabel(); }
    };
    app.start();
    app.started = true;
    app.writeHash();
  };
})();
