--TEST--
`restart`: stops the running master (its pid file disappears with it) and starts again as a daemon that serves the same port
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; wm_skip_unless_ext('tests the native process manager'); ?>
--FILE--
<?php
require __DIR__ . '/proc.inc';

$port = wm_free_port();
$a = wmp_app('
$w = new Worker("text://127.0.0.1:' . $port . '");
$w->onMessage = function ($c, $d) { $c->send("pid " . posix_getppid()); };
');
$h = wmp_start($a, [$port]);
$first = (int)substr(trim(wmp_req($port, "x")), 4);
var_dump($first === $h->pid);

$r = wmp_cmd($a, ['restart'], $h);
var_dump($r['exit'] ?? null);
var_dump(strpos($r['out'] ?? '', 'stop success') !== false);
var_dump(wm_wait_server_exit($h));

// the new master is a daemon: it writes its pid file and serves again
var_dump(wm_wait_until(function () use ($a) {
    return is_file($a['pid']) && (int)file_get_contents($a['pid']) > 0;
}, 8.0));
$new = (int)file_get_contents($a['pid']);
var_dump($new !== $first && posix_kill($new, 0));
var_dump(wm_wait_listen($port, 8.0));
$second = (int)substr(trim(wmp_req($port, "x")), 4);
var_dump($second === $new);

$s = wmp_cmd($a, ['stop']);
var_dump($s['exit'] ?? null);
var_dump(wm_wait_until(function () use ($new) { return !posix_kill($new, 0); }, 8.0));
?>
--EXPECT--
bool(true)
int(0)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
int(0)
bool(true)
