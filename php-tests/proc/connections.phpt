--TEST--
`connections`: one line per open client connection with the worker's pid and name, transport, protocol, byte counts, status and the local/foreign addresses
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; wm_skip_unless_ext('tests the native process manager'); ?>
--FILE--
<?php
require __DIR__ . '/proc.inc';

$pa = wm_free_port();
$pb = wm_free_port();
$a = wmp_app('
$w = new Worker("text://127.0.0.1:' . $pa . '");
$w->name = "connlister";
$w->onMessage = function ($c, $d) { $c->send("pid:" . posix_getpid()); };
$o = new Worker("text://127.0.0.1:' . $pb . '");
$o->name = "otherworker";
$o->onMessage = function ($c, $d) { $c->send("pid:" . posix_getpid()); };
');
$h = wmp_start($a, [$pa, $pb]);

$r = wmp_cmd($a, ['connections'], $h);
echo "no connections: exit ", var_export($r['exit'], true), ", header: ",
    var_export(strpos($r['out'], 'WORKERMAN CONNECTION STATUS') !== false && (bool)preg_match('/^PID\s+Worker\s+CID\s+Trans\s+Protocol\s+ipv4\s+ipv6\s+Recv-Q\s+Send-Q\s+Bytes-R\s+Bytes-W\s+Status\s+Local Address\s+Foreign Address\s*$/m', $r['out']), true),
    ", lines: ", preg_match_all('/^\d+\s/m', $r['out']), "\n";

$c1 = wm_client($pa);
$c2 = wm_client($pa);
$reply1 = wmp_ask($c1, 'hello');            // 6 bytes in, reply out
$reply2 = wmp_ask($c2, 'hi');
$pid = (int)substr($reply1, 4);
$n1 = stream_socket_get_name($c1, false);
$n2 = stream_socket_get_name($c2, false);

$r = wmp_cmd($a, ['connections'], $h);
$rows = [];
foreach (explode("\n", $r['out']) as $line) {
    $f = preg_split('/\s+/', trim($line));
    if (count($f) === 14 && ctype_digit($f[0])) {
        $rows[$f[13]] = $f;
    }
}
echo "lines: ", count($rows), "\n";
foreach ([[$n1, 'hello', $reply1], [$n2, 'hi', $reply2]] as [$name, $sent, $reply]) {
    $f = $rows[$name] ?? null;
    if (!$f) {
        echo "no line for the client $name\n", $r['out'], "\n";
        continue;
    }
    echo "pid ok: ", var_export((int)$f[0] === $pid, true),
        ", worker: $f[1], trans: $f[3], protocol: $f[4], ipv4: $f[5], ipv6: $f[6], recv-q: ", (int)$f[7], ", send-q: ", (int)$f[8],
        ", bytes-r ok: ", var_export((int)$f[9] === strlen($sent) + 1, true),
        ", bytes-w ok: ", var_export((int)$f[10] === strlen($reply) + 1, true),
        ", status: $f[11], local: ", str_replace((string)$pa, 'PA', $f[12]), "\n";
}
$cids = array_map(function ($f) { return $f[2]; }, $rows);
echo "distinct connection ids: ", var_export(count(array_unique($cids)) === 2, true), "\n";
echo "other worker not listed: ", var_export(strpos($r['out'], 'otherworker') === false, true), "\n";
fclose($c1);
fclose($c2);
usleep(200000);
$r = wmp_cmd($a, ['connections'], $h);
echo "after close: lines: ", preg_match_all('/^\d+\s/m', $r['out']), "\n";
echo "stopped: ", var_export(wm_stop_server($h), true), "\n";
?>
--EXPECT--
no connections: exit 0, header: true, lines: 0
lines: 2
pid ok: true, worker: connlister, trans: tcp, protocol: \Workerman\Protocols\Text, ipv4: 1, ipv6: 0, recv-q: 0, send-q: 0, bytes-r ok: true, bytes-w ok: true, status: ESTABLISHED, local: 127.0.0.1:PA
pid ok: true, worker: connlister, trans: tcp, protocol: \Workerman\Protocols\Text, ipv4: 1, ipv6: 0, recv-q: 0, send-q: 0, bytes-r ok: true, bytes-w ok: true, status: ESTABLISHED, local: 127.0.0.1:PA
distinct connection ids: true
other worker not listed: true
after close: lines: 0
stopped: true
