<?php

/**
 * @generate-class-entries
 * @generate-legacy-arginfo 80100
 */

namespace Workerman\Connection;

#[\AllowDynamicProperties]
abstract class ConnectionInterface
{
    /** @var mixed */
    public static $statistics = [];

    /** @var mixed */

    public $onMessage = null;
    /** @var mixed */
    public $onClose = null;
    /** @var mixed */
    public $onError = null;

    /** @return bool|null */
    abstract public function send(mixed $send_buffer);

    /** @return string */
    abstract public function getRemoteIp();

    /** @return int */
    abstract public function getRemotePort();

    /** @return string */
    abstract public function getRemoteAddress();

    /** @return string */
    abstract public function getLocalIp();

    /** @return int */
    abstract public function getLocalPort();

    /** @return string */
    abstract public function getLocalAddress();

    /** @return bool */
    abstract public function isIPv4();

    /** @return bool */
    abstract public function isIPv6();

    /** @return void */
    abstract public function close(mixed $data = null);
}
