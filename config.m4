dnl config.m4 for the workerman extension

PHP_ARG_ENABLE([workerman],
  [whether to enable the workerman extension],
  [AS_HELP_STRING([--enable-workerman], [Enable the native Workerman runtime])],
  [yes])

PHP_ARG_WITH([libevent-dir],
  [libevent install prefix],
  [AS_HELP_STRING([--with-libevent-dir=DIR], [workerman: libevent prefix (default: pkg-config)])],
  [no], [no])

PHP_ARG_ENABLE([wm-dev],
  [whether to build with strict warnings as errors],
  [AS_HELP_STRING([--enable-wm-dev], [workerman: -Wall -Wextra -Werror])],
  [no], [no])

if test "$PHP_WORKERMAN" != "no"; then
  if test "$PHP_LIBEVENT_DIR" != "no"; then
    PHP_ADD_INCLUDE([$PHP_LIBEVENT_DIR/include])
    PHP_ADD_LIBRARY_WITH_PATH([event_extra], [$PHP_LIBEVENT_DIR/$PHP_LIBDIR], [WORKERMAN_SHARED_LIBADD])
    PHP_ADD_LIBRARY_WITH_PATH([event_core], [$PHP_LIBEVENT_DIR/$PHP_LIBDIR], [WORKERMAN_SHARED_LIBADD])
  else
    dnl libevent_extra: evdns (asynchronous name resolution)
    PKG_CHECK_MODULES([LIBEVENT], [libevent_core >= 2.1 libevent_extra >= 2.1],
      [],
      [AC_MSG_ERROR([workerman needs libevent 2.1 (libevent_core, libevent_extra): install libevent-dev, or pass --with-libevent-dir=DIR])])
    PHP_EVAL_INCLINE([$LIBEVENT_CFLAGS])
    PHP_EVAL_LIBLINE([$LIBEVENT_LIBS], [WORKERMAN_SHARED_LIBADD])
  fi

  dnl OpenSSL: the ssl transport (src/net/wm_transport_tls.c)
  PKG_CHECK_MODULES([WM_OPENSSL], [openssl >= 1.1.1],
    [],
    [AC_MSG_ERROR([workerman needs OpenSSL >= 1.1.1 for the ssl transport: install libssl-dev])])
  PHP_EVAL_INCLINE([$WM_OPENSSL_CFLAGS])
  PHP_EVAL_LIBLINE([$WM_OPENSSL_LIBS], [WORKERMAN_SHARED_LIBADD])

  WM_CFLAGS="-std=gnu99 -D_GNU_SOURCE"
  if test "$PHP_WM_DEV" != "no"; then
    WM_CFLAGS="$WM_CFLAGS -Wall -Wextra -Werror"
  fi

  WM_SRC_UTIL="src/util/wm_core.c"
  WM_SRC_BUF="src/buf/wm_buf.c"
  WM_SRC_LOOP="src/loop/wm_loop.c"
  WM_SRC_NET="src/net/wm_addr.c src/net/wm_listen.c src/net/wm_conn.c src/net/wm_transport_plain.c src/net/wm_transport_tls.c src/net/wm_resolve.c src/net/wm_dgram.c"
  WM_SRC_PROTO="src/proto/wm_proto.c src/proto/wm_text.c src/proto/wm_http.c src/proto/wm_http_framer.c src/proto/wm_multipart.c src/proto/wm_static.c src/proto/wm_ws.c src/proto/wm_frame.c"
  WM_SRC_PROC="src/proc/wm_proc.c src/proc/wm_daemon.c src/proc/wm_fswatch.c src/proc/wm_report.c"
  WM_SRC_EXT="ext/wm_module.c ext/wm_globals.c ext/wm_callable.c ext/wm_bridge.c ext/wm_worker.c ext/wm_worker_run.c ext/wm_runall.c \
    ext/wm_tcp_connection.c ext/wm_async_tcp_connection.c ext/wm_conn_io.c ext/wm_conn_pipe.c ext/wm_udp_connection.c ext/wm_async_udp_connection.c ext/wm_timer.c ext/wm_event.c ext/wm_protocol.c ext/wm_proto_class.c ext/wm_proto_text.c ext/wm_autoload.c ext/wm_status.c ext/wm_autoreload.c \
    ext/wm_proto_http.c ext/wm_http_decode.c ext/wm_http_response.c ext/wm_http_session.c ext/wm_webserver.c ext/wm_webserver_static.c ext/wm_tls_context.c"

  PHP_NEW_EXTENSION([workerman],
    [$WM_SRC_UTIL $WM_SRC_BUF $WM_SRC_LOOP $WM_SRC_NET $WM_SRC_PROTO $WM_SRC_PROC $WM_SRC_EXT],
    [$ext_shared], , [$WM_CFLAGS])
  PHP_ADD_MAKEFILE_FRAGMENT
  PHP_ADD_BUILD_DIR([$ext_builddir/src/util])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/buf])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/loop])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/net])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/proto])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/proc])
  PHP_ADD_BUILD_DIR([$ext_builddir/ext])
  PHP_ADD_INCLUDE([$ext_srcdir])
  PHP_SUBST([WORKERMAN_SHARED_LIBADD])
fi
