// 佐证材料 inputs: says at once, next to the field, what the server would refuse (too many files, too large, empty),
// so a person does not wait for a 20 MB upload to learn it. The server checks everything again (type by content).
(function () {
  'use strict';

  function problem(input) {
    var maxBytes = Number(input.getAttribute('data-max-bytes'));
    var maxFiles = Number(input.getAttribute('data-max-files'));
    var label = input.getAttribute('data-max-label');
    var files = Array.prototype.slice.call(input.files || []);
    if (maxFiles && files.length > maxFiles) {
      return '每次最多上传 ' + maxFiles + ' 个佐证材料。';
    }
    for (var i = 0; i < files.length; i++) {
      if (files[i].size === 0) {
        return '佐证材料「' + files[i].name + '」是空文件。';
      }
      if (maxBytes && files[i].size > maxBytes) {
        return '佐证材料「' + files[i].name + '」超过 ' + label + ' 的上限。';
      }
    }
    return null;
  }

  function show(input) {
    var message = problem(input);
    var error = document.getElementById(input.id + '-error');
    var field = input.closest('.field');
    if (error) {
      error.textContent = message || '';
      error.classList.toggle('is-empty', !message);
    }
    if (field) {
      field.classList.toggle('has-error', !!message);
    }
    if (message) {
      input.setAttribute('aria-invalid', 'true');
    } else {
      input.removeAttribute('aria-invalid');
    }
    return message;
  }

  document.querySelectorAll('input[data-evidence-input]').forEach(function (input) {
    input.addEventListener('change', function () { show(input); });
    var form = input.form;
    if (form) {
      form.addEventListener('submit', function (event) {
        if (show(input)) {
          event.preventDefault();
          input.focus();
        }
      });
    }
  });
}());
