// The browser tab's title for the page shown (the router puts it in the "page-title" store).
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  page: {
    setTitle: function (title) {
      if (title) {
        document.title = title;
      }
    },
  },
});
