--TEST--
ini workerman.auto_reload=1: changing a .php file of the app reloads the reloadable workers (code loaded in onWorkerStart is new); off by default
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; wm_skip_unless_ext('tests the native auto-reload option'); ?>
--FILE--
<?php
require __DIR__ . '/proc.inc';

function run_case(bool $on): void
{
    $port = wm_free_port();
    $a = wmp_app('
ini_set("workerman.auto_reload", "' . ($on ? '1' : '0') . '");
$w = new Worker("text://127.0.0.1:' . $port . '");
$w->onWorkerStart = function () { $GLOBALS["ver"] = require __DIR__ . "/version.php"; };
$w->onMessage = function ($c, $d) { $c->send($GLOBALS["ver"]); };
', $on ? 'on' : 'off');
    file_put_contents($a['dir'] . '/version.php', "<?php return 'v1';");
    $h = wmp_start($a, [$port]);
    echo ($on ? 'on' : 'off'), ': ', trim(wmp_req($port, "x")), "\n";
    file_put_contents($a['dir'] . '/version.php', "<?php return 'v2';");
    $seen = 'v1';
    wm_wait_until(function () use ($port, &$seen) {
        $seen = trim(wmp_req($port, "x"));
        return $seen === 'v2';
    }, $on ? 8.0 : 1.5, 0.2);
    echo ($on ? 'on' : 'off'), ' after the change: ', $seen, "\n";
    var_dump(wm_stop_server($h));
}

run_case(false);
run_case(true);
?>
--EXPECT--
off: v1
off after the change: v1
bool(true)
on: v1
on after the change: v2
bool(true)
