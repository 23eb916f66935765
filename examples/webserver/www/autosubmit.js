// index.php loads this only for ?autosubmit=form or ?autosubmit=upload: once the page has
// loaded, it fills in one of the forms and submits it, so that a headless browser run can
// exercise the POST pages (php-tests/http/websrv_chromium.phpt).
window.addEventListener('load', function () {
    'use strict';
    var what = new URLSearchParams(location.search).get('autosubmit');
    var form;
    if (what === 'form') {
        form = document.getElementById('contact-form');
        form.elements.title.value = 'Grüße & <b>bold</b> 100%';
        form.elements.color.value = 'green';
        form.querySelectorAll('input[name="tags[]"]').forEach(function (box) {
            box.checked = true;
        });
    } else if (what === 'upload') {
        form = document.getElementById('upload-form');
        form.elements.note.value = 'a note';
        var files = new DataTransfer();
        files.items.add(new File(['hello from the browser\n'], 'hello.txt', { type: 'text/plain' }));
        form.elements.file.files = files.files;
    } else {
        return;
    }
    form.submit();
});
