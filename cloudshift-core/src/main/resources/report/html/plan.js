// Small enhancements only: the content is complete without this script.
(function () {
  document.body.classList.add('js');
  var box = document.getElementById('only-differences');
  if (box) {
    box.addEventListener('change', function () {
      document.body.classList.toggle('only-differences', box.checked);
    });
  }
})();
