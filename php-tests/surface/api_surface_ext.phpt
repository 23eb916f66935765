--TEST--
The 3.x public surface (../shared/surface): every member the extension registers today stays registered; the members still missing are exactly those in missing.txt (update both when a member is added)
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc';
wm_skip_unless_ext('compares the extension with the surface of Workerman 3.1.1 + 3.5.35, which pure-PHP 3.5 is the source of');
if (!is_file(__DIR__ . '/../../../shared/surface/api-surface.php')) die('skip ../shared/surface is not beside the checkout');
?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';

$surface = realpath(__DIR__ . '/../../../shared/surface');
$cand = wm_tmpfile('candidate.jsonl');
$cmd = implode(' ', array_map('escapeshellarg', array_merge(wm_php_argv(), [$surface . '/api-surface.php'])));
exec($cmd . ' > ' . escapeshellarg($cand), $out, $rc);
echo "api-surface.php exit: $rc\n";
exec(implode(' ', array_map('escapeshellarg', [PHP_BINARY, $surface . '/api-diff.php',
    $surface . '/workerman-3.x-surface.jsonl', $cand])), $diff, $rc);
$missing = array_map('rtrim', array_values(array_filter($diff, function ($l) { return strpos($l, 'MISSING ') === 0; })));
$expected = array_map('rtrim', file(__DIR__ . '/missing.txt', FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES));
foreach (array_diff($missing, $expected) as $l) {
    echo "newly missing (a member was removed): $l\n";
}
foreach (array_diff($expected, $missing) as $l) {
    echo "now present (remove it from missing.txt): $l\n";
}
echo end($diff), "\n";
?>
--EXPECT--
api-surface.php exit: 0
api surface: 228 of 249 members present (91.6%), 17 differ in detail
