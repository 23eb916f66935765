--TEST--
Http::getMimeTypesFile() names a readable nginx-style mime.types that WebServer's parsing (3.5's initMimeTypeMap) turns into the usual map; Http::$methods defaults to the six methods, keys = values
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../inc/bootstrap.inc';
use Workerman\Protocols\Http;

$defaults = (new ReflectionClass(Http::class))->getDefaultProperties();
var_dump($defaults['methods'] === Http::$methods, Http::$methods);

$file = Http::getMimeTypesFile();
var_dump(is_string($file), is_file($file), is_readable($file));
$lines = file($file, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES);
var_dump(trim($lines[0]), trim(end($lines)));
// the parsing WebServer::initMimeTypeMap() does in 3.5
$map = [];
foreach ($lines as $content) {
    if (preg_match("/\s*(\S+)\s+(\S.+)/", $content, $match)) {
        foreach (explode(' ', substr($match[2], 0, -1)) as $ext) {
            $map[$ext] = $match[1];
        }
    }
}
foreach (['html', 'htm', 'css', 'js', 'json', 'png', 'svg', 'mp4'] as $ext) {
    echo "$ext => ", $map[$ext] ?? 'MISSING', "\n";
}
var_dump(count($map) > 50);
var_dump(Http::getMimeTypesFile() === $file); // the same file each time
?>
--EXPECT--
bool(true)
array(6) {
  ["GET"]=>
  string(3) "GET"
  ["POST"]=>
  string(4) "POST"
  ["PUT"]=>
  string(3) "PUT"
  ["DELETE"]=>
  string(6) "DELETE"
  ["HEAD"]=>
  string(4) "HEAD"
  ["OPTIONS"]=>
  string(7) "OPTIONS"
}
bool(true)
bool(true)
bool(true)
string(7) "types {"
string(1) "}"
html => text/html
htm => text/html
css => text/css
js => application/javascript
json => application/json
png => image/png
svg => image/svg+xml
mp4 => video/mp4
bool(true)
bool(true)
