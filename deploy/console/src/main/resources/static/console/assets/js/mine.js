// 我的承诺: "添加里程碑" adds an empty roadmap row (a copy of the last one, values cleared). Without scripts the form
// still posts the rows it has.
(function () {
  'use strict';
  var add = document.getElementById('add-milestone');
  var rows = document.getElementById('milestone-rows');
  if (!add || !rows) {
    return;
  }
  add.addEventListener('click', function () {
    var last = rows.lastElementChild;
    var row = last.cloneNode(true);
    var n = rows.children.length + 1;
    row.querySelectorAll('input').forEach(function (input) {
      input.value = '';
      var label = input.type === 'date' ? '里程碑 ' + n + ' 截止日期' : '里程碑 ' + n + ' 名称';
      input.setAttribute('aria-label', label);
      if (input.type !== 'date') {
        input.setAttribute('placeholder', '里程碑 ' + n);
      }
    });
    rows.appendChild(row);
    row.querySelector('input').focus();
  });
})();
