// The sandbox works without JavaScript; this only keeps the latest message in view.
(function () {
  var last = -1;
  function follow() {
    var chat = document.getElementById("chat");
    if (!chat) return;
    var count = chat.querySelectorAll(".bubble").length;
    if (count !== last) {
      last = count;
      window.scrollTo(0, document.documentElement.scrollHeight);
    }
  }
  document.addEventListener("DOMContentLoaded", follow);
  document.addEventListener("htmx:afterSettle", follow);
})();
