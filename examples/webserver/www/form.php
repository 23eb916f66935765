<?php
/* Target of the urlencoded form on index.php: shows what arrived in $_POST. */
use Workerman\Protocols\Http;

if ($_SERVER['REQUEST_METHOD'] !== 'POST') {
    // Http::end() stops the page (never exit(): that would end the worker process).
    Http::header('Location: /');
    Http::end();
}
$e = function ($s) {
    return htmlspecialchars((string)$s, ENT_QUOTES, 'UTF-8');
};
?>
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Form received</title>
<link rel="stylesheet" href="/style.css">
</head>
<body>
<h1>Form received</h1>
<table>
  <tr><th>REQUEST_METHOD</th><td id="method"><?= $e($_SERVER['REQUEST_METHOD']) ?></td></tr>
  <tr><th>CONTENT_TYPE</th><td id="content-type"><?= $e($_SERVER['CONTENT_TYPE']) ?></td></tr>
  <tr><th>title</th><td id="title"><?= $e($_POST['title'] ?? '') ?></td></tr>
  <tr><th>color</th><td id="color"><?= $e($_POST['color'] ?? '') ?></td></tr>
  <tr><th>tags</th><td id="tags"><?= $e(implode(',', (array)($_POST['tags'] ?? []))) ?></td></tr>
  <tr><th>$_POST</th><td id="post"><?= $e(json_encode($_POST, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES)) ?></td></tr>
</table>
<p><a href="/">back</a></p>
</body>
</html>
