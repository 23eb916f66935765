--TEST--
Http::getMimeTypesFile() where the temporary directory cannot be written: false and a warning naming the path - extension only
--SKIPIF--
<?php require __DIR__ . '/../inc/skipif.inc';
wm_skip_unless_ext('Workerman 3.5 returns the path of the mime.types file it ships; the extension writes its table to the temporary directory'); ?>
--INI--
sys_temp_dir=/nonexistent-wm-dir
--FILE--
<?php
require __DIR__ . '/../inc/bootstrap.inc';
var_dump(Workerman\Protocols\Http::getMimeTypesFile());
?>
--EXPECTF--
Warning: Workerman\Protocols\Http::getMimeTypesFile(): cannot write /nonexistent-wm-dir/workerman-%s-%d.mime.types: No such file or directory in %s on line %d
bool(false)
