/* Switching a connection's protocol (wm_proto.h). */
#include "src/proto/wm_proto.h"
#include "src/wm_core.h"

#include <string.h>

void wm_proto_conn_clear(wm_proto_conn_t *pc)
{
	if (pc->ops && pc->ops->free) {
		pc->ops->free(pc);
	}
	wm_free(pc->state);
	pc->state = NULL;
	pc->ops = NULL;
	pc->arg = NULL;
	pc->package_len = 0;
}

void wm_proto_conn_set(wm_proto_conn_t *pc, const wm_proto_ops_t *ops, const void *arg)
{
	if (pc->ops == ops && pc->arg == arg) {
		return;
	}
	wm_proto_conn_clear(pc);
	pc->ops = ops;
	pc->arg = arg;
	if (ops && ops->state_size) {
		pc->state = wm_calloc(1, ops->state_size);
	}
	if (ops && ops->init) {
		ops->init(pc);
	}
}
