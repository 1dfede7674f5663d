/* kharita map app, panel (MIT, part of kharita): legend and type filters, the timeline
 * (histogram, brush, playback, undated toggle), search with a result list, summary,
 * downloads of the incidents in view, the URL hash, print and export modes.
 * Text goes into the page through textContent only (see kharita.js). */
(function () {
  "use strict";
  var K = window.kharitaCore, App = K.App, F = K.F, el = K.el, bidi = K.bidi, norm = K.norm, dayIso = K.dayIso;
  var SMALL = 700, SHORT = 640;  // px of map width / height below which the panel starts closed

  App.prototype.small = function () { var s = this.map.getSize(); return s.x < SMALL || s.y < SHORT; };

  App.prototype.setup = function () {
    this.readHash();
    this.panel();
    if (this.map.getSize().x < SMALL) this.collapseLayers();
    this.afterApply = function () {
      this.drawTimeline(); this.results(); this.writeHash();
      if (this.relabel) this.relabel();  // in the next frame, once the new clusters are drawn
    };
    this.onSelect = this.writeHash;
    var self = this;
    this.map.on("moveend", function () { self.writeHash(); self.countInView(); });
    window.addEventListener("hashchange", function () { if (self.readHash()) { self.syncControls(); self.apply(); self.restoreView(); } });
    this.printing();
  };

  // Phones: the layer list becomes Leaflet's collapsed button instead of covering the map.
  // (folium declares the control with `let`; its layer table is a global `var`.)
  App.prototype.collapseLayers = function () {
    var table = window[this.d.layers.control + "_layers"], box = this.map.getContainer().querySelector(".leaflet-control-layers");
    if (!table || !box) return;
    var c = L.control.layers(table.base_layers, table.overlays, { collapsed: true, position: this.lang === "ar" ? "topleft" : "topright" });
    box.parentNode.removeChild(box);
    c.addTo(this.map);
  };

  App.prototype.panel = function () {
    var dir = this.lang === "ar" ? "rtl" : "ltr", self = this;
    var p = el("div", { "class": "kh-panel", dir: dir, lang: this.lang, id: "kh-panel" });
    L.DomEvent.disableClickPropagation(p);
    L.DomEvent.disableScrollPropagation(p);
    var head = el("div", { "class": "kh-head" }), body = el("div", { "class": "kh-body", id: "kh-body" });
    var toggle = el("button", { type: "button", "class": "kh-toggle kh-control", id: "kh-toggle", "aria-controls": "kh-body",
      "aria-expanded": "true", title: this.t("toggle_panel") }, "\u25be");
    this.setPanelOpen = function (open) {
      p.classList.toggle("kh-collapsed", !open);
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      toggle.textContent = open ? "\u25be" : "\u25b8";
    };
    toggle.addEventListener("click", function () { self.setPanelOpen(p.classList.contains("kh-collapsed")); });
    var headText = el("div", { "class": "kh-head-text" });
    headText.appendChild(el("h1", { id: "kh-title" }, this.d.title));
    if (this.d.asOf) headText.appendChild(el("div", { "class": "kh-asof", id: "kh-asof" }, this.t("as_of") + " " + this.d.asOf));
    headText.appendChild(el("div", { "class": "kh-count", id: "kh-count" }));
    head.appendChild(headText);
    head.appendChild(toggle);
    p.appendChild(head);
    p.appendChild(body);
    this.panelEl = p;
    body.appendChild(el("div", { id: "kh-dates" }));
    body.appendChild(this.searchBox());
    body.appendChild(this.timeline());
    body.appendChild(el("h2", null, this.t("legend")));
    body.appendChild(this.legend());
    body.appendChild(this.buttons());
    body.appendChild(el("h2", { "class": "kh-govs-head" }, this.t("by_governorate")));
    body.appendChild(el("ul", { "class": "kh-govs", id: "kh-govs" }));
    body.appendChild(this.note());
    this.map.getContainer().appendChild(p);
    if (this.small()) this.setPanelOpen(false);
  };

  App.prototype.note = function () {
    var outlets = this.d.outlets.filter(Boolean).slice().sort();
    var box = el("div", { "class": "kh-note", id: "kh-note" });
    box.appendChild(el("div", null, this.t("generated")));
    var list = el("div", { id: "kh-sources-list" });
    list.appendChild(el("strong", null, this.t("sources") + " (" + outlets.length + "): "));
    outlets.forEach(function (o, k) { if (k) list.appendChild(document.createTextNode(" \u00b7 ")); list.appendChild(bidi(o)); });
    box.appendChild(list);
    return box;
  };

  App.prototype.buttons = function () {
    var self = this, box = el("div", { "class": "kh-buttons kh-control" });
    var reset = el("button", { type: "button", "class": "kh-reset", id: "kh-reset" }, this.t("reset"));
    reset.addEventListener("click", function () { self.reset(); });
    box.appendChild(reset);
    var dl = el("div", { "class": "kh-downloads", id: "kh-downloads" });
    dl.appendChild(el("span", { id: "kh-download-label" }, this.t("download")));
    ["csv", "geojson"].forEach(function (fmt) {
      var b = el("button", { type: "button", id: "kh-download-" + fmt }, fmt === "csv" ? "CSV" : "GeoJSON");
      b.addEventListener("click", function () { self.download(fmt); });
      dl.appendChild(b);
    });
    box.appendChild(dl);
    return box;
  };

  // ---------- search ----------
  App.prototype.searchBox = function () {
    var self = this, box = el("div", { "class": "kh-searchbox kh-control" }), timer = null;
    var search = el("input", { type: "search", "class": "kh-search", id: "kh-search", placeholder: this.t("search"), dir: "auto",
      "aria-controls": "kh-results" });
    search.value = this.queryText || "";
    search.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { self.setQuery(search.value); }, 120);
    });
    search.addEventListener("keydown", function (e) {
      if (e.key !== "Enter") return;
      clearTimeout(timer); self.setQuery(search.value);
      var first = document.querySelector("#kh-results button");
      if (first) first.click();
    });
    box.appendChild(search);
    box.appendChild(el("ul", { "class": "kh-results", id: "kh-results", "aria-live": "polite" }));
    return box;
  };

  App.prototype.setQuery = function (q) { this.queryText = q; this.query = norm(q); this.apply(); };

  // Up to 6 matching incidents, then bases and labelled places whose names match.
  App.prototype.results = function () {
    var ul = document.getElementById("kh-results");
    if (!ul) return;
    ul.textContent = "";
    if (!this.query) return;
    var self = this, q = " " + this.query, items = [];
    this.visible.slice(0, 6).forEach(function (i) {
      var r = self.d.inc[i];
      items.push({ text: self.typeLabel(r[F.TYPE]) + " \u00b7 " + self.placeName(r) + " \u00b7 " + (r[F.DATE] || self.t("undated")),
        go: function () { self.openIncident(i); } });
    });
    this.d.bases.forEach(function (b) {
      if (items.length < 10 && (" " + norm(b[2] + " " + b[3])).indexOf(q) >= 0) {
        items.push({ text: self.t("base_result") + ": " + (self.lang === "ar" ? b[3] + " \u00b7 " + b[2] : b[2] + " \u00b7 " + b[3]),
          go: function () { self.goTo(b[0], b[1], b[2], b[3]); } });
      }
    });
    (this.labelIndex || []).forEach(function (it) {
      if (it.place && items.length < 12 && (" " + it.names).indexOf(q) >= 0) {
        var l = it.place;
        items.push({ text: self.t("place_result") + ": " + (self.lang === "ar" ? l[3] + " \u00b7 " + l[2] : l[2] + " \u00b7 " + l[3]),
          go: function () { self.goTo(l[0], l[1], l[2], l[3]); } });
      }
    });
    if (!items.length) { ul.appendChild(el("li", { "class": "kh-none" }, this.t("no_results"))); return; }
    items.forEach(function (it) {
      var li = el("li"), b = el("button", { type: "button" });
      b.appendChild(bidi(it.text, self.lang));
      b.addEventListener("click", it.go);
      li.appendChild(b);
      ul.appendChild(li);
    });
  };

  // ---------- timeline ----------
  // Bins by day, ISO week or month as the span needs.  Far outliers (beyond 4x the span
  // of the middle 96 %) go to the first/last bar, marked, so one stray date cannot
  // squash the rest.  The brush selects whole bins; a brush touching an end bar is open
  // on that side.
  App.prototype.timeBins = function () {
    var mids = [];
    this.d.inc.forEach(function (r) { if (r[F.D0] !== null) mids.push((r[F.D0] + r[F.D1]) / 2); });
    if (!mids.length) return null;
    mids.sort(function (a, b) { return a - b; });
    var lo = Math.floor(mids[0]), hi = Math.ceil(mids[mids.length - 1]);
    var qlo = Math.floor(mids[Math.floor(mids.length * 0.02)]), qhi = Math.ceil(mids[Math.ceil(mids.length * 0.98) - 1]);
    if (hi - lo > 4 * (qhi - qlo + 30)) { var pad = Math.round((qhi - qlo) * 0.05) + 1; lo = Math.max(lo, qlo - pad); hi = Math.min(hi, qhi + pad); }
    var span = hi - lo + 1, bins = [];
    if (span <= 92) {
      for (var d = lo; d <= hi; d++) bins.push([d, d]);
    } else if (span <= 730) {
      for (var w = lo - ((lo + 3) % 7 + 7) % 7; w <= hi; w += 7) bins.push([w, w + 6]);
    } else {
      var t = new Date(lo * 86400000), y = t.getUTCFullYear(), mo = t.getUTCMonth();
      for (;;) {
        var a = Date.UTC(y, mo, 1) / 86400000, b = Date.UTC(y, mo + 1, 1) / 86400000 - 1;
        if (a > hi) break;
        bins.push([a, b]);
        mo++; if (mo === 12) { mo = 0; y++; }
      }
    }
    return { bins: bins, lo: bins[0][0], hi: bins[bins.length - 1][1], unit: span <= 92 ? "day" : span <= 730 ? "week" : "month" };
  };

  App.prototype.timeline = function () {
    var self = this, box = el("div", { "class": "kh-timeline", id: "kh-timeline" });
    this.tb = this.timeBins();
    box.appendChild(el("h2", null, this.t("timeline")));
    if (this.tb) {
      var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
      svg.setAttribute("id", "kh-hist"); svg.setAttribute("class", "kh-hist"); svg.setAttribute("height", "58");
      svg.setAttribute("role", "img"); svg.setAttribute("aria-label", this.t("brush_hint"));
      box.appendChild(svg);
      this.histSvg = svg;
      this.brush(svg);
      var axis = el("div", { "class": "kh-axis", dir: "ltr" });
      axis.appendChild(el("span", null, dayIso(this.tb.lo)));
      axis.appendChild(el("span", null, dayIso(this.tb.hi)));
      box.appendChild(axis);
    }
    var row = el("div", { "class": "kh-timerow" });
    if (this.tb) {
      var play = el("button", { type: "button", id: "kh-play", "class": "kh-control", title: this.t("play"), "aria-label": this.t("play") }, "\u25b6");
      play.addEventListener("click", function () { self.togglePlay(); });
      var clear = el("button", { type: "button", id: "kh-clear-range", "class": "kh-control", title: this.t("clear_range"), "aria-label": this.t("clear_range") }, "\u00d7");
      clear.addEventListener("click", function () { self.stopPlay(); self.setDays(null, null); });
      row.appendChild(play); row.appendChild(clear);
    }
    row.appendChild(el("output", { id: "kh-range-out", "class": "kh-range-out" }));
    box.appendChild(row);
    var undated = this.d.inc.filter(function (r) { return r[F.D0] === null; }).length;
    if (undated) {
      var lab = el("label", { "class": "kh-undated", id: "kh-undated-label" });
      var cb = el("input", { type: "checkbox", id: "kh-undated", "class": "kh-control" });
      cb.checked = this.undated;
      cb.addEventListener("change", function () { self.undated = cb.checked; self.apply(); });
      lab.appendChild(cb);
      lab.appendChild(el("span", null, this.t("include_undated") + " (" + undated + ")"));
      box.appendChild(lab);
    }
    return box;
  };

  App.prototype.binAt = function (x) {
    var n = this.tb.bins.length, w = this.histSvg.getBoundingClientRect().width || 1;
    return Math.max(0, Math.min(n - 1, Math.floor(x / w * n)));
  };

  App.prototype.setBins = function (a, b) {
    var n = this.tb.bins.length, lo = Math.min(a, b), hi = Math.max(a, b);
    this.setDays(lo === 0 ? null : this.tb.bins[lo][0], hi === n - 1 ? null : this.tb.bins[hi][1]);
  };

  App.prototype.setDays = function (from, to) { this.from = from; this.to = to; this.apply(); };

  App.prototype.brush = function (svg) {
    var self = this, start = null;
    var x = function (e) { return e.clientX - svg.getBoundingClientRect().left; };
    svg.addEventListener("pointerdown", function (e) {
      self.stopPlay(); start = self.binAt(x(e)); svg.setPointerCapture(e.pointerId);
      self.preview = [start, start]; self.drawTimeline();
    });
    svg.addEventListener("pointermove", function (e) {
      if (start === null) return;
      self.preview = [start, self.binAt(x(e))]; self.drawTimeline();
    });
    svg.addEventListener("pointerup", function (e) {
      if (start === null) return;
      var end = self.binAt(x(e));
      self.preview = null;
      self.setBins(start, end);
      start = null;
    });
  };

  // Histogram of the incidents passing the type and text filters; bars in the selected
  // period dark, the others light.
  App.prototype.drawTimeline = function () {
    var out = document.getElementById("kh-range-out");
    if (out) out.textContent = this.rangeText();
    var svg = this.histSvg;
    if (!svg) return;
    var tb = this.tb, n = tb.bins.length, counts = new Array(n).fill(0), self = this;
    for (var i = 0; i < this.d.inc.length; i++) {
      var r = this.d.inc[i];
      if (r[F.D0] === null || !this.enabled[r[F.TYPE]] || !this.queryOk(i)) continue;
      var mid = (r[F.D0] + r[F.D1]) / 2, k = 0, a = 0, b = n - 1;
      while (a <= b) { k = (a + b) >> 1; if (tb.bins[k][1] < mid) a = k + 1; else if (tb.bins[k][0] > mid) b = k - 1; else break; }
      counts[Math.max(0, Math.min(n - 1, a > b ? a : k))]++;
    }
    var w = svg.getBoundingClientRect().width || 260, h = 58, max = Math.max.apply(null, counts) || 1, bw = w / n;
    var sel = this.preview ? [Math.min(this.preview[0], this.preview[1]), Math.max(this.preview[0], this.preview[1])] : null;
    var parts = [];
    counts.forEach(function (c, k) {
      var inside = sel ? k >= sel[0] && k <= sel[1]
        : (self.from === null || tb.bins[k][1] >= self.from) && (self.to === null || tb.bins[k][0] <= self.to);
      var bh = c ? Math.max(2, (h - 4) * c / max) : 0;
      parts.push('<rect x="' + (k * bw + 0.5).toFixed(1) + '" y="' + (h - bh).toFixed(1) + '" width="' + Math.max(1, bw - 1).toFixed(1) +
        '" height="' + bh.toFixed(1) + '" class="' + (inside ? "kh-bar kh-in" : "kh-bar") + '" data-n="' + c + '"/>');
    });
    if (sel) parts.push('<rect x="' + (sel[0] * bw) + '" y="0" width="' + ((sel[1] - sel[0] + 1) * bw) + '" height="' + h + '" class="kh-brush"/>');
    svg.setAttribute("viewBox", "0 0 " + w + " " + h);
    svg.innerHTML = parts.join("");
  };

  App.prototype.rangeText = function () {
    if (this.from === null && this.to === null) return this.t("all_dates");
    return (this.from === null ? "\u2026" : dayIso(this.from)) + " \u2192 " + (this.to === null ? "\u2026" : dayIso(this.to));
  };

  App.prototype.togglePlay = function () {
    if (this.playing) { this.stopPlay(); return; }
    var self = this, n = this.tb.bins.length, width = Math.max(1, Math.round(n / 8)), at = 0;
    var btn = document.getElementById("kh-play");
    this.playing = setInterval(function () {
      if (at + width > n) { self.stopPlay(); return; }
      self.setBins(at, at + width - 1 === n - 1 && at > 0 ? n - 2 : at + width - 1);
      at++;
    }, 700);
    if (btn) { btn.textContent = "\u23f8"; btn.title = this.t("pause"); }
  };

  App.prototype.stopPlay = function () {
    if (!this.playing) return;
    clearInterval(this.playing); this.playing = null;
    var btn = document.getElementById("kh-play");
    if (btn) { btn.textContent = "\u25b6"; btn.title = this.t("play"); }
  };

  // ---------- legend ----------
  App.prototype.legend = function () {
    var self = this, ul = el("ul", { "class": "kh-types", id: "kh-types" });
    this.typeCounts = [];
    this.d.types.forEach(function (ty, t) {
      var li = el("li"), lab = el("label");
      var cb = el("input", { type: "checkbox", "data-type": ty[0], "class": "kh-control" });
      cb.checked = self.enabled[t];
      cb.addEventListener("change", function () { self.enabled[t] = cb.checked; self.apply(); });
      var sw = el("span", { "class": "kh-swatch" });
      sw.innerHTML = self.svg(ty[4], ty[3], 18);
      lab.appendChild(cb); lab.appendChild(sw); lab.appendChild(el("span", null, self.typeLabel(t)));
      var n = el("span", { "class": "kh-n" });
      lab.appendChild(n);
      self.typeCounts.push(n);
      li.appendChild(lab);
      ul.appendChild(li);
    });
    var sym = function (html, key) {
      var li = el("li", { "class": "kh-sym" }), sw = el("span", { "class": "kh-swatch kh-swatch-wide" });
      if (typeof html === "string") sw.innerHTML = html; else sw.appendChild(html);
      li.appendChild(sw); li.appendChild(el("span", null, self.t(key)));
      ul.appendChild(li);
    };
    var grey = this.d.types.length ? this.d.types[0] : ["", "", "", "#6b7280", "circle-exclamation"];
    sym(this.svg(grey[4], grey[3], 18) + '<span class="kh-badge kh-badge-legend">3</span>', "legend_badge");
    var counts = {}, total = 0;
    this.d.types.slice(0, 3).forEach(function (ty, t) { counts[t] = 3 - t; total += 3 - t; });
    if (total) sym(this.clusterSample(counts, total, 24), "legend_cluster");
    sym('<svg width="24" height="18" viewBox="0 0 24 18"><circle cx="12" cy="9" r="8" fill="rgba(107,114,128,.12)" stroke="#6b7280" stroke-width="1.5" stroke-dasharray="3 2"/></svg>', "legend_ring");
    if (this.d.bases.length) {
      sym(this.svg("shield-halved", "#1e293b", 18, "square"), "legend_base");
      sym(this.svg("plane", "#1e293b", 18, "square"), "legend_airfield");
    }
    ul.appendChild(el("li", { "class": "kh-note" }, this.t("casualties_note")));
    return ul;
  };

  App.prototype.summarise = function () {
    var byType = this.d.types.map(function () { return 0; }), byGov = {}, undated = 0;
    this.visible.forEach(function (i) {
      var r = this.d.inc[i], g = this.govName(r) || this.t("unknown");
      byType[r[F.TYPE]]++;
      byGov[g] = (byGov[g] || 0) + 1;
      if (r[F.D0] === null) undated++;
    }, this);
    (this.typeCounts || []).forEach(function (n, t) { n.textContent = String(byType[t]); });
    var count = document.getElementById("kh-count");
    if (count) count.textContent = this.visible.length + " / " + this.d.inc.length + " " + this.t("incidents");
    var dates = document.getElementById("kh-dates");
    if (dates) {
      dates.textContent = this.t("date_range") + ": ";
      dates.appendChild(el("bdi", { dir: "ltr", id: "kh-dates-range" }, this.rangeText()));
      dates.appendChild(document.createTextNode(" \u00b7 " + this.t("undated") + ": "));
      dates.appendChild(el("bdi", { dir: "ltr", id: "kh-dates-undated" }, String(undated)));
    }
    var govs = document.getElementById("kh-govs");
    if (govs) {
      govs.textContent = "";
      Object.keys(byGov).sort(function (a, b) { return byGov[b] - byGov[a]; }).slice(0, 20).forEach(function (g) {
        var li = el("li");
        li.appendChild(bidi(g));
        li.appendChild(el("span", { "class": "kh-n" }, byGov[g]));
        govs.appendChild(li);
      });
    }
    this.countInView();
  };

  App.prototype.syncControls = function () {
    var self = this;
    Array.prototype.forEach.call(document.querySelectorAll("#kh-types input"), function (c, t) { c.checked = self.enabled[t]; });
    var s = document.getElementById("kh-search"); if (s) s.value = this.queryText || "";
    var u = document.getElementById("kh-undated"); if (u) u.checked = this.undated;
  };

  App.prototype.reset = function () {
    this.stopPlay();
    this.enabled = this.enabled.map(function () { return true; });
    this.query = ""; this.queryText = "";
    this.from = null; this.to = null; this.undated = true;
    this.syncControls();
    this.apply();
  };

  window.kharitaPanel = true;
})();
