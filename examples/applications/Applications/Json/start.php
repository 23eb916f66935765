<?php
// A JSON-per-line echo. Protocols\JsonNL is loaded from this directory's
// Protocols/JsonNL.php: classes are looked up under the directory of the file
// that created the Worker, as in Workerman 3.5.
use Workerman\Worker;

$json = new Worker('JsonNL://0.0.0.0:' . (getenv('WM_JSON_PORT') ?: 2348));
$json->name = 'JsonEcho';
$json->count = 2;
$json->onMessage = function ($connection, $data) {
    $connection->send(['echo' => $data, 'worker' => $connection->worker->id]);
};
