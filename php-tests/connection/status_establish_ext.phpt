--TEST--
TcpConnection::STATUS_ESTABLISH (Workerman 3.1's spelling) equals STATUS_ESTABLISHED - extension only
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc';
wm_skip_unless_ext('Workerman 3.5 only has STATUS_ESTABLISHED (3.1 only STATUS_ESTABLISH)'); ?>
--FILE--
<?php
require __DIR__ . '/../inc/bootstrap.inc';
use Workerman\Connection\TcpConnection;

var_dump(TcpConnection::STATUS_ESTABLISH, TcpConnection::STATUS_ESTABLISHED);
$k = new ReflectionClassConstant(TcpConnection::class, 'STATUS_ESTABLISH');
var_dump($k->isPublic());
?>
--EXPECT--
int(2)
int(2)
bool(true)
