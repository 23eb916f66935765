// Runs in the browser: asks /api.php (JSON) and reports what it and the other static files gave.
(function () {
    'use strict';

    function show(id, text) {
        document.getElementById(id).textContent = text;
    }

    // style.css sets --demo-css on :root: reading it back proves the stylesheet was applied.
    var css = getComputedStyle(document.documentElement).getPropertyValue('--demo-css').trim();
    show('css-status', css === 'loaded' ? 'applied' : 'not applied');

    var img = document.getElementById('logo');
    function imageDone() {
        show('img-status', img.naturalWidth > 0 ? 'loaded ' + img.naturalWidth + 'x' + img.naturalHeight : 'broken');
    }
    if (img.complete) {
        imageDone();
    } else {
        img.addEventListener('load', imageDone);
        img.addEventListener('error', imageDone);
    }

    fetch('/api.php' + location.search, { headers: { Accept: 'application/json' } })
        .then(function (res) {
            if (!res.ok) {
                throw new Error('HTTP ' + res.status);
            }
            var type = res.headers.get('Content-Type');
            return res.json().then(function (data) {
                show('api-result', 'hello ' + data.hello + ' (visits=' + data.visits
                    + ', cookie demo_name=' + data.demo_name_cookie + ', ' + type + ')');
            });
        })
        .catch(function (err) {
            show('api-result', 'failed: ' + err.message);
        });
})();
