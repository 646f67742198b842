/* zangraph network page. All text from the graph is put in the page with
   textContent and text nodes only, so a title holding markup shows as text. */
(function () {
  "use strict";
  var state = window.zangraph;
  var data = JSON.parse(document.getElementById("zg-data").textContent);
  var byId = new Map();
  data.nodes.forEach(function (n) { byId.set(n.id, n); });

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function kindLabel(kind) {
    return (data.kinds[kind] || {label: kind}).label;
  }

  /* A card describing one node: used by the hover tooltip and the details panel. */
  function card(n) {
    var box = el("div", "card");
    box.appendChild(el("div", "kind", kindLabel(n.kind)));
    box.appendChild(el("h3", null, n.heading));
    if (n.details.length) {
      var dl = el("dl");
      n.details.forEach(function (row) {
        dl.appendChild(el("dt", null, row[0]));
        dl.appendChild(el("dd", null, row[1]));
      });
      box.appendChild(dl);
    }
    if (n.snippet) { box.appendChild(el("blockquote", null, n.snippet)); }
    box.appendChild(el("div", "iri", n.iri));
    return box;
  }

  var hiddenKinds = new Set();
  var hiddenRelations = new Set();

  function edgeHidden(e) {
    return hiddenRelations.has(e.relation) || hiddenKinds.has(byId.get(e.from).kind) || hiddenKinds.has(byId.get(e.to).kind);
  }

  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    var node = {id: n.id, label: n.quiet ? undefined : n.label, group: n.kind, x: n.x, y: n.y, size: n.size, font: {size: n.fontSize}};
    if (n.ownText) {  /* an act whose text is one of the source documents */
      node.borderWidth = 4;
      node.color = {border: "#1b1f3b", background: data.kinds.act.color,
                    highlight: {border: "#000000", background: data.kinds.act.color}};
    }
    return node;
  }));
  var edges = new vis.DataSet(data.edges.map(function (e, i) {
    var colour = data.relations[e.relation] || "#888888";
    return {id: i, from: e.from, to: e.to, label: e.quiet ? undefined : e.relation,
            color: {color: colour, highlight: colour, hover: colour, opacity: 0.75}};
  }));

  var container = document.getElementById("zg-network");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, data.options);
  state.network = network;
  state.nodes = data.nodes.length;
  state.edges = data.edges.length;

  network.once("afterDrawing", function () {
    state.firstDrawMs = Math.round(performance.now());
    document.body.setAttribute("data-first-draw-ms", String(state.firstDrawMs));
    document.getElementById("zg-drawn").textContent = "drawn in " + state.firstDrawMs + " ms";
  });

  /* Hover tooltip */
  var tip = document.getElementById("zg-tip");
  function showTip(content, pointer) {
    tip.replaceChildren(content);
    tip.hidden = false;
    var stage = tip.parentNode.getBoundingClientRect();
    var x = pointer.x + 14;
    var y = pointer.y + 14;
    if (x + tip.offsetWidth > stage.width) { x = Math.max(0, pointer.x - tip.offsetWidth - 14); }
    if (y + tip.offsetHeight > stage.height) { y = Math.max(0, pointer.y - tip.offsetHeight - 14); }
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }
  function hideTip() { tip.hidden = true; }
  network.on("hoverNode", function (p) { showTip(card(byId.get(p.node)), p.pointer.DOM); });
  network.on("blurNode", hideTip);
  network.on("hoverEdge", function (p) {
    var e = data.edges[p.edge];
    var box = el("div", "card");
    box.appendChild(el("div", "kind", "edge"));
    box.appendChild(el("h3", null, byId.get(e.from).heading + " — " + e.relation + " → " + byId.get(e.to).heading));
    showTip(box, p.pointer.DOM);
  });
  network.on("blurEdge", hideTip);
  network.on("dragStart", hideTip);
  network.on("zoom", hideTip);

  /* Details panel */
  var details = document.getElementById("zg-details");
  function showDetails(id) {
    var n = byId.get(id);
    if (!n) { return; }
    var box = card(n);
    var list = el("ul", "neighbours");
    network.getConnectedEdges(id).forEach(function (edgeId) {
      var e = data.edges[edgeId];
      var outgoing = e.from === id;
      var other = byId.get(outgoing ? e.to : e.from);
      var li = el("li");
      var button = el("button");
      button.type = "button";
      button.appendChild(el("span", "rel", outgoing ? e.relation + " → " : "← " + e.relation + " "));
      button.appendChild(document.createTextNode(other.label));
      button.addEventListener("click", function () { pick(other.id); });
      li.appendChild(button);
      list.appendChild(li);
    });
    if (list.childNodes.length) {
      box.appendChild(el("div", "kind", "linked to"));
      box.appendChild(list);
    }
    details.replaceChildren(box);
  }
  /* Neighbourhood highlight: a selected node and its neighbours stay bright,
     the rest fade, so one act's links read out of a crowded graph. */
  var faded = false;
  function highlight(id) {
    var near = new Set(network.getConnectedNodes(id));
    near.add(id);
    nodes.update(data.nodes.map(function (n) {
      var on = near.has(n.id);
      return {id: n.id, opacity: on ? 1 : 0.15, font: {size: n.fontSize, color: on ? "#1f2933" : "rgba(31,41,51,0.2)"}};
    }));
    faded = true;
  }
  function unhighlight() {
    if (!faded) { return; }
    nodes.update(data.nodes.map(function (n) {
      return {id: n.id, opacity: 1, font: {size: n.fontSize, color: "#1f2933"}};
    }));
    faded = false;
  }
  network.on("selectNode", function (p) {
    if (p.nodes.length) { showDetails(p.nodes[0]); highlight(p.nodes[0]); }
  });
  network.on("deselectNode", function (p) { if (!p.nodes.length) { unhighlight(); } });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      network.unselectAll();
      unhighlight();
      hideTip();
    }
  });

  function pick(id) {
    var n = byId.get(id);
    if (hiddenKinds.has(n.kind)) {
      var box = document.querySelector('#zg-kinds input[data-kind="' + n.kind + '"]');
      if (box) { box.checked = true; }
      setKind(n.kind, true);
    }
    network.selectNodes([id]);
    highlight(id);
    network.focus(id, {scale: Math.max(network.getScale(), 1.1), animation: {duration: 400, easingFunction: "easeInOutQuad"}});
    showDetails(id);
  }

  /* Search by name, title, number, date or IRI */
  var search = document.getElementById("zg-search");
  var results = document.getElementById("zg-results");
  data.nodes.forEach(function (n) {
    n.haystack = [n.heading, n.iri].concat(n.details.map(function (r) { return r[1]; })).join(" \u0001 ").toLowerCase();
  });
  function runSearch() {
    var q = search.value.trim().toLowerCase();
    results.replaceChildren();
    if (!q) {
      results.appendChild(el("li", "hint", "Type a name, title, number or date."));
      return [];
    }
    var found = [];
    for (var i = 0; i < data.nodes.length && found.length < 30; i++) {
      if (data.nodes[i].haystack.indexOf(q) !== -1) { found.push(data.nodes[i]); }
    }
    if (!found.length) { results.appendChild(el("li", "hint", "Nothing found.")); }
    found.forEach(function (n) {
      var li = el("li");
      var button = el("button");
      button.type = "button";
      button.appendChild(el("span", "kind", kindLabel(n.kind) + " "));
      button.appendChild(document.createTextNode(n.label));
      button.addEventListener("click", function () { pick(n.id); });
      li.appendChild(button);
      results.appendChild(li);
    });
    return found;
  }
  search.addEventListener("input", runSearch);
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var found = runSearch();
      if (found.length) { pick(found[0].id); }
    }
  });

  /* Filter by type of node and by relation */
  function refreshEdges() {
    edges.update(data.edges.map(function (e, i) { return {id: i, hidden: edgeHidden(e)}; }));
  }
  function setKind(kind, visible) {
    if (visible) { hiddenKinds.delete(kind); } else { hiddenKinds.add(kind); }
    nodes.update(data.nodes.filter(function (n) { return n.kind === kind; })
      .map(function (n) { return {id: n.id, hidden: !visible}; }));
    refreshEdges();
  }
  document.querySelectorAll("#zg-kinds input[data-kind]").forEach(function (box) {
    box.addEventListener("change", function () { setKind(box.getAttribute("data-kind"), box.checked); });
  });
  document.querySelectorAll("#zg-relations input[data-relation]").forEach(function (box) {
    box.addEventListener("change", function () {
      var relation = box.getAttribute("data-relation");
      if (box.checked) { hiddenRelations.delete(relation); } else { hiddenRelations.add(relation); }
      refreshEdges();
    });
  });

  document.getElementById("zg-fit").addEventListener("click", function () { network.fit({animation: {duration: 300}}); });

  network.fit();
  if (data.focus !== null && data.focus !== undefined) {
    network.selectNodes([data.focus]);
    showDetails(data.focus);
    highlight(data.focus);
  }
})();
