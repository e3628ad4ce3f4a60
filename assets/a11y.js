// Two gaps in third-party components that axe-core finds (tests/browser/test_browser_accessibility.py),
// closed as the components appear:
// - Dash's slider draws its thumb (role="slider") without a name and offers no property for one;
//   the layout puts the name on a wrapper (data-slider-label), copied here onto each thumb.
// - A table wider than its card scrolls inside Bootstrap's .table-responsive, which a keyboard
//   cannot reach: such a region is made focusable (arrow keys then scroll it).
(function () {
  function label(root) {
    root.querySelectorAll("[data-slider-label] [role=slider]:not([aria-label])").forEach(function (thumb) {
      thumb.setAttribute("aria-label", thumb.closest("[data-slider-label]").dataset.sliderLabel);
    });
  }
  function focusable(root) {
    root.querySelectorAll(".table-responsive:not([tabindex])").forEach(function (region) {
      if (region.scrollWidth > region.clientWidth) {
        region.setAttribute("tabindex", "0");
      }
    });
  }
  new MutationObserver(function () {
    label(document);
    focusable(document);
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
