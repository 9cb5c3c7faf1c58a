// The search promotions form's "choose from popular search terms" button: Wagtail's own code
// (wagtailsearchpromotions/queries/chooser_field.js), which it writes inline, as a file.
// partners/js/widget-starts.js calls it with the field's id and the chooser's URL.
window.createQueryChooser = function (id, options) {
  "use strict";
  const input = $("#" + id);
  $("#" + id + "-chooser").on("click", function () {
    ModalWorkflow({
      url: options.url,
      onload: QUERY_CHOOSER_MODAL_ONLOAD_HANDLERS,
      responses: {
        queryChosen: function (queryData) {
          input.val(queryData.querystring);
        },
      },
    });
  });
};
