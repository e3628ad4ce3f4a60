/* While the server answers the dashboard's callbacks with 503 (the database is unreachable) or
 * not at all, show the notice the page already holds (#outage-notice, text from app/texts.py).
 * Only a callback sent after the last failure came back hides it again: callbacks of one wave
 * answer in any order, and one that was already on its way says nothing about the outage.
 * Served from /assets: the CSP allows it. */
(function () {
  "use strict";
  var CALLBACKS = "/_dash-update-component";
  var original = window.fetch;
  var failedAt = -1;
  if (!original) {
    return;
  }

  function show(down) {
    var notice = document.getElementById("outage-notice");
    if (notice) {
      notice.hidden = !down;
    }
  }

  function failed() {
    failedAt = performance.now();
    show(true);
  }

  window.fetch = function (resource, init) {
    var url = typeof resource === "string" ? resource : (resource && resource.url) || "";
    var watched = url.indexOf(CALLBACKS) !== -1;
    var sentAt = performance.now();
    return original.call(this, resource, init).then(
      function (response) {
        if (watched && response.status === 503) {
          failed();
        } else if (watched && sentAt > failedAt) {
          show(false);
        }
        return response;
      },
      function (error) {
        if (watched) {
          failed();
        }
        throw error;
      }
    );
  };
})();
