<?php

/**
 * @generate-class-entries
 * @generate-legacy-arginfo 80100
 */

namespace Workerman\Events;

interface EventInterface
{
    /** @var int */
    public const EV_READ = 1;
    /** @var int */
    public const EV_WRITE = 2;
    /** @var int */
    public const EV_EXCEPT = 3;
    /** @var int */
    public const EV_SIGNAL = 4;
    /** @var int */
    public const EV_TIMER = 8;
    /** @var int */
    public const EV_TIMER_ONCE = 16;

    /** @return int|bool */
    public function add(mixed $fd, mixed $flag, mixed $func, mixed $args = null);

    /** @return bool */
    public function del(mixed $fd, mixed $flag);

    /** @return void */
    public function clearAllTimer();

    /** @return void */
    public function loop();

    /** @return void */
    public function destroy();

    /** @return int */
    public function getTimerCount();
}
