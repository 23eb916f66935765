<?php

/**
 * @generate-class-entries static
 * @generate-legacy-arginfo 80100
 */

namespace Workerman\Connection;

/**
 * One datagram peer of a UDP socket (Workerman 3.5): a view of (socket, remote address).
 * A udp Worker makes one per datagram it receives.
 * @not-serializable
 */
#[\AllowDynamicProperties]
class UdpConnection extends ConnectionInterface
{
    /** @var mixed */
    public $protocol = null;

    public function __construct(mixed $socket, mixed $remote_address) {}

    /** @return bool|null */
    public function send(mixed $send_buffer, mixed $raw = false) {}

    /** @return string */
    public function getRemoteIp() {}

    /** @return int */
    public function getRemotePort() {}

    /** @return string */
    public function getRemoteAddress() {}

    /** @return string */
    public function getLocalIp() {}

    /** @return int */
    public function getLocalPort() {}

    /** @return string */
    public function getLocalAddress() {}

    /** @return bool */
    public function isIpV4() {}

    /** @return bool */
    public function isIpV6() {}

    /** @return bool */
    public function close(mixed $data = null, mixed $raw = false) {}
}
