// The portfolio grid's formatters (dash-ag-grid reads window.dashAgGridFunctions) and the
// clientside callback that asks the grid for its rows again when a filter changes.
// Numbers and dates go through the browser's Intl (CLDR data), in the page's language.
(function () {
  var LOCALES = { fr: "fr-FR", en: "en-GB" };
  var funcs = (window.dashAgGridFunctions = window.dashAgGridFunctions || {});

  function locale(lang) {
    return LOCALES[lang] || LOCALES.fr;
  }

  funcs.portfolioNumber = function (params, lang) {
    var value = params.value;
    if (value === null || value === undefined || value === "") {
      return "";
    }
    return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 2 }).format(value);
  };

  funcs.portfolioPercent = function (params, lang) {
    var value = params.value;
    if (value === null || value === undefined) {
      return "—";
    }
    return new Intl.NumberFormat(locale(lang), {
      style: "percent",
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }).format(value);
  };

  funcs.portfolioDate = function (params, lang) {
    if (!params.value) {
      return "";
    }
    var text = new Intl.DateTimeFormat(locale(lang), {
      day: "numeric",
      month: "short",
      year: "numeric",
      timeZone: "UTC",
    }).format(new Date(params.value));
    // The mark; the words are in the cell's tooltip and the To-do column ("update the data").
    return params.data && params.data.stale ? text + " ⚠" : text;
  };

  funcs.portfolioStaleTip = function (params, word) {
    return params.data && params.data.stale ? word : null;
  };

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    portfolio: {
      // Any filter, figure or view changed: back to the first page, rows asked again.
      refreshGrid: function () {
        var grids = window.dash_ag_grid;
        if (grids && grids.getApiAsync) {
          grids.getApiAsync("portfolio-grid").then(function (api) {
            api.paginationGoToFirstPage();
            api.purgeInfiniteCache();
          });
        }
        return Date.now();
      },
    },
  });
})();
