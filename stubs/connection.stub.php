<?php

/**
 * @generate-class-entries static
 * @generate-legacy-arginfo 80100
 */

namespace Workerman\Connection;

/** @not-serializable */
#[\AllowDynamicProperties]
class TcpConnection extends ConnectionInterface
{
    /** @var int */
    public const READ_BUFFER_SIZE = 65535;
    /** @var int */
    public const STATUS_INITIAL = 0;
    /** @var int */
    public const STATUS_CONNECTING = 1;
    /** @var int */
    public const STATUS_ESTABLISHED = 2;
    /* Workerman 3.1's spelling of STATUS_ESTABLISHED */
    /** @var int */
    public const STATUS_ESTABLISH = 2;
    /** @var int */
    public const STATUS_CLOSING = 4;
    /** @var int */
    public const STATUS_CLOSED = 8;

    /* Redeclared as in Workerman 3.5 (same slots as ConnectionInterface's). */
    /** @var mixed */
    public $onMessage = null;
    /** @var mixed */
    public $onClose = null;
    /** @var mixed */
    public $onError = null;
    /** @var mixed */
    public $onBufferFull = null;
    /** @var mixed */
    public $onBufferDrain = null;
    /** @var mixed */
    public $protocol = null;
    /** @var mixed */
    public $transport = 'tcp';
    /** @var mixed */
    public $worker = null;
    /** @var mixed */
    public $bytesRead = 0;
    /** @var mixed */
    public $bytesWritten = 0;
    /** @var mixed */
    public $id = 0;

    /* The per-connection limits $maxSendBufferSize and $maxPackageSize (Workerman 3.5) are
     * served by the object handlers, because the manual spells the same names as statics. */
    /** @var mixed */
    public static $defaultMaxSendBufferSize = 1048576;
    /** @var mixed */
    public static $defaultMaxPackageSize = 10485760;
    /** @var mixed */
    public static $maxSendBufferSize = 1048576;
    /** @var mixed */
    public static $maxPackageSize = 10485760;
    /* Every live connection of the process by id. */
    /** @var mixed */
    public static $connections = [];
    /* Status => name, filled at RINIT. */
    /** @var mixed */
    public static $_statusToString = [];

    /** @return mixed */
    public function __call(mixed $name, array $arguments) {}

    public function __construct(mixed $socket, mixed $remote_address = '') {}

    /* 3.5's work (the connection count) is done when the connection is destroyed. */
    /** @return void */
    public function __destruct() {}

    /** @return bool|null */
    public function send(mixed $send_buffer, mixed $raw = false) {}

    /** @return void */
    public function close(mixed $data = null, mixed $raw = false) {}

    /** @return void */
    public function destroy() {}

    /** @return void */
    public function pauseRecv() {}

    /** @return void */
    public function resumeRecv() {}

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

    /** @return int */
    public function getSendBufferQueueSize() {}

    /** @return int */
    public function getRecvBufferQueueSize() {}

    /** @return void */
    public function consumeRecvBuffer(mixed $length) {}

    /** @return int|string */
    public function getStatus(mixed $raw_output = true) {}

    /** @return bool */
    public function bufferIsFull() {}

    /** @return bool */
    public function bufferIsEmpty() {}

    /** @return resource|null */
    public function getSocket() {}

    /** @return void */
    public function baseRead(mixed $socket, mixed $check_eof = true) {}

    /** @return bool|null */
    public function baseWrite() {}

    /** @return bool|int */
    public function doSslHandshake(mixed $socket) {}

    /** @return void */
    public function pipe(TcpConnection $dest) {}
}
