// brief search: queries the chunked index under search/ (docs/search.md), fetching only the
// parts a query needs. No third-party code; works from any static server.
(function () {
  "use strict";
  var script = document.currentScript;
  var form = document.getElementById("search-form");
  var input = document.getElementById("q");
  var facetBox = document.getElementById("facets");
  var status = document.getElementById("search-status");
  var results = document.getElementById("results");
  var more = document.getElementById("more");
  if (!script || !form || !input || !facetBox || !status || !results || !more) return;
  var base = script.getAttribute("data-index").replace(/index\.json$/, "");
  var SHOWN = 5;        // results per step ("Show more results" adds as many)
  var FEW = 10;         // SearchIndex.fewDocuments: records above it carry facet counts
  var PER_FILE = 8;     // SearchIndex.documentsPerFile
  var CANDIDATES = 6;   // values per facet counted over a result set that several lists make
  var FACETS = [["actor", "Actor"], ["topic", "Topic"], ["status", "Claim status"]];
  var manifest = null;
  var cache = {};
  var run = 0;
  var shown = 0;
  var ranked = [];
  var words = [];
  var groups = [];

  // --- Fetching, each file once -------------------------------------------------------------
  function get(path, kind) {
    if (!cache[path]) {
      cache[path] = fetch(base + path).then(function (r) {
        if (r.status === 404) return null;
        if (!r.ok) throw new Error(path + ": HTTP " + r.status);
        return kind === "bytes" ? r.arrayBuffer().then(function (b) { return new Uint8Array(b); }) : r.json();
      });
    }
    return cache[path];
  }

  // --- Folding: as the site's name normaliser (NameKey) --------------------------------------
  var TABLE = { "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th", "ı": "i" };
  function fold(text) {
    return String(text).toLowerCase().replace(/[łøđßæœþı]/g, function (c) { return TABLE[c]; })
      .normalize("NFKD").replace(/\p{M}/gu, "");
  }
  function termsOf(query) {
    var seen = {};
    return fold(query).split(/[^\p{L}\p{N}]+/u).filter(function (t) {
      if (!t || seen[t]) return false;
      seen[t] = true;
      return true;
    });
  }
  // Code point order, as the index sorts its terms.
  function before(a, b) {
    var x = Array.from(a), y = Array.from(b);
    for (var i = 0; i < x.length && i < y.length; i++) {
      var d = x[i].codePointAt(0) - y[i].codePointAt(0);
      if (d) return d < 0;
    }
    return x.length < y.length;
  }

  // --- Postings ---------------------------------------------------------------------------
  // The three forms of PostingsCoder: groups by weight, dense (bitmap, count nibbles, titled
  // documents), bitmap alone.
  function decode(bytes) {
    var docs = [], weights = [], i = 1;
    function varint() {
      var value = 0, shift = 0, b;
      do { b = bytes[i++]; value += (b & 127) * Math.pow(2, shift); shift += 7; } while (b >= 128);
      return value;
    }
    function deltas(n, each) {
      for (var k = 0, doc = 0; k < n; k++) { doc = k === 0 ? varint() : doc + varint(); each(doc); }
    }
    if (bytes[0] === 0) {
      while (i < bytes.length) {
        var weight = bytes[i++];
        deltas(varint(), function (doc) { docs.push(doc); weights.push(weight); });
      }
    } else {
      var n = manifest.docs, end = 1 + ((n + 7) >> 3);
      for (var d = 0; d < n; d++) if (bytes[1 + (d >> 3)] & (1 << (d & 7))) docs.push(d);
      if (bytes[0] === 2) {
        docs.forEach(function () { weights.push(1); });
      } else {
        docs.forEach(function (doc, k) { weights.push((bytes[end + (k >> 1)] >> (k & 1 ? 4 : 0)) & 15); });
        i = end + ((docs.length + 1) >> 1);
        var at = {};
        docs.forEach(function (doc, k) { at[doc] = k; });
        deltas(varint(), function (doc) { weights[at[doc]] |= 128; });
      }
    }
    return { docs: docs, weights: weights };
  }
  function base64(text) {
    var raw = atob(text), bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }
  // A record ({n, p | f, top}) with its documents decoded; an empty list when there is none.
  function list(record, term) {
    if (!record) return Promise.resolve({ docs: [], weights: [], top: null, term: term });
    var bytes = record.p !== undefined ? Promise.resolve(base64(record.p)) : get("postings/" + record.f + ".bin", "bytes");
    return bytes.then(function (b) {
      var l = decode(b);
      l.top = record.top || null;
      l.term = term;
      return l;
    });
  }
  // A word's list. The last word of the query, when the index has no such word and it has at
  // least three letters, stands for the (at most eight most used) words it begins, so results
  // come while a word is being typed.
  function termList(term, last) {
    var shards = manifest.shards, lo = 0, hi = shards.length - 1;
    if (!shards.length) return list(null, true);
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (before(term, shards[mid])) hi = mid - 1; else lo = mid;
    }
    return get("terms/" + lo + ".json").then(function (shard) {
      if (shard && Object.prototype.hasOwnProperty.call(shard, term)) return list(shard[term], true);
      if (!last || Array.from(term).length < 3) return list(null, true);
      return prefixList(term, lo, shard);
    });
  }
  function prefixList(prefix, index, shard) {
    var shards = [Promise.resolve(shard)];
    for (var k = index + 1; k < manifest.shards.length && k <= index + 2 && manifest.shards[k].indexOf(prefix) === 0; k++) {
      shards.push(get("terms/" + k + ".json"));
    }
    return Promise.all(shards).then(function (all) {
      var found = [];
      all.forEach(function (s) {
        if (s) Object.keys(s).forEach(function (key) { if (key.indexOf(prefix) === 0) found.push([key, s[key]]); });
      });
      found.sort(function (a, b) { return b[1].n - a[1].n || (a[0] < b[0] ? -1 : 1); });
      found = found.slice(0, 8);
      return Promise.all(found.map(function (f) { return list(f[1], true); })).then(function (lists) {
        var weight = new Map();
        lists.forEach(function (l) {
          l.docs.forEach(function (d, k) { weight.set(d, Math.max(weight.get(d) || 0, l.weights[k])); });
        });
        var docs = Array.from(weight.keys()).sort(function (a, b) { return a - b; });
        return { docs: docs, weights: docs.map(function (d) { return weight.get(d); }), top: null, term: true,
          words: found.map(function (f) { return f[0]; }) };
      });
    });
  }
  function valueList(facet, slug) {
    return get(facet + "/" + encodeURIComponent(slug) + ".json").then(function (r) { return list(r, false); });
  }
  function documents(docs) {
    return Promise.all(docs.map(function (doc) {
      return get("doc/" + Math.floor(doc / PER_FILE) + ".json").then(function (file) { return file[doc % PER_FILE]; });
    }));
  }

  // --- State and the address bar ------------------------------------------------------------
  function readState() {
    var params = new URLSearchParams(location.search);
    return {
      q: params.get("q") || "",
      actor: params.getAll("actor"), topic: params.getAll("topic"), status: params.getAll("status"),
      year: params.get("year") || ""
    };
  }
  function writeState(state) {
    var params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    FACETS.forEach(function (f) { state[f[0]].forEach(function (v) { params.append(f[0], v); }); });
    if (state.year) params.set("year", state.year);
    var query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
  }
  function formState() {
    var state = { q: input.value, actor: [], topic: [], status: [], year: "" };
    facetBox.querySelectorAll("input:checked").forEach(function (box) {
      if (box.name === "year") state.year = box.value;
      else state[box.name].push(box.value);
    });
    return state;
  }

  // --- Running a query ----------------------------------------------------------------------
  function search(state) {
    var mine = ++run;
    results.setAttribute("aria-busy", "true");
    var terms = termsOf(state.q);
    var lists = terms.map(function (term, i) { return termList(term, i === terms.length - 1); });
    FACETS.forEach(function (f) { state[f[0]].forEach(function (slug) { lists.push(valueList(f[0], slug)); }); });
    var year = null;
    manifest.years.forEach(function (y) { if (String(y[0]) === state.year) year = y; });
    return Promise.all(lists).then(function (lists) {
      if (mine !== run) return;
      // The words to mark: each query word, or the words a last partial word stands for.
      groups = terms.map(function (term, i) { return lists[i].words || [term]; });
      words = [].concat.apply([], groups);
      if (!lists.length && !year) {
        ranked = [];
        showFacets(state, null, globalCounts());
        say("Type a word, or choose an actor, topic, claim status or year.");
        return showResults(mine, true);
      }
      ranked = rank(lists, year);
      return counts(state, lists, year, ranked).then(function (c) {
        if (mine !== run) return;
        showFacets(state, ranked, c);
        say(ranked.length === 0 ? "No briefings found." :
          ranked.length + (ranked.length === 1 ? " briefing found." : " briefings found."));
        return showResults(mine, true);
      });
    }).catch(function (error) {
      if (mine !== run) return;
      say("The search index could not be read (" + error.message + ").");
      results.setAttribute("aria-busy", "false");
    });
  }

  // The documents in every list (and the year), best first: more query words in the title,
  // then more occurrences, then newer (a higher document number is a newer briefing).
  function rank(lists, year) {
    var n = manifest.docs, hits = new Uint8Array(n), title = new Uint8Array(n), tf = new Uint32Array(n);
    lists.forEach(function (l) {
      for (var k = 0; k < l.docs.length; k++) {
        var d = l.docs[k], w = l.weights[k];
        hits[d]++;
        if (l.term) { tf[d] += w & 127; if (w & 128) title[d]++; }
      }
    });
    var out = [], need = lists.length;
    var from = year ? year[1] : 0, to = year ? year[2] : n;
    for (var d = from; d < to; d++) if (hits[d] === need) out.push(d);
    out.sort(function (a, b) { return title[b] - title[a] || tf[b] - tf[a] || b - a; });
    return out;
  }

  // Facet counts over the results: {actor: [[slug, name, count]], topic: ..., status: [[s, count]], year: [[y, count]]}.
  function counts(state, lists, year, docs) {
    var years = manifest.years.map(function (y) {
      var c = 0;
      docs.forEach(function (d) { if (d >= y[1] && d < y[2]) c++; });
      return [String(y[0]), c];
    });
    if (docs.length <= FEW) {
      return documents(docs).then(function (records) {
        var c = { actor: {}, topic: {}, status: {} };
        records.forEach(function (r) {
          r.actors.forEach(function (a) { (c.actor[a[0]] = c.actor[a[0]] || [a[0], a[1], 0])[2]++; });
          r.topics.forEach(function (t) { (c.topic[t[0]] = c.topic[t[0]] || [t[0], t[1], 0])[2]++; });
          r.statuses.forEach(function (s) { (c.status[s] = c.status[s] || [s, 0])[1]++; });
        });
        function sorted(o, i) { return Object.keys(o).map(function (k) { return o[k]; }).sort(function (a, b) { return b[i] - a[i] || (a[0] < b[0] ? -1 : 1); }); }
        return { actor: sorted(c.actor, 2), topic: sorted(c.topic, 2), status: sorted(c.status, 1), year: years };
      });
    }
    if (lists.length === 1 && !year && lists[0].top) {
      var top = lists[0].top;
      return Promise.resolve({ actor: top.actor, topic: top.topic, status: top.status, year: years });
    }
    // Several lists: the values the lists' (or the site's) counts name, counted over the results.
    var tops = lists.map(function (l) { return l.top; }).filter(Boolean);
    if (!tops.length) tops = [manifest.top];
    var member = new Uint8Array(manifest.docs);
    docs.forEach(function (d) { member[d] = 1; });
    // How many of a value's documents are results.
    function within(l) {
      var c = 0;
      l.docs.forEach(function (d) { c += member[d]; });
      return c;
    }
    var out = { year: years, status: [] };
    return Promise.all(["actor", "topic"].map(function (facet) {
      var named = {};
      tops.forEach(function (t) { t[facet].forEach(function (v) { if (!named[v[0]] || named[v[0]][2] < v[2]) named[v[0]] = v; }); });
      var candidates = Object.keys(named).map(function (k) { return named[k]; })
        .sort(function (a, b) { return b[2] - a[2]; }).slice(0, CANDIDATES);
      return Promise.all(candidates.map(function (v) {
        return valueList(facet, v[0]).then(function (l) { return [v[0], v[1], within(l)]; });
      })).then(function (counted) {
        out[facet] = counted.filter(function (v) { return v[2] > 0; })
          .sort(function (a, b) { return b[2] - a[2] || (a[0] < b[0] ? -1 : 1); });
      });
    }).concat(manifest.statuses.map(function (s) {
      return valueList("status", s).then(function (l) {
        var c = within(l);
        if (c) out.status.push([s, c]);
      });
    }))).then(function () {
      out.status.sort(function (a, b) { return b[1] - a[1]; });
      return out;
    });
  }

  function globalCounts() {
    return {
      actor: manifest.top.actor, topic: manifest.top.topic, status: manifest.top.status,
      year: manifest.years.map(function (y) { return [String(y[0]), y[2] - y[1]]; })
    };
  }

  // --- Showing ------------------------------------------------------------------------------
  function say(text) { status.textContent = text; }

  function showFacets(state, docs, c) {
    var focused = document.activeElement && document.activeElement.id;
    facetBox.textContent = "";
    FACETS.concat([["year", "Year"]]).forEach(function (f) {
      var name = f[0], chosen = name === "year" ? (state.year ? [state.year] : []) : state[name];
      var values = (c[name] || []).map(function (v) {
        return name === "actor" || name === "topic" ? { value: v[0], label: v[1], count: v[2] } :
          { value: v[0], label: v[0].charAt(0).toUpperCase() + v[0].slice(1), count: v[1] };
      }).filter(function (v) { return v.count > 0 || chosen.indexOf(v.value) !== -1; });
      chosen.forEach(function (value) {
        if (!values.some(function (v) { return v.value === value; })) {
          values.unshift({ value: value, label: value, count: docs ? docs.length : 0 });
        }
      });
      if (!values.length) return;
      var set = document.createElement("fieldset");
      var legend = document.createElement("legend");
      legend.textContent = f[1];
      set.appendChild(legend);
      if (name === "year") set.appendChild(option("radio", "year", "", "Any year", null, !state.year));
      values.forEach(function (v) {
        set.appendChild(option(name === "year" ? "radio" : "checkbox", name, v.value, v.label, v.count, chosen.indexOf(v.value) !== -1));
      });
      facetBox.appendChild(set);
    });
    if (focused) { var again = document.getElementById(focused); if (again) again.focus(); }
    var chosen = state.actor.length + state.topic.length + state.status.length + (state.year ? 1 : 0);
    var summary = document.querySelector("#facet-panel summary");
    if (summary) summary.textContent = chosen ? "Filters (" + chosen + " chosen)" : "Filters";
  }

  function option(type, name, value, label, count, checked) {
    var wrap = document.createElement("label");
    var box = document.createElement("input");
    box.type = type;
    box.name = name;
    box.value = value;
    box.checked = checked;
    box.id = "f-" + name + "-" + (value || "any");
    wrap.appendChild(box);
    wrap.appendChild(document.createTextNode(" " + label + " "));
    if (count !== null) {
      var n = document.createElement("span");
      n.className = "count";
      n.textContent = count;
      wrap.appendChild(n);
    }
    return wrap;
  }

  // Shows the next results; `aria-busy` (set when a search starts) stays on the list until
  // their snippets are in.
  function showResults(mine, fresh) {
    if (fresh) { results.textContent = ""; shown = 0; }
    var page = ranked.slice(shown, shown + SHOWN);
    shown += page.length;
    more.hidden = shown >= ranked.length;
    results.setAttribute("aria-busy", "true");
    return documents(page).then(function (records) {
      if (mine !== run) return;
      var snippets = records.map(function (r) {
        var shownItem = item(r);
        results.appendChild(shownItem.node);
        return shownItem.done;
      });
      return Promise.all(snippets);
    }).then(function () {
      if (mine === run) results.setAttribute("aria-busy", "false");
    });
  }

  function item(r) {
    var li = document.createElement("li");
    var h = document.createElement("h2");
    var a = document.createElement("a");
    a.href = r.url;
    highlight(a, r.title);
    h.appendChild(a);
    var meta = document.createElement("p");
    meta.className = "meta";
    meta.textContent = r.date;
    var snippet = document.createElement("p");
    snippet.className = "snippet";
    li.appendChild(h);
    li.appendChild(meta);
    li.appendChild(snippet);
    var done = Promise.resolve();
    if (!words.length || !bodyWanted(r)) {
      highlight(snippet, r.summary);
    } else {
      // A word only the text has: the snippet comes from the briefing's own page.
      snippet.textContent = r.summary;
      done = fetch(r.url).then(function (res) { return res.ok ? res.text() : ""; }).then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        var body = page.querySelector("main .body") || page.querySelector("main");
        var text = body ? body.textContent.replace(/\s+/g, " ").trim() : "";
        var at = firstMatch(text);
        if (at < 0) return;
        var start = Math.max(0, text.lastIndexOf(" ", Math.max(0, at - 80)));
        var end = text.indexOf(" ", Math.min(text.length, at + 160));
        snippet.textContent = "";
        highlight(snippet, (start > 0 ? "… " : "") + text.slice(start, end < 0 ? text.length : end).trim() + (end < 0 ? "" : " …"));
      }).catch(function () { /* the summary stays */ });
    }
    return { node: li, done: done };
  }

  // Whether the title and summary lack a query word (or every word a partial word stands for).
  function bodyWanted(r) {
    var shown = termsOf(r.title + " " + r.summary);
    return !groups.every(function (g) { return g.some(function (w) { return shown.indexOf(w) !== -1; }); });
  }
  function firstMatch(text) {
    var re = /[\p{L}\p{N}]+/gu, m;
    while ((m = re.exec(text))) if (termsOf(m[0]).some(function (t) { return words.indexOf(t) !== -1; })) return m.index;
    return -1;
  }
  // Appends `text` to `node` with the query's words in <mark>.
  function highlight(node, text) {
    String(text).split(/([\p{L}\p{N}]+)/u).forEach(function (part, i) {
      if (i % 2 === 1 && termsOf(part).some(function (t) { return words.indexOf(t) !== -1; })) {
        var mark = document.createElement("mark");
        mark.textContent = part;
        node.appendChild(mark);
      } else if (part) {
        node.appendChild(document.createTextNode(part));
      }
    });
  }

  // --- Wiring -------------------------------------------------------------------------------
  function update() {
    var state = formState();
    writeState(state);
    search(state);
  }
  var timer = null;
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(update, 150); });
  form.addEventListener("submit", function (e) { e.preventDefault(); clearTimeout(timer); update(); });
  facetBox.addEventListener("change", update);
  more.addEventListener("click", function () {
    var first = results.children.length;
    showResults(run, false).then(function () {
      var next = results.children[first];
      if (next) next.querySelector("a").focus();
    });
  });
  // Filters open beside the results on a wide screen; folded above them on a phone.
  var panel = document.getElementById("facet-panel");
  if (panel) panel.open = window.matchMedia("(min-width: 48rem)").matches;
  get("index.json").then(function (m) {
    manifest = m;
    var state = readState();
    input.value = state.q;
    search(state);
  }).catch(function () { say("The search index could not be loaded."); });
})();
