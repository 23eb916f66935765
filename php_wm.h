/* The workerman extension: module entry and version (PECL convention). */
#ifndef PHP_WM_H
#define PHP_WM_H

extern zend_module_entry workerman_module_entry;
#define phpext_workerman_ptr &workerman_module_entry

#define PHP_WORKERMAN_VERSION "0.1.0"

#endif
