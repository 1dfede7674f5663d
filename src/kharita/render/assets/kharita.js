/* kharita map app (MIT, part of kharita).
 * Fed by one JSON blob (the application/json script element #kharita-data) and the
 * Leaflet layers folium created (looked up by their global names).  Builds incident
 * markers, lazy popups, uncertainty circles, labels, filters, search and the summary.
 * Article text only ever reaches the page through textContent / setAttribute, so it
 * cannot execute; the only HTML strings inserted are SVG built from shipped icon data
 * and the base popups pre-escaped by kharita.render.popups. */
(function () {
  "use strict";
  // incident row fields
  var LAT = 0, LON = 1, TYPE = 2, DATE = 3, PREC = 4, D0 = 5, D1 = 6, KMIN = 7, KMAX = 8,
      WMIN = 9, WMAX = 10, PLACE = 11, PRECM = 12, CONF = 13, SRCS = 14;
  var PRECISIONS = ["day", "month", "year"];
  var TASHKEEL = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
  var FOLD = { "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",
    "\u0649": "\u064a", "\u0629": "\u0647", "\u0624": "\u0648", "\u0626": "\u064a", "\u06a9": "\u0643",
    "\u06cc": "\u064a", "\u06af": "\u0643" };

  function norm(s) {
    return String(s || "").toLowerCase().replace(TASHKEEL, "").replace(/[\u0622-\u06cc]/g, function (c) {
      return FOLD[c] || c;
    });
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

  function App(data) {
    this.d = data;
    this.ui = data.ui;
    this.lang = data.lang;
    this.map = window[data.layers.map];
    this.cluster = window[data.layers.incidents];
    this.circles = window[data.layers.uncertainty];
    this.cluster.options.iconCreateFunction = this.clusterIcon.bind(this);
    // own pane above the (opaque) SVG basemap: Leaflet's CSS stacks canvas below svg in a pane
    this.map.createPane("khRings").style.zIndex = 420;
    this.canvas = L.canvas({ padding: 0.3, pane: "khRings" });
    this.markers = new Array(data.inc.length);
    this.rings = new Array(data.inc.length);
    this.icons = {};
    this.enabled = data.types.map(function () { return true; });
    this.query = "";
    this.search = null;  // built on the first search
    var days = data.inc.filter(function (r) { return r[D0] !== null; });
    this.dMin = days.length ? Math.min.apply(null, days.map(function (r) { return r[D0]; })) : null;
    this.dMax = days.length ? Math.max.apply(null, days.map(function (r) { return r[D1]; })) : null;
    this.from = this.dMin; this.to = this.dMax;
    this.visible = [];
  }

  App.prototype.t = function (key) { return this.ui[key] || key; };
  App.prototype.typeLabel = function (t) { var ty = this.d.types[t]; return this.lang === "ar" ? ty[2] : ty[1]; };

  App.prototype.searchText = function (r) {
    var p = this.d.places[r[PLACE]] || ["", "", -1, ""], g = this.d.govs[p[2]] || ["", ""];
    var parts = [p[0], p[1], p[3], g[0], g[1], this.d.types[r[TYPE]][1], this.d.types[r[TYPE]][2]];
    r[SRCS].forEach(function (s) { parts.push(this.d.outlets[s[0]] || "", s[4]); }, this);
    return norm(parts.join(" \u0001 "));
  };

  App.prototype.svg = function (iconName, colour, size, shape) {
    var ic = this.d.icons[iconName] || this.d.icons["circle-exclamation"];
    var g = Math.round(size * 0.55), o = (size - g) / 2;
    var bg = shape === "square"
      ? '<rect x="1" y="1" width="' + (size - 2) + '" height="' + (size - 2) + '" rx="4" fill="' + colour + '" stroke="#facc15" stroke-width="2"/>'
      : '<circle cx="' + size / 2 + '" cy="' + size / 2 + '" r="' + (size / 2 - 1) + '" fill="' + colour + '" stroke="#fff" stroke-width="2"/>';
    return '<svg xmlns="http://www.w3.org/2000/svg" width="' + size + '" height="' + size + '" viewBox="0 0 ' + size + " " + size + '">' + bg +
      '<svg x="' + o + '" y="' + o + '" width="' + g + '" height="' + g + '" viewBox="0 0 ' + ic[0] + " " + ic[1] + '"><path fill="#fff" d="' + ic[2] + '"/></svg></svg>';
  };

  // Cluster icon: a ring split by the incident types inside (largest share first, from 12
  // o'clock), the count in the middle, and the dominant type named in the hover title.
  App.prototype.clusterIcon = function (cluster) {
    var kids = cluster.getAllChildMarkers(), n = kids.length, counts = {}, self = this;
    kids.forEach(function (m) { var t = self.d.inc[m.kharitaIndex][TYPE]; counts[t] = (counts[t] || 0) + 1; });
    var order = Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a] || a - b; });
    var size = Math.round(32 + Math.min(22, 7 * Math.log10(n))), c = size / 2, r = c - 4, circ = 2 * Math.PI * r, at = 0;
    var ring = order.map(function (t) {
      var len = circ * counts[t] / n, seg = '<circle cx="' + c + '" cy="' + c + '" r="' + r.toFixed(2) + '" fill="none" stroke="' + self.d.types[+t][3] +
        '" stroke-width="7" stroke-dasharray="' + len.toFixed(2) + " " + (circ - len).toFixed(2) + '" stroke-dashoffset="' + (-at).toFixed(2) +
        '" transform="rotate(-90 ' + c + " " + c + ')"/>';
      at += len;
      return seg;
    }).join("");
    var label = n >= 10000 ? Math.round(n / 1000) + "k" : String(n);
    var dom = String(this.d.types[+order[0]][0]).replace(/[^A-Za-z0-9_-]/g, "");
    var html = '<svg xmlns="http://www.w3.org/2000/svg" data-dominant="' + dom + '" width="' + size + '" height="' + size + '" viewBox="0 0 ' + size + " " + size + '">' +
      '<circle cx="' + c + '" cy="' + c + '" r="' + (c - 0.5) + '" fill="#fff"/>' + ring +
      '<text x="' + c + '" y="' + c + '" text-anchor="middle" dominant-baseline="central" font-size="' + (n >= 1000 ? 11 : 12) + '" font-weight="700" fill="#111827">' + label + "</text></svg>";
    return L.divIcon({ html: html, className: "kh-cluster", iconSize: [size, size] });
  };

  App.prototype.icon = function (r) {
    var victims = (r[KMIN] || 0) + (r[WMIN] || 0);
    var size = Math.round(24 + Math.min(18, 5 * Math.log2(1 + victims)));
    var badge = r[KMIN] ? String(r[KMIN]) + (r[KMAX] && r[KMAX] !== r[KMIN] ? "+" : "") : "";
    var key = r[TYPE] + "|" + size + "|" + badge;
    if (!this.icons[key]) {
      var ty = this.d.types[r[TYPE]];
      var html = this.svg(ty[4], ty[3], size) + (badge ? '<span class="kh-badge">' + badge.replace(/[^0-9+]/g, "") + "</span>" : "");
      this.icons[key] = L.divIcon({ html: html, className: "kh-icon", iconSize: [size, size],
        iconAnchor: [size / 2, size / 2], popupAnchor: [0, -size / 2] });
    }
    return this.icons[key];
  };

  App.prototype.marker = function (i) {
    if (!this.markers[i]) {
      var r = this.d.inc[i], self = this;
      var icon = this.icon(r);
      var m = L.marker([r[LAT], r[LON]], { icon: icon, riseOnHover: true, keyboard: true });
      m.kharitaIndex = i;
      m.bindTooltip(function () { return self.tooltip(i); },
        { direction: "top", offset: [0, -icon.options.iconSize[1] / 2], className: "kh-tip", opacity: 0.95 });
      m.bindPopup(function () { return self.popup(i); }, { maxWidth: 360, minWidth: 240, autoPanPaddingTopLeft: [20, 20] });
      this.markers[i] = m;
    }
    return this.markers[i];
  };

  App.prototype.reportsText = function (n) { return n + " " + this.t(n === 1 ? "report" : "reports"); };

  // Hover/focus tooltip: type, place, date (and the number of merged reports), text nodes only.
  App.prototype.tooltip = function (i) {
    var r = this.d.inc[i], dir = this.lang === "ar" ? "rtl" : "ltr";
    var box = el("div", { "class": "kh-tip-box", dir: dir, lang: this.lang });
    box.appendChild(el("strong", null, this.typeLabel(r[TYPE])));
    box.appendChild(el("br"));
    box.appendChild(bidi(this.placeName(r), this.lang));
    box.appendChild(el("br"));
    box.appendChild(bidi(r[DATE] || this.t("unknown")));
    if (r[SRCS].length > 1) { box.appendChild(document.createTextNode(" \u00b7 ")); box.appendChild(bidi(this.reportsText(r[SRCS].length), this.lang)); }
    return box;
  };

  App.prototype.ring = function (i) {
    if (!this.rings[i]) {
      var r = this.d.inc[i], c = this.d.types[r[TYPE]][3];
      this.rings[i] = L.circle([r[LAT], r[LON]], { radius: r[PRECM], renderer: this.canvas, color: c, weight: 1,
        opacity: 0.8, fillColor: c, fillOpacity: 0.12, dashArray: "5 4", interactive: false, pane: "khRings" });
    }
    return this.rings[i];
  };

  App.prototype.placeName = function (r) {
    var p = this.d.places[r[PLACE]];
    if (!p) return this.t("unknown");
    var name = (this.lang === "ar" ? p[1] : p[0]) || p[3] || p[0] || p[1];
    var g = this.d.govs[p[2]];
    if (!g) return name;
    var gname = this.lang === "ar" ? (g[1] || g[0]) : g[0];
    return gname && gname !== name ? name + (this.lang === "ar" ? "\u060c " : ", ") + gname : name;
  };

  App.prototype.countText = function (lo, hi) {
    if (lo === null) return this.t("unknown");
    return hi === null || hi === lo ? String(lo) : lo + "\u2013" + hi;
  };

  App.prototype.row = function (table, key, value) {
    var tr = el("tr");
    tr.appendChild(el("th", null, this.t(key)));
    var td = el("td");
    td.appendChild(typeof value === "string" ? document.createTextNode(value) : value);
    tr.appendChild(td);
    table.appendChild(tr);
  };

  App.prototype.excerpt = function (s) {
    var text = s[4], hs = s[5], he = s[6], lang = textLang(text, s[3]);
    var q = el("blockquote", { "class": "kh-excerpt", dir: lang === "ar" ? "rtl" : "ltr", lang: lang });
    if (hs !== null && he !== null && hs >= 0 && hs < he && he <= text.length) {
      q.appendChild(document.createTextNode(text.slice(0, hs)));
      q.appendChild(el("mark", null, text.slice(hs, he)));
      q.appendChild(document.createTextNode(text.slice(he)));
    } else {
      q.textContent = text;
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
    li.appendChild(this.excerpt(s));
    return li;
  };

  App.prototype.popup = function (i) {
    var r = this.d.inc[i], ty = this.d.types[r[TYPE]], dir = this.lang === "ar" ? "rtl" : "ltr";
    var box = el("div", { "class": "kh-pop", dir: dir, lang: this.lang, "data-incident": String(i) });
    var head = el("div", { "class": "kh-pop-type" }, this.typeLabel(r[TYPE]));
    head.style.borderColor = ty[3];
    box.appendChild(head);
    var table = el("table", { "class": "kh-facts" });
    var date = r[DATE] ? r[DATE] + (r[PREC] >= 0 ? " (" + this.t("precision_" + PRECISIONS[r[PREC]]) + ")" : "") : this.t("unknown");
    this.row(table, "date", bidi(date));
    this.row(table, "killed", bidi(this.countText(r[KMIN], r[KMAX])));
    this.row(table, "wounded", bidi(this.countText(r[WMIN], r[WMAX])));
    this.row(table, "place", bidi(this.placeName(r)));
    this.row(table, "confidence", bidi(r[CONF] + "%"));
    this.row(table, "merged", bidi(this.reportsText(r[SRCS].length), this.lang));
    this.row(table, "precision_m", bidi("\u00b1 " + (r[PRECM] / 1000).toFixed(r[PRECM] < 1000 ? 1 : 0) + " km"));
    box.appendChild(table);
    box.appendChild(el("div", { "class": "kh-src-head" }, this.t("sources") + " (" + r[SRCS].length + ")"));
    var ol = el("ol", { "class": "kh-sources" });
    r[SRCS].forEach(function (s) { ol.appendChild(this.source(s)); }, this);
    box.appendChild(ol);
    return box;
  };

  App.prototype.matches = function (i) {
    var r = this.d.inc[i];
    if (!this.enabled[r[TYPE]]) return false;
    if (this.dMin !== null && (this.from > this.dMin || this.to < this.dMax)) {
      if (r[D0] === null || r[D1] < this.from || r[D0] > this.to) return false;
    }
    if (!this.query) return true;
    if (!this.search) this.search = this.d.inc.map(this.searchText, this);
    return this.search[i].indexOf(this.query) >= 0;
  };

  App.prototype.apply = function () {
    var vis = [], n = this.d.inc.length;
    for (var i = 0; i < n; i++) { if (this.matches(i)) vis.push(i); }
    this.visible = vis;
    this.cluster.clearLayers();
    this.cluster.addLayers(vis.map(this.marker, this));
    this.drawRings();
    this.summarise();
  };

  // Uncertainty circles from zoom RING_ZOOM on: below it a town-sized circle (a few km) is
  // smaller than the marker itself, and drawing 10,000 of them would only slow the page.
  var RING_ZOOM = 8;
  App.prototype.drawRings = function () {
    var want = this.map.getZoom() >= RING_ZOOM ? this.visible : [];
    if (want === this.ringsShown) return;
    this.circles.clearLayers();
    for (var j = 0; j < want.length; j++) this.circles.addLayer(this.ring(want[j]));
    this.ringsShown = want;
  };

  // ---------- panel ----------
  var SMALL_SCREEN = 700;  // px of map width below which the panel starts collapsed
  App.prototype.panel = function () {
    var dir = this.lang === "ar" ? "rtl" : "ltr", self = this;
    var p = el("div", { "class": "kh-panel", dir: dir, lang: this.lang, id: "kh-panel" });
    L.DomEvent.disableClickPropagation(p);
    L.DomEvent.disableScrollPropagation(p);
    var outer = p;
    var head = el("div", { "class": "kh-head" }), body = el("div", { "class": "kh-body", id: "kh-body" });
    var toggle = el("button", { type: "button", "class": "kh-toggle", id: "kh-toggle", "aria-controls": "kh-body",
      "aria-expanded": "true", title: this.t("toggle_panel") }, "\u25be");
    var setOpen = function (open) {
      outer.classList.toggle("kh-collapsed", !open);
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      toggle.textContent = open ? "\u25be" : "\u25b8";
    };
    toggle.addEventListener("click", function () { setOpen(outer.classList.contains("kh-collapsed")); });
    var headText = el("div", { "class": "kh-head-text" });
    if (this.d.title) headText.appendChild(el("h1", { id: "kh-title" }, this.d.title));
    headText.appendChild(el("div", { "class": "kh-count", id: "kh-count" }));
    head.appendChild(headText);
    head.appendChild(toggle);
    p.appendChild(head);
    p.appendChild(body);
    this.setPanelOpen = setOpen;
    this.panelEl = outer;
    p = body;
    p.appendChild(el("div", { id: "kh-dates" }));
    var search = el("input", { type: "search", "class": "kh-search", id: "kh-search", placeholder: this.t("search"), dir: "auto" });
    var timer = null;
    search.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { self.query = norm(search.value.trim()); self.apply(); }, 120);
    });
    p.appendChild(search);
    if (this.dMin !== null && this.dMax > this.dMin) p.appendChild(this.rangeBox());
    p.appendChild(el("h2", null, this.t("legend")));
    p.appendChild(this.legend());
    var reset = el("button", { type: "button", "class": "kh-reset", id: "kh-reset" }, this.t("reset"));
    reset.addEventListener("click", function () { self.reset(); });
    p.appendChild(reset);
    p.appendChild(el("h2", null, this.t("by_governorate")));
    p.appendChild(el("ul", { "class": "kh-govs", id: "kh-govs" }));
    p.appendChild(el("div", { "class": "kh-note", id: "kh-note" }, this.d.note));
    this.map.getContainer().appendChild(outer);
    if (this.map.getSize().x < SMALL_SCREEN) setOpen(false);
  };

  App.prototype.rangeBox = function () {
    var self = this, box = el("div", { "class": "kh-range", id: "kh-range" });
    var mk = function (key, value) {
      box.appendChild(el("label", { "for": "kh-" + key }, self.t(key)));
      var input = el("input", { type: "range", id: "kh-" + key, min: String(self.dMin), max: String(self.dMax), step: "1", value: String(value) });
      box.appendChild(input);
      return input;
    };
    var a = mk("from", this.dMin), b = mk("to", this.dMax), out = el("output", { id: "kh-range-out", dir: "ltr" });
    box.appendChild(out);
    var update = function () {
      var x = +a.value, y = +b.value;
      self.from = Math.min(x, y); self.to = Math.max(x, y);
      out.textContent = dayIso(self.from) + " \u2192 " + dayIso(self.to);
    };
    a.addEventListener("input", update); b.addEventListener("input", update);
    a.addEventListener("change", function () { self.apply(); }); b.addEventListener("change", function () { self.apply(); });
    this.rangeInputs = [a, b];
    update();
    return box;
  };

  App.prototype.legend = function () {
    var self = this, ul = el("ul", { "class": "kh-types", id: "kh-types" });
    this.typeCounts = [];
    this.d.types.forEach(function (ty, t) {
      var li = el("li"), lab = el("label");
      var cb = el("input", { type: "checkbox", "data-type": ty[0] });
      cb.checked = true;
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
    if (this.d.bases.length) {
      var li = el("li"), sw = el("span", { "class": "kh-swatch" });
      sw.innerHTML = this.svg("plane", "#1e293b", 18, "square");
      li.appendChild(sw); li.appendChild(el("span", null, this.t("bases")));
      ul.appendChild(li);
    }
    ul.appendChild(el("li", { "class": "kh-note" }, this.t("casualties_note")));
    return ul;
  };

  App.prototype.summarise = function () {
    var byType = this.d.types.map(function () { return 0; }), byGov = {}, lo = null, hi = null;
    this.visible.forEach(function (i) {
      var r = this.d.inc[i], p = this.d.places[r[PLACE]], g = p ? this.d.govs[p[2]] : null;
      byType[r[TYPE]]++;
      var gname = g ? (this.lang === "ar" ? g[1] || g[0] : g[0]) : this.t("unknown");
      byGov[gname] = (byGov[gname] || 0) + 1;
      if (r[D0] !== null) { lo = lo === null ? r[D0] : Math.min(lo, r[D0]); hi = hi === null ? r[D1] : Math.max(hi, r[D1]); }
    }, this);
    (this.typeCounts || []).forEach(function (n, t) { n.textContent = String(byType[t]); });
    var count = document.getElementById("kh-count");
    if (count) count.textContent = this.visible.length + " / " + this.d.inc.length + " " + this.t("incidents");
    var dates = document.getElementById("kh-dates");
    if (dates) {
      dates.textContent = this.t("date_range") + ": ";
      dates.appendChild(el("bdi", { dir: "ltr" }, lo === null ? "\u2014" : dayIso(lo) + " \u2192 " + dayIso(hi)));
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
  };

  App.prototype.reset = function () {
    this.enabled = this.enabled.map(function () { return true; });
    Array.prototype.forEach.call(document.querySelectorAll("#kh-types input"), function (c) { c.checked = true; });
    this.query = "";
    var s = document.getElementById("kh-search"); if (s) s.value = "";
    this.from = this.dMin; this.to = this.dMax;
    if (this.rangeInputs) { this.rangeInputs[0].value = this.dMin; this.rangeInputs[1].value = this.dMax; this.rangeInputs[0].dispatchEvent(new Event("input")); }
    this.apply();
  };

  // ---------- bases and labels ----------
  App.prototype.bases = function () {
    var layer = window[this.d.layers.bases], self = this;
    this.d.bases.forEach(function (b) {
      var air = /air|airport|airfield|airbase/i.test(b[4]);
      var icon = L.divIcon({ html: self.svg(air ? "plane" : "shield-halved", "#1e293b", 22, "square"), className: "kh-icon kh-base",
        iconSize: [22, 22], iconAnchor: [11, 11], popupAnchor: [0, -11] });
      var m = L.marker([b[0], b[1]], { icon: icon, zIndexOffset: -500, title: self.lang === "ar" ? b[3] : b[2] });
      m.bindPopup(b[5], { maxWidth: 300 });
      layer.addLayer(m);
    });
  };

  App.prototype.labelMarker = function (lat, lon, cls, lines) {
    var span = el("span");
    lines.forEach(function (line, k) {
      if (!line) return;
      if (k) span.appendChild(el("br"));
      span.appendChild(bidi(line));
    });
    return L.marker([lat, lon], { icon: L.divIcon({ html: span, className: "kh-label " + cls, iconSize: [0, 0] }),
      interactive: false, keyboard: false, pane: "khLabels" });
  };

  // Label placement: every candidate label for the zoom (countries, governorates, places by
  // prominence, rivers) is placed greedily in priority order and dropped when its estimated
  // box overlaps one already placed, so the map never shows a pile of overlapping names.
  var PLACE_CLS = ["kh-label-city", "kh-label-town", "kh-label-seat", "kh-label-village", "kh-label-hood"];
  var CHAR_W = { country: 8.4, gov: 6.6, river: 6.2, city: 6.6, place: 5.9 };
  App.prototype.labelItems = function () {
    var self = this, ar = this.lang === "ar", L0 = this.d.labels, items = [];
    var pair = function (l) { return ar ? [l[3], l[2]] : [l[2], l[3]]; };
    var add = function (l, cls, lines, o) {
      var longest = Math.max.apply(null, lines.map(function (x) { return String(x || "").length; }));
      o.marker = self.labelMarker(l[0], l[1], cls, lines);
      o.ll = L.latLng(l[0], l[1]);
      o.w = longest * CHAR_W[o.size] + 4;
      o.h = lines.filter(Boolean).length * (o.size === "country" ? 17 : 13) + 2;
      items.push(o);
    };
    L0.countries.forEach(function (l) { add(l, "kh-label-country", pair(l), { group: 0, z0: 0, z1: 8, size: "country", centred: true }); });
    L0.governorates.forEach(function (l) { add(l, "kh-label-gov", pair(l), { group: 2, z0: 6, z1: 11, size: "gov", centred: true, gov: true }); });
    L0.cities.forEach(function (l, k) {
      var kind = l[5] || 0, sep = " \u00b7 ";
      var text = ar ? l[3] + sep + l[2] : l[2] + sep + l[3];
      add(l, PLACE_CLS[kind] || PLACE_CLS[1], [text], { group: l[4] <= 6 ? 1 : 3, order: k, z0: l[4], z1: 99,
        size: kind === 0 ? "city" : "place", city: true, centred: kind === 4 });
    });
    L0.rivers.forEach(function (l) { add(l, "kh-label-river", [ar ? l[3] : l[2]], { group: 4, z0: 6, z1: 99, size: "river", centred: true }); });
    items.sort(function (a, b) { return a.group - b.group || (a.order || 0) - (b.order || 0); });
    return items;
  };

  App.prototype.labels = function () {
    var self = this, map = this.map, items = this.labelItems();
    var govLayer = window[this.d.layers.governorates], cityLayer = window[this.d.layers.cities];
    var shown = L.layerGroup().addTo(map);
    this.labelLayer = shown;
    var update = function () {
      var z = map.getZoom(), size = map.getSize(), boxes = [];
      var showGov = govLayer && map.hasLayer(govLayer), showCity = !cityLayer || map.hasLayer(cityLayer);
      shown.clearLayers();
      items.forEach(function (it) {
        if (z < it.z0 || z > it.z1 || (it.gov && !showGov) || (it.city && !showCity)) return;
        var p = map.latLngToContainerPoint(it.ll);
        var x0 = it.centred ? p.x - it.w / 2 : p.x - 7, y0 = p.y - it.h / 2;
        var box = [x0, y0, x0 + it.w + (it.centred ? 0 : 9), y0 + it.h];
        if (box[2] < 0 || box[0] > size.x || box[3] < 0 || box[1] > size.y) return;
        for (var k = 0; k < boxes.length; k++) {
          var o = boxes[k];
          if (box[0] < o[2] && box[2] > o[0] && box[1] < o[3] && box[3] > o[1]) return;
        }
        boxes.push(box);
        shown.addLayer(it.marker);
      });
    };
    map.on("zoomend moveend overlayadd overlayremove", update);
    update();
  };

  App.prototype.fit = function () {
    var pts = (this.visible.length ? this.visible : []).map(function (i) { var r = this.d.inc[i]; return [r[LAT], r[LON]]; }, this);
    // keep the incidents clear of the panel when it sits beside the map (wide screens)
    var size = this.map.getSize(), panel = this.panelEl, side = 30;
    if (panel && size.x >= SMALL_SCREEN && !panel.classList.contains("kh-collapsed")) side = panel.offsetWidth + 70;
    var bottom = panel && size.x < SMALL_SCREEN ? Math.min(panel.offsetHeight + 30, size.y / 2) : 30;
    var pad = this.lang === "ar" ? { paddingTopLeft: [30, 30], paddingBottomRight: [side, bottom] } : { paddingTopLeft: [side, 30], paddingBottomRight: [30, bottom] };
    pad.maxZoom = 11;
    pad.animate = false;
    if (pts.length) this.map.fitBounds(L.latLngBounds(pts), pad);
    else this.map.fitBounds([[29.0, 38.8], [37.4, 48.6]], pad);
  };

  App.prototype.start = function () {
    this.map.createPane("khLabels").style.zIndex = 450;
    this.map.getPane("khLabels").style.pointerEvents = "none";
    this.map.attributionControl.addAttribution(this.d.attribution);
    this.panel();
    this.labels();
    this.bases();
    this.apply();
    this.fit();
    var self = this;
    this.map.on("zoomend", function () { self.drawRings(); });
    document.documentElement.setAttribute("data-kharita-ms", String(Math.round(performance.now())));
    document.documentElement.setAttribute("data-kharita", "ready");
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

  // public API (tests, exports)
  window.kharitaInit = function (data) {
    var app = new App(data);
    app.start();
    window.kharita = {
      app: app, map: app.map,
      visibleCount: function () { return app.visible.length; },
      setQuery: function (q) { app.query = norm(q); app.apply(); },
      setTypes: function (types) { app.enabled = app.d.types.map(function (ty) { return types.indexOf(ty[0]) >= 0; }); app.apply(); },
      setRange: function (from, to) { app.from = Math.floor(Date.parse(from) / 86400000); app.to = Math.floor(Date.parse(to) / 86400000); app.apply(); },
      openPopup: function (k) {
        var i = app.visible[k || 0]; if (i === undefined) return false;
        var m = app.marker(i);
        app.cluster.zoomToShowLayer(m, function () { m.openPopup(); });
        return true;
      },
      fit: function () { app.fit(); },
      setPanelOpen: function (open) { app.setPanelOpen(open); },
      exportMode: function () { document.body.classList.add("kh-export"); app.setPanelOpen(true); app.fit(); }
    };
  };
})();
