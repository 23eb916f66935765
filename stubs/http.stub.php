<?php

/**
 * @generate-class-entries static
 * @generate-legacy-arginfo 80100
 */

namespace Workerman\Protocols;

/** Workerman 3.x's HTTP protocol: parsing, superglobals and responses run in C. */
class Http
{
    /** @var array */
    public static $methods = null; /* its default, [GET, POST, PUT, DELETE, HEAD, OPTIONS] (keys = values), is set at MINIT (wm_proto_http.c) */

    /** @return int */
    public static function input(mixed $recv_buffer, mixed $connection) {}

    /** @return array */
    public static function decode(mixed $recv_buffer, mixed $connection) {}

    /** @return string */
    public static function encode(mixed $content, mixed $connection) {}

    /** @return bool|void */
    public static function header(mixed $content, mixed $replace = true, mixed $http_response_code = null) {}

    /** @return void */
    public static function headerRemove(mixed $name) {}

    /** @return int|false */
    public static function responseCode(mixed $code) {}

    /** @return bool */
    public static function setcookie(mixed $name, mixed $value = '', mixed $maxage = 0, mixed $path = '', mixed $domain = '', mixed $secure = false, mixed $HTTPOnly = false) {}

    /** @return string */
    public static function sessionCreateId() {}

    /** @return string */
    public static function sessionId(mixed $id = null) {}

    /** @return string */
    public static function sessionName(mixed $name = null) {}

    /** @return string */
    public static function sessionSavePath(mixed $path = null) {}

    /** @return bool */
    public static function sessionStarted() {}

    /** @return bool */
    public static function sessionStart() {}

    /** @return bool */
    public static function sessionWriteClose() {}

    /** @return bool */
    public static function sessionRegenerateId(mixed $delete_old_session = false) {}

    /** @return never */
    public static function end(mixed $msg = '') {}

    /** @return void */
    public static function tryGcSessions() {}

    /** @return string|false */
    public static function getMimeTypesFile() {}
}
