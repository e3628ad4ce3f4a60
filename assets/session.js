/* When a dashboard callback answers 401 (the session ended on the server: log-out elsewhere,
 * 30 minutes idle, 10 hours in all, account deactivated), go to the log-in page, which brings
 * the reader back here afterwards; otherwise the page would silently stop answering.
 * Served from /assets: the CSP allows it. */
(function () {
  "use strict";
  var CALLBACKS = "/_dash-update-component";
  var original = window.fetch;
  if (!original) {
    return;
  }
  window.fetch = function (resource, init) {
    var url = typeof resource === "string" ? resource : (resource && resource.url) || "";
    return original.call(this, resource, init).then(function (response) {
      if (url.indexOf(CALLBACKS) !== -1 && response.status === 401) {
        var here = window.location.pathname + window.location.search;
        window.location.assign("/login?next=" + encodeURIComponent(here));
      }
      return response;
    });
  };
})();
