<?php

/**
 * @generate-class-entries
 * @generate-legacy-arginfo 80100
 */

namespace Workerman\Protocols;

interface ProtocolInterface
{
    /** @return int|false */
    public static function input(mixed $recv_buffer, \Workerman\Connection\ConnectionInterface $connection);

    /** @return mixed */
    public static function decode(mixed $recv_buffer, \Workerman\Connection\ConnectionInterface $connection);

    /** @return string */
    public static function encode(mixed $data, \Workerman\Connection\ConnectionInterface $connection);
}
