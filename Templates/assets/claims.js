// Narrows the claims page to one actor and/or topic, from the form or from ?actor=&topic= in
// the address, without a server. Without JavaScript every claim stays listed.
(function () {
  var form = document.querySelector(".claim-filter");
  if (!form) return;
  var status = document.getElementById("claim-filter-status");
  var actor = form.elements.actor, topic = form.elements.topic;
  var params = new URLSearchParams(location.search);
  function choose(select, value) {
    for (var i = 0; i < select.options.length; i++) {
      if (select.options[i].value === value) { select.value = value; return; }
    }
  }
  choose(actor, params.get("actor") || "");
  choose(topic, params.get("topic") || "");
  function has(list, value) { return !value || (" " + list + " ").indexOf(" " + value + " ") >= 0; }
  function apply() {
    var shown = 0, total = 0;
    document.querySelectorAll(".claim-group").forEach(function (group) {
      var count = 0;
      group.querySelectorAll("li.claim").forEach(function (item) {
        var match = has(item.dataset.actors, actor.value) && has(item.dataset.topics, topic.value);
        item.hidden = !match;
        if (match) count++;
        total++;
      });
      group.querySelector(".count").textContent = count;
      group.hidden = count === 0;
      shown += count;
    });
    status.textContent = actor.value || topic.value ? "Showing " + shown + " of " + total + " claims." : "";
    var query = new URLSearchParams();
    if (actor.value) query.set("actor", actor.value);
    if (topic.value) query.set("topic", topic.value);
    var search = query.toString();
    history.replaceState(null, "", search ? "?" + search : location.pathname);
  }
  form.hidden = false;
  form.addEventListener("change", apply);
  apply();
})();
