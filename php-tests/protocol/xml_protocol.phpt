--TEST--
Manual protocol example XmlProtocol: split across reads works; several packets in one write break its length (closes, as in 3.5)
--EXTENSIONS--
pcntl
posix
simplexml
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; wm_skip_unless_loaded('simplexml'); ?>
--FILE--
<?php
require __DIR__ . '/../inc/harness.inc';
require_once __DIR__ . '/../fixtures/Protocols/XmlProtocol.php';
use Workerman\Worker;

function xml_packet($body)
{
    return str_pad(strlen($body) + 10, 10, '0', STR_PAD_LEFT) . $body;
}

$port = wm_free_port();
$ev = wm_tmpfile('events');
$h = wm_start_server(function () use ($port, $ev) {
    $w = new Worker("XmlProtocol://127.0.0.1:$port");
    $w->onMessage = function ($connection, $xml) {
        $connection->send($xml->module . '/' . $xml->action . ' ' . get_class($xml));
    };
    $w->onClose = function ($c) use ($ev) {
        wm_append($ev, "close {$c->id}");
    };
}, ['port' => $port]);

// the body must not contain digits: the manual's input() base_convert()s the whole buffer
$p = xml_packet('<request><module>user</module><action>getInfo</action></request>');
var_dump($p);
$fp = wm_client($port);
wm_send($fp, $p);
var_dump(wm_read_until($fp, 'Element'));
// split: inside the header, then inside the body
wm_send($fp, substr($p, 0, 4));
usleep(100000);
wm_send($fp, substr($p, 4, 20));
usleep(100000);
wm_send($fp, substr($p, 24));
var_dump(wm_read_until($fp, 'Element'));
fclose($fp);

// two packets in one buffer: base_convert() sees the digits of both headers -> a huge
// length (returned as the string '740000000074'), over maxPackageSize: connection closed
$fp = wm_client($port);
wm_send($fp, xml_packet('<request><module>a</module><action>b</action></request>') . xml_packet('<request><module>c</module><action>d</action></request>'));
var_dump(wm_read_all_until_close($fp, 5, $closed), $closed);
echo implode("\n", wm_wait_lines($ev, 2)), "\n";
wm_stop_server($h);
?>
--EXPECT--
string(74) "0000000074<request><module>user</module><action>getInfo</action></request>"
string(39) "0000000039user/getInfo SimpleXMLElement"
string(39) "0000000039user/getInfo SimpleXMLElement"
string(0) ""
bool(true)
close 1
close 2
