<?php

/**
 * @generate-class-entries static
 * @generate-legacy-arginfo 80100
 */

namespace Workerman\Events;

/**
 * The extension's own event loop (libevent, run in C); Worker::$globalEvent in every worker.
 * @not-serializable
 */
final class Native implements EventInterface
{
    /** @return int|bool */
    public function add(mixed $fd, mixed $flag, mixed $func, mixed $args = null) {}

    /** @return bool */
    public function del(mixed $fd, mixed $flag) {}

    /** @return void */
    public function clearAllTimer() {}

    /** @return void */
    public function loop() {}

    /** @return void */
    public function destroy() {}

    /** @return int */
    public function getTimerCount() {}
}
