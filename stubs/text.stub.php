<?php

/**
 * @generate-class-entries static
 * @generate-legacy-arginfo 80100
 */

namespace Workerman\Protocols;

/** Newline framing, run in C on the hot path. */
class Text
{
    /** @return int */
    public static function input(mixed $buffer, mixed $connection) {}

    /** @return string */
    public static function encode(mixed $buffer, mixed $connection) {}

    /** @return string */
    public static function decode(mixed $buffer, mixed $connection) {}
}
