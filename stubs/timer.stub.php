<?php

/**
 * @generate-class-entries static
 * @generate-legacy-arginfo 80100
 */

namespace Workerman\Lib;

/** @not-serializable */
class Timer
{
    /** @return void */
    public static function init(mixed $event = null) {}

    /** @return int|false */
    public static function add(mixed $time_interval, mixed $func, mixed $args = [], mixed $persistent = true) {}

    /** @return bool */
    public static function del(mixed $timer_id) {}

    /** @return void */
    public static function delAll() {}

    /** @return void */
    public static function tick() {}

    /** @return void */
    public static function signalHandle() {}
}
