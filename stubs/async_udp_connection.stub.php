<?php

/**
 * @generate-class-entries static
 * @generate-legacy-arginfo 80100
 */

namespace Workerman\Connection;

/**
 * A UDP client socket connected to one peer (Workerman 3.5).
 * @not-serializable
 */
#[\AllowDynamicProperties]
class AsyncUdpConnection extends UdpConnection
{
    /** @var mixed */
    public $onConnect = null;
    /* Redeclared as in Workerman 3.5 (the same slot as ConnectionInterface's). */
    /** @var mixed */
    public $onClose = null;

    public function __construct(mixed $remote_address, mixed $context_option = null) {}

    /** @return bool */
    public function baseRead(mixed $socket) {}

    /** @return bool|null */
    public function send(mixed $send_buffer, mixed $raw = false) {}

    /** @return bool */
    public function close(mixed $data = null, mixed $raw = false) {}

    /** @return void */
    public function connect() {}
}
