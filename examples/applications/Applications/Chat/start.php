<?php
// A Text chat room (one process, so every client is in the same room).
use Workerman\Worker;

$chat = new Worker('Text://0.0.0.0:' . (getenv('WM_CHAT_PORT') ?: 2347));
$chat->name = 'ChatRoom';
$chat->count = 1;
$chat->onMessage = function ($connection, $data) use ($chat) {
    foreach ($chat->connections as $conn) {
        $conn->send("[{$connection->id}] $data");
    }
};
