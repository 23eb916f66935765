<?php
/*
 * Target of the multipart form on index.php. Workerman 3.x keeps uploads in memory: each
 * $_FILES entry is ['name' => field, 'file_name' => ..., 'file_data' => bytes,
 * 'file_size' => int, 'file_type' => ...] (no tmp_name); text fields are in $_POST.
 */
use Workerman\Protocols\Http;

if ($_SERVER['REQUEST_METHOD'] !== 'POST') {
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
<title>Upload received</title>
<link rel="stylesheet" href="/style.css">
</head>
<body>
<h1>Upload received</h1>
<p>note: <span id="note"><?= $e($_POST['note'] ?? '') ?></span></p>
<p>files: <span id="count"><?= count($_FILES) ?></span></p>
<table>
  <tr><th>field</th><th>file_name</th><th>file_size</th><th>file_type</th><th>md5(file_data)</th></tr>
<?php foreach (array_values($_FILES) as $i => $f) { ?>
  <tr id="file-<?= $i ?>">
    <td class="field"><?= $e($f['name'] ?? '') ?></td>
    <td class="file_name"><?= $e($f['file_name'] ?? '') ?></td>
    <td class="file_size"><?= (int)($f['file_size'] ?? 0) ?></td>
    <td class="file_type"><?= $e($f['file_type'] ?? '') ?></td>
    <td class="md5"><?= md5($f['file_data'] ?? '') ?></td>
  </tr>
<?php } ?>
</table>
<p><a href="/">back</a></p>
</body>
</html>
