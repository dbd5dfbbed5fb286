// brief search: loads /search.json once and filters it in the page. No third-party code.
(function () {
  "use strict";
  var script = document.currentScript;
  var input = document.getElementById("q");
  var results = document.getElementById("results");
  if (!script || !input || !results) return;
  var entries = null;

  function fold(text) {
    return String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function prepare(list) {
    return list.map(function (e) {
      var names = [];
      (e.actors || []).forEach(function (a) { names.push(a.name); names = names.concat(a.aliases || []); });
      return { entry: e, title: fold(e.title), text: fold([e.title, e.summary, names.join(" "), (e.topics || []).join(" "), (e.claims || []).join(" "), e.source || ""].join(" ")) };
    });
  }

  function render(query) {
    results.textContent = "";
    var terms = fold(query).split(/\s+/).filter(Boolean);
    if (!terms.length || !entries) return;
    var hits = entries.filter(function (p) {
      return terms.every(function (t) { return p.text.indexOf(t) !== -1; });
    });
    hits.sort(function (a, b) {
      var at = terms.every(function (t) { return a.title.indexOf(t) !== -1; }) ? 0 : 1;
      var bt = terms.every(function (t) { return b.title.indexOf(t) !== -1; }) ? 0 : 1;
      return at - bt || (a.entry.date < b.entry.date ? 1 : a.entry.date > b.entry.date ? -1 : 0);
    });
    var summary = document.createElement("p");
    summary.textContent = hits.length + (hits.length === 1 ? " briefing" : " briefings") + " found";
    results.appendChild(summary);
    var list = document.createElement("ol");
    hits.slice(0, 100).forEach(function (p) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = p.entry.url;
      link.textContent = p.entry.title;
      var date = document.createElement("span");
      date.className = "meta";
      date.textContent = " " + p.entry.date;
      var text = document.createElement("p");
      text.textContent = p.entry.summary;
      item.appendChild(link);
      item.appendChild(date);
      item.appendChild(text);
      list.appendChild(item);
    });
    results.appendChild(list);
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { render(input.value); }, 80);
  });
  fetch(script.getAttribute("data-index"))
    .then(function (r) { return r.json(); })
    .then(function (list) {
      entries = prepare(list);
      var q = new URLSearchParams(location.search).get("q");
      if (q) { input.value = q; }
      render(input.value);
    })
    .catch(function () { results.textContent = "The search index could not be loaded."; });
})();
