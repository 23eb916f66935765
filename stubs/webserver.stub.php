<?php

/**
 * @generate-class-entries static
 * @generate-legacy-arginfo 80100
 */

namespace Workerman;

/**
 * Workerman 3.x's WebServer: static files and PHP pages from a root per host name,
 * served in C (URL mapping, static files, ranges, 304) over the native Http protocol.
 * @not-serializable
 */
#[\AllowDynamicProperties]
class WebServer extends Worker
{
    /** @var mixed */
    protected $serverRoot = [];

    /** @var mixed */
    protected $_onWorkerStart = null;

    /** @var mixed */
    protected static $mimeTypeMap = [];

    public function __construct(mixed $socket_name, array $context_option = []) {}

    /** @return void */
    public function addRoot(mixed $domain, mixed $config) {}

    /**
     * As Worker::run() (3.5 declares it here to install its callbacks, which the
     * extension does in the worker process before onWorkerStart).
     * @return void
     */
    public function run() {}

    /** @return void */
    public function onWorkerStart() {}

    /** @return void */
    public function initMimeTypeMap() {}

    /**
     * Typed as in 3.5, so that a subclass overriding it with 3.5's signature stays compatible.
     * @return void
     */
    public function onMessage(\Workerman\Connection\TcpConnection $connection) {}

    /** @return void */
    public static function sendFile(mixed $connection, mixed $file_path) {}
}
