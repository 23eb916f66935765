<?php

/**
 * @generate-class-entries static
 * @generate-legacy-arginfo 80100
 */

namespace Workerman\Connection;

/* A TCP client on the event loop (wm_async_tcp_connection.c). It connects when connect()
 * is called (3.5) or, if nothing called it by then, once the callback that created it
 * has returned (3.1 connected in the constructor). */
/** @not-serializable */
#[\AllowDynamicProperties]
class AsyncTcpConnection extends TcpConnection
{
    /** @var mixed */
    public $onConnect = null;
    /** @var mixed */
    public $transport = 'tcp';

    public function __construct(mixed $remote_address, array $context_option = []) {}

    /** @return void */
    public function connect() {}

    /** @return void */
    public function reconnect(mixed $after = 0) {}

    /** @return void */
    public function cancelReconnect() {}

    /** @return string */
    public function getRemoteHost() {}

    /** @return string */
    public function getRemoteURI() {}

    /** @return void */
    public function checkConnection(mixed $socket = null) {}
}
