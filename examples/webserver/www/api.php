<?php
/* A JSON endpoint for app.js: echoes the query and what the session/cookies say. */
use Workerman\Protocols\Http;

Http::sessionStart();
Http::header('Content-Type: application/json');
echo json_encode([
    'hello' => isset($_GET['name']) && is_string($_GET['name']) && $_GET['name'] !== '' ? $_GET['name'] : 'stranger',
    'get' => $_GET,
    'visits' => $_SESSION['visits'] ?? 0,
    'demo_name_cookie' => $_COOKIE['demo_name'] ?? null,
    'method' => $_SERVER['REQUEST_METHOD'],
], JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);
