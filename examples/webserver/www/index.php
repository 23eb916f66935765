<?php
/*
 * The front page. WebServer runs it (include, in the worker process) for "/" and for every
 * missing .php path; what it prints is the response body. $_GET, $_COOKIE, $_SERVER and
 * $_SESSION were filled by Workerman\Protocols\Http for this request.
 */
use Workerman\Protocols\Http;

$e = function ($s) {
    return htmlspecialchars((string)$s, ENT_QUOTES, 'UTF-8');
};

// A session counter: Http::sessionStart() (not session_start()) fills $_SESSION, and the
// session is saved when the response is sent.
Http::sessionStart();
$_SESSION['visits'] = ($_SESSION['visits'] ?? 0) + 1;

$name = isset($_GET['name']) && is_string($_GET['name']) && $_GET['name'] !== '' ? $_GET['name'] : 'stranger';
// Comes back in $_COOKIE with the next request (api.php reports it).
Http::setcookie('demo_name', $name, 0, '/');

$cookies = [];
foreach ($_COOKIE as $k => $v) {
    $cookies[] = $k . '=' . (is_string($v) ? $v : json_encode($v));
}
sort($cookies);
$autosubmit = $_GET['autosubmit'] ?? '';
?>
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Workerman WebServer demo</title>
<link rel="stylesheet" href="/style.css">
</head>
<body>
<header>
  <img id="logo" src="/logo.png" width="32" height="32" alt="logo">
  <h1 id="greeting">Hello, <?= $e($name) ?>!</h1>
</header>

<section>
  <h2>This request</h2>
  <table>
    <tr><th>REQUEST_METHOD</th><td id="method"><?= $e($_SERVER['REQUEST_METHOD']) ?></td></tr>
    <tr><th>REQUEST_URI</th><td id="uri"><?= $e($_SERVER['REQUEST_URI']) ?></td></tr>
    <tr><th>QUERY_STRING</th><td id="query"><?= $e($_SERVER['QUERY_STRING']) ?></td></tr>
    <tr><th>$_GET</th><td id="get"><?= $e(json_encode($_GET, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES)) ?></td></tr>
    <tr><th>REMOTE_ADDR</th><td id="remote"><?= $e($_SERVER['REMOTE_ADDR']) ?></td></tr>
    <tr><th>HTTP_HOST</th><td id="host"><?= $e($_SERVER['HTTP_HOST']) ?></td></tr>
    <tr><th>SERVER_SOFTWARE</th><td id="software"><?= $e($_SERVER['SERVER_SOFTWARE']) ?></td></tr>
    <tr><th>$_COOKIE</th><td id="cookies"><?= $cookies ? $e(implode('; ', $cookies)) : '(none)' ?></td></tr>
    <tr><th>visits (session)</th><td id="visits"><?= (int)$_SESSION['visits'] ?></td></tr>
  </table>
</section>

<section>
  <h2>Filled in by app.js</h2>
  <ul>
    <li>api.php: <span id="api-result">(waiting for JavaScript)</span></li>
    <li>style.css: <span id="css-status">(waiting for JavaScript)</span></li>
    <li>logo.png: <span id="img-status">(waiting for JavaScript)</span></li>
  </ul>
</section>

<section>
  <h2>A form (application/x-www-form-urlencoded)</h2>
  <form id="contact-form" method="post" action="/form.php">
    <label>Title <input name="title" value=""></label>
    <label>Colour
      <select name="color">
        <option value="red">red</option>
        <option value="green">green</option>
        <option value="blue">blue</option>
      </select>
    </label>
    <label><input type="checkbox" name="tags[]" value="a"> a</label>
    <label><input type="checkbox" name="tags[]" value="b"> b</label>
    <button type="submit">Send</button>
  </form>
</section>

<section>
  <h2>A file upload (multipart/form-data)</h2>
  <form id="upload-form" method="post" action="/upload.php" enctype="multipart/form-data">
    <label>Note <input name="note" value=""></label>
    <input type="file" name="file">
    <button type="submit">Upload</button>
  </form>
</section>

<script src="/app.js"></script>
<?php if ($autosubmit === 'form' || $autosubmit === 'upload') { ?>
<script src="/autosubmit.js"></script>
<?php } ?>
</body>
</html>
