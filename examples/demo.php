<?php
/*
 * The demo that tools/demo starts: the manual's Text chat (telnet 127.0.0.1 2347) and the
 * WebServer demo site (http://127.0.0.1:8080/) in one master.
 */
use Workerman\Worker;

define('GLOBAL_START', 1);
require __DIR__ . '/chat/start.php';
require __DIR__ . '/webserver/start.php';

Worker::runAll();
