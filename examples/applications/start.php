<?php
/*
 * The manual's directory layout (目录结构): this root start.php loads every
 * Applications/<App>/start.php, then starts them all together.
 *   php -d extension=/path/to/workerman.so start.php start
 */
use Workerman\Worker;

foreach (glob(__DIR__ . '/Applications/*/start.php') as $start_file) {
    require_once $start_file;
}

Worker::runAll();
