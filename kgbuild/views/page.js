/* kgbuild network page. Every text from the data goes into the DOM as text (textContent, or a vis-network
   title string, which vis-network 9 shows with innerText): nothing from an article is ever parsed as HTML. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var N_LABEL = 0, N_KIND = 1, N_X = 2, N_Y = 3, N_SIZE = 4, N_IRI = 5, N_NOTE = 6;
  var L_FROM = 0, L_TO = 1, L_STYLE = 2, L_WEIGHT = 3, L_CLAIMS = 4, L_ARTICLES = 5, L_FACETS = 6, L_LABEL = 7;
  var C_SPEAKER = 0, C_CUE = 1, C_QUOTE = 2, C_ARTICLE = 3, C_STYLE = 4;
  var A_TITLE = 0, A_URL = 1, A_DATE = 2, A_PUBLISHER = 3;
  var LIST_LIMIT = 200;

  var nodesRaw = data.nodes, linksRaw = data.links, kinds = data.kinds, styles = data.styles;
  var fmt = new Intl.NumberFormat("en");

  function $(id) { return document.getElementById(id); }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function clip(text, n) { text = String(text || ""); return text.length > n ? text.slice(0, n - 1) + "\u2026" : text; }
  function plural(n, word) { return fmt.format(n) + " " + word + (n === 1 ? "" : "s"); }
  function monthText(m) { var y = Math.floor(m / 12), mm = (m % 12) + 1; return y + "-" + (mm < 10 ? "0" : "") + mm; }
  function monthValue(text) {
    var match = /^(\d{4})-(\d{2})$/.exec(text || "");
    return match ? Number(match[1]) * 12 + Number(match[2]) - 1 : null;
  }
  function safeUrl(url) { return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null; }

  var nodeLinks = nodesRaw.map(function () { return []; });
  linksRaw.forEach(function (l, j) {
    nodeLinks[l[L_FROM]].push(j);
    if (l[L_TO] !== l[L_FROM]) nodeLinks[l[L_TO]].push(j);
  });

  // ---- tooltips (plain text) ---------------------------------------------------------------------
  function claimLine(c) {
    var speaker = data.claims[c][C_SPEAKER] || "(no source)";
    return "\u2022 " + clip(speaker, 60) + " (" + data.claims[c][C_CUE] + "): \u201c" +
      clip(data.claims[c][C_QUOTE], 160) + "\u201d";
  }
  function nodeTitle(i) {
    var n = nodesRaw[i];
    var lines = [n[N_LABEL], kinds[n[N_KIND]][1] + " \u00b7 " + plural(nodeLinks[i].length, "link")];
    if (n[N_NOTE]) lines.push(clip(n[N_NOTE], 300));
    return lines.join("\n");
  }
  function linkTitle(j) {
    var l = linksRaw[j];
    var arrow = data.directed ? " \u2192 " : " \u2014 ";
    var lines = [clip(nodesRaw[l[L_FROM]][N_LABEL], 60) + arrow + clip(nodesRaw[l[L_TO]][N_LABEL], 60)];
    var what = styles[l[L_STYLE]][1];
    if (l[L_CLAIMS].length) lines.push(what + ": " + plural(l[L_WEIGHT], "claim"));
    else if (l[L_ARTICLES].length) lines.push(what + ": " + plural(l[L_WEIGHT], "article"));
    if (l[L_LABEL]) lines.push(clip(l[L_LABEL], 200));
    l[L_CLAIMS].slice(0, 3).forEach(function (c) { lines.push(claimLine(c)); });
    l[L_ARTICLES].slice(0, 3).forEach(function (a) { lines.push("\u2022 " + clip(data.articles[a][A_TITLE] || "article", 100)); });
    return lines.join("\n");
  }

  // ---- network ----------------------------------------------------------------------------------
  var visNodes = new vis.DataSet(nodesRaw.map(function (n, i) {
    var kind = kinds[n[N_KIND]];
    var node = {
      id: i, label: clip(n[N_LABEL], 40), x: n[N_X], y: n[N_Y], value: n[N_SIZE],
      shape: kind[3], color: kind[2], title: nodeTitle(i),
    };
    if (kind[4]) node.shapeProperties = { borderDashes: [4, 3] };
    return node;
  }));
  var visEdges = new vis.DataSet(linksRaw.map(function (l, j) {
    var style = styles[l[L_STYLE]];
    var edge = {
      id: j, from: l[L_FROM], to: l[L_TO], title: linkTitle(j),
      width: Math.min(1 + Math.log2(Math.max(l[L_WEIGHT], 1)), 8),
      color: { color: style[2], highlight: "#111827", hover: "#111827", opacity: 0.75 },
      dashes: style[3],
    };
    if (data.directed && style[4]) edge.arrows = "to";
    return edge;
  }));

  var options = {
    physics: false,
    layout: { improvedLayout: false },
    interaction: {
      hover: true, tooltipDelay: 150, multiselect: false,
      hideEdgesOnDrag: data.big, hideEdgesOnZoom: data.big,
    },
    nodes: {
      borderWidth: 1,
      font: { size: 14, face: "system-ui, sans-serif", strokeWidth: 3, strokeColor: "#ffffff" },
      scaling: { min: 6, max: 40, label: { enabled: true, min: 10, max: 70, drawThreshold: 6, maxVisible: 22 } },
    },
    edges: { smooth: false, selectionWidth: 2, arrows: { to: { scaleFactor: 0.45 } } },
  };
  var network = new vis.Network($("kg-network"), { nodes: visNodes, edges: visEdges }, options);
  network.once("afterDrawing", function () {
    window.kgReadyAt = performance.now();
    document.body.setAttribute("data-ready", "true");
  });

  // ---- legend and filters ----------------------------------------------------------------------
  var state = { kinds: new Set(), sourceKinds: new Set(), publishers: new Set(), from: null, to: null };
  var kindCounts = kinds.map(function () { return 0; });
  nodesRaw.forEach(function (n) { kindCounts[n[N_KIND]] += 1; });
  var styleCounts = styles.map(function () { return 0; });
  linksRaw.forEach(function (l) { styleCounts[l[L_STYLE]] += 1; });

  function checkbox(list, swatch, text, count, onChange) {
    var li = el("li"), label = el("label"), box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.addEventListener("change", function () { onChange(box.checked); applyFilters(); });
    label.append(box, swatch, el("span", text), el("span", fmt.format(count), "kg-count"));
    li.append(label);
    list.append(li);
    return box;
  }
  var resetters = [];
  kinds.forEach(function (kind, k) {
    if (!kindCounts[k]) return;
    state.kinds.add(k);
    var swatch = el("span", null, "kg-swatch " + kind[3] + (kind[4] ? " dashed" : ""));
    swatch.style.background = kind[2];
    var box = checkbox($("kg-kinds"), swatch, kind[1], kindCounts[k], function (on) {
      if (on) state.kinds.add(k); else state.kinds.delete(k);
    });
    resetters.push(function () { box.checked = true; state.kinds.add(k); });
  });
  styles.forEach(function (style, s) {
    if (!styleCounts[s]) return;
    var li = el("li"), label = el("label");
    var line = el("span", null, "kg-line" + (style[3] ? (style[3][0] <= 2 ? " dotted" : " dashed") : ""));
    line.style.borderTopColor = style[2];
    label.append(line, el("span", style[1]), el("span", fmt.format(styleCounts[s]), "kg-count"));
    li.append(label);
    $("kg-styles").append(li);
  });

  var facetCounts = { sourceKinds: data.sourceKinds.map(function () { return 0; }), publishers: data.publishers.map(function () { return 0; }) };
  linksRaw.forEach(function (l) {
    l[L_FACETS].forEach(function (f) {
      if (f[3] >= 0) facetCounts.sourceKinds[f[3]] += f[4];
      if (f[2] >= 0) facetCounts.publishers[f[2]] += f[4];
    });
  });
  data.sourceKinds.forEach(function (name, k) {
    state.sourceKinds.add(k);
    if (!facetCounts.sourceKinds[k]) return;
    $("kg-source-kinds-box").hidden = false;
    var box = checkbox($("kg-source-kinds"), el("span"), name, facetCounts.sourceKinds[k], function (on) {
      if (on) state.sourceKinds.add(k); else state.sourceKinds.delete(k);
    });
    resetters.push(function () { box.checked = true; state.sourceKinds.add(k); });
  });
  if (data.publishers.length) {
    $("kg-publishers-box").hidden = false;
    var select = $("kg-publishers");
    select.size = Math.min(Math.max(data.publishers.length, 2), 8);
    var byCount = data.publishers.map(function (_, p) { return p; });
    byCount.sort(function (a, b) { return facetCounts.publishers[b] - facetCounts.publishers[a]; });
    byCount.forEach(function (p) {
      var option = el("option", data.publishers[p] + " (" + fmt.format(facetCounts.publishers[p]) + ")");
      option.value = String(p);
      select.append(option);
    });
    select.addEventListener("change", function () {
      state.publishers = new Set(Array.prototype.filter.call(select.options, function (o) { return o.selected; })
        .map(function (o) { return Number(o.value); }));
      applyFilters();
    });
    resetters.push(function () {
      Array.prototype.forEach.call(select.options, function (o) { o.selected = false; });
      state.publishers = new Set();
    });
  }
  if (data.months) {
    $("kg-dates-box").hidden = false;
    [$("kg-date-from"), $("kg-date-to")].forEach(function (input, end) {
      input.min = monthText(data.months[0]);
      input.max = monthText(data.months[1]);
      input.addEventListener("change", function () {
        if (end) state.to = monthValue(input.value); else state.from = monthValue(input.value);
        applyFilters();
      });
      resetters.push(function () { input.value = ""; state.from = null; state.to = null; });
    });
  }
  $("kg-reset").addEventListener("click", function () {
    resetters.forEach(function (reset) { reset(); });
    applyFilters();
  });

  function facetPasses(f) {
    if (state.from !== null || state.to !== null) {
      if (f[0] < 0) return false;
      if (state.from !== null && f[1] < state.from) return false;
      if (state.to !== null && f[0] > state.to) return false;
    }
    if (state.publishers.size && !state.publishers.has(f[2])) return false;
    return f[3] < 0 || state.sourceKinds.has(f[3]);
  }
  var nodeShown = nodesRaw.map(function () { return true; });
  var linkShown = linksRaw.map(function () { return true; });

  function applyFilters() {
    var linkPasses = linksRaw.map(function (l) { return !l[L_FACETS].length || l[L_FACETS].some(facetPasses); });
    var nodeUpdates = [], edgeUpdates = [];
    nodesRaw.forEach(function (n, i) {
      var on = state.kinds.has(n[N_KIND]) &&
        (!nodeLinks[i].length || nodeLinks[i].some(function (j) { return linkPasses[j]; }));
      if (on !== nodeShown[i]) { nodeShown[i] = on; nodeUpdates.push({ id: i, hidden: !on }); }
    });
    linksRaw.forEach(function (l, j) {
      var on = linkPasses[j] && nodeShown[l[L_FROM]] && nodeShown[l[L_TO]];
      if (on !== linkShown[j]) { linkShown[j] = on; edgeUpdates.push({ id: j, hidden: !on }); }
    });
    if (nodeUpdates.length) visNodes.update(nodeUpdates);
    if (edgeUpdates.length) visEdges.update(edgeUpdates);
    summarize();
  }

  function summarize() {
    var nodes = nodeShown.filter(Boolean).length, links = linkShown.filter(Boolean).length;
    var text = plural(nodes, "node") + " \u00b7 " + plural(links, "link");
    if (data.counts.claims_total) text += " \u00b7 " + plural(data.counts.claims_total, "claim");
    if (nodes < nodesRaw.length || links < linksRaw.length) text += " (filtered)";
    if (data.omitted.nodes_shown < data.omitted.nodes_total) {
      text += " \u00b7 " + fmt.format(data.omitted.nodes_total - data.omitted.nodes_shown) + " nodes left out";
    }
    $("kg-summary").textContent = text;
  }

  function describeOmitted() {
    var o = data.omitted, box = $("kg-omitted");
    var claimsCut = data.counts.claims_shown < data.counts.claims_total;
    if (o.nodes_shown >= o.nodes_total && o.edges_shown >= o.edges_total && !claimsCut) return;
    $("kg-omitted-box").hidden = false;
    box.append(el("p", "Showing " + fmt.format(o.nodes_shown) + " of " + plural(o.nodes_total, "node") +
      " (the most central, by PageRank) and " + fmt.format(o.edges_shown) + " of " + plural(o.edges_total, "link") +
      " (the strongest between them)."));
    var kindsLeft = Object.keys(o.kinds);
    if (kindsLeft.length) {
      var ul = el("ul");
      kindsLeft.forEach(function (k) { ul.append(el("li", k + ": " + fmt.format(o.kinds[k]))); });
      box.append(el("p", "Nodes left out, by kind:"), ul);
    }
    if (o.most_central.length) box.append(el("p", "Most central left out: " + o.most_central.join(", ") + "."));
    if (claimsCut) {
      box.append(el("p", "The page holds the details of " + fmt.format(data.counts.claims_shown) + " of " +
        plural(data.counts.claims_total, "claim") + "; links count them all."));
    }
  }

  // ---- details of a node -----------------------------------------------------------------------
  function articleLine(a) {
    var article = data.articles[a], span = el("span", null, "kg-source");
    var title = article[A_TITLE] || "article", url = safeUrl(article[A_URL]);
    if (url) {
      var link = el("a", title);
      link.href = url;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      span.append(link);
    } else {
      span.append(el("span", title));
    }
    var extra = [article[A_DATE], article[A_PUBLISHER] >= 0 ? data.publishers[article[A_PUBLISHER]] : null]
      .filter(Boolean);
    if (extra.length) span.append(document.createTextNode(" \u00b7 " + extra.join(" \u00b7 ")));
    return span;
  }

  function showDetails(i) {
    var box = $("kg-details"), n = nodesRaw[i];
    box.replaceChildren(el("h2", n[N_LABEL]));
    box.append(el("p", kinds[n[N_KIND]][1], "kg-meta"));
    if (n[N_IRI]) box.append(el("p", n[N_IRI], "kg-meta"));
    if (n[N_NOTE]) box.append(el("p", n[N_NOTE], "kg-meta"));
    var claims = new Map(), articles = new Map(), plain = [], missing = 0;
    nodeLinks[i].forEach(function (j) {
      if (!linkShown[j]) return;
      var l = linksRaw[j], other = nodesRaw[l[L_FROM] === i ? l[L_TO] : l[L_FROM]][N_LABEL];
      l[L_CLAIMS].forEach(function (c) {
        if (!claims.has(c)) claims.set(c, []);
        claims.get(c).push(other);
      });
      l[L_ARTICLES].forEach(function (a) {
        if (!articles.has(a)) articles.set(a, []);
        articles.get(a).push(other);
      });
      if (l[L_CLAIMS].length) missing += Math.max(l[L_WEIGHT] - l[L_CLAIMS].length, 0);
      else if (l[L_ARTICLES].length) missing += Math.max(l[L_WEIGHT] - l[L_ARTICLES].length, 0);
      else plain.push([other, l[L_LABEL]]);
    });
    if (claims.size) {
      box.append(el("h2", plural(claims.size, "claim")));
      var ol = el("ol");
      Array.from(claims.keys()).slice(0, LIST_LIMIT).forEach(function (c) {
        var claim = data.claims[c], li = el("li");
        var style = styles[claim[C_STYLE]][0];
        if (style === "deny" || style === "hedged") li.className = "kg-claim-" + style;
        var head = el("div");
        head.append(el("strong", claim[C_SPEAKER] || "(no source)"), document.createTextNode(" " + claim[C_CUE]));
        var others = claims.get(c).filter(function (x) { return x !== claim[C_SPEAKER]; });
        if (others.length) head.append(document.createTextNode(" \u2014 " + others.join(", ")));
        if (style === "deny") head.append(el("em", " (denial)"));
        if (style === "hedged") head.append(el("em", " (hedged)"));
        li.append(head, el("div", "\u201c" + clip(claim[C_QUOTE], 600) + "\u201d", "kg-quote"), articleLine(claim[C_ARTICLE]));
        ol.append(li);
      });
      box.append(ol);
    }
    if (articles.size) {
      box.append(el("h2", plural(articles.size, "article")));
      var list = el("ol");
      Array.from(articles.keys()).slice(0, LIST_LIMIT).forEach(function (a) {
        var li = el("li");
        li.append(articleLine(a), el("div", "with " + clip(articles.get(a).join(", "), 300), "kg-source"));
        list.append(li);
      });
      box.append(list);
    }
    if (plain.length) {
      box.append(el("h2", plural(plain.length, "link")));
      var links = el("ul");
      plain.slice(0, LIST_LIMIT).forEach(function (p) { links.append(el("li", p[0] + (p[1] ? " (" + p[1] + ")" : ""))); });
      box.append(links);
    }
    var listed = Math.min(claims.size, LIST_LIMIT) + Math.min(articles.size, LIST_LIMIT);
    var notListed = missing + Math.max(claims.size - LIST_LIMIT, 0) + Math.max(articles.size - LIST_LIMIT, 0);
    if (notListed > 0) box.append(el("p", plural(notListed, "more item") + " not listed here (" + listed + " shown).", "kg-hint"));
  }

  // ---- search ----------------------------------------------------------------------------------
  var names = document.createDocumentFragment();
  nodesRaw.forEach(function (n) {
    var option = document.createElement("option");
    option.value = n[N_LABEL];
    names.append(option);
  });
  $("kg-names").append(names);

  function findNode(query) {
    var q = String(query || "").trim().toLowerCase();
    if (!q) return -1;
    var tests = [
      function (label) { return label === q; },
      function (label) { return label.indexOf(q) === 0; },
      function (label) { return label.indexOf(q) >= 0; },
    ];
    for (var t = 0; t < tests.length; t++) {
      for (var i = 0; i < nodesRaw.length; i++) {  // nodes come most central first
        if (tests[t](nodesRaw[i][N_LABEL].toLowerCase())) return i;
      }
    }
    return -1;
  }
  function focusNode(i) {
    network.selectNodes([i]);
    network.focus(i, { scale: Math.max(network.getScale(), 1.2), animation: false });
    showDetails(i);
  }
  function search(query) {
    var i = findNode(query), status = $("kg-search-status");
    if (i < 0) { status.textContent = "No node matches \u201c" + clip(query, 40) + "\u201d."; return -1; }
    status.textContent = nodeShown[i] ? "" : "This node is hidden by the filters.";
    focusNode(i);
    return i;
  }
  $("kg-search-form").addEventListener("submit", function (event) { event.preventDefault(); search($("kg-search").value); });

  network.on("click", function (params) {
    if (params.nodes.length) showDetails(params.nodes[0]);
  });

  summarize();
  describeOmitted();
  if (data.focus >= 0) focusNode(data.focus); else network.fit({ animation: false });

  window.kg = { network: network, nodes: visNodes, edges: visEdges, search: search, findNode: findNode, data: data };
})();
