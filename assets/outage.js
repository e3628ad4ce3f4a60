/* While the server answers the dashboard's callbacks with 503 (the database is unreachable) or
 * not at all, show the notice the page already holds (#outage-notice, text from app/texts.py);
 * the next answered callback hides it again. Served from /assets: the CSP allows it. */
(function () {
  "use strict";
  var CALLBACKS = "/_dash-update-component";
  var original = window.fetch;
  if (!original) {
    return;
  }

  function show(down) {
    var notice = document.getElementById("outage-notice");
    if (notice) {
      notice.hidden = !down;
    }
  }

  window.fetch = function (resource, init) {
    var url = typeof resource === "string" ? resource : (resource && resource.url) || "";
    var watched = url.indexOf(CALLBACKS) !== -1;
    return original.call(this, resource, init).then(
      function (response) {
        if (watched) {
          show(response.status === 503);
        }
        return response;
      },
      function (error) {
        if (watched) {
          show(true);
        }
        throw error;
      }
    );
  };
})();
