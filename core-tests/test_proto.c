/* The protocol seam (src/proto/wm_proto.h): the Text ops, and switching a connection's
 * protocol (state allocated, initialised and freed exactly once). */
#include "wm_test.h"

#include "src/proto/wm_proto.h"
#include "src/wm_core.h"

static const char *plain_bytes(wm_proto_payload_t *pl, size_t *len)
{
	*len = strlen(pl->value);
	return pl->value;
}

TEST(proto_text_frames_like_text_input)
{
	wm_proto_conn_t pc = {0};
	pc.max_package = 1 << 20;
	wm_proto_conn_set(&pc, &wm_proto_text, NULL);
	CHECK_PTR_EQ(pc.ops, &wm_proto_text);
	CHECK_EQ(pc.ops->input(&pc, "abc", 3), 0);
	CHECK_EQ(pc.ops->input(&pc, "abc\r\nnext", 9), 5);
	wm_proto_msg_t m = {NULL, 0, (void *)&pc};
	CHECK_EQ(pc.ops->decode(&pc, "abc\r\n", 5, &m), WM_PROTO_OK);
	CHECK(m.value == NULL); /* bytes, not an embedder value */
	CHECK_MEM_EQ(m.data, m.len, "abc", 3);
	wm_proto_conn_clear(&pc);
	CHECK(pc.ops == NULL);
}

static char logged[256];
static void capture_log(const char *msg, size_t len)
{
	snprintf(logged, sizeof(logged), "%.*s", (int)len, msg);
}

TEST(proto_text_buffer_at_max_package_closes)
{
	wm_proto_conn_t pc = {0};
	pc.max_package = 4;
	wm_proto_conn_set(&pc, &wm_proto_text, NULL);
	wm_set_log_sink(capture_log);
	logged[0] = 0;
	CHECK_EQ(pc.ops->input(&pc, "abc", 3), 0);
	CHECK_EQ(pc.ops->input(&pc, "abcd", 4), WM_PROTO_E_CLOSE);
	CHECK(strstr(logged, "maxPackageSize 4") != NULL);
	wm_set_log_sink(NULL);
	wm_proto_conn_clear(&pc);
}

TEST(proto_payload_bytes_given_or_converted)
{
	wm_proto_payload_t given = {NULL, "abc", 3, plain_bytes, NULL};
	size_t len;
	CHECK_MEM_EQ(wm_proto_payload_bytes(&given, &len), len, "abc", 3);
	wm_proto_payload_t conv = {(void *)"xyz!", NULL, 0, plain_bytes, NULL};
	CHECK_MEM_EQ(wm_proto_payload_bytes(&conv, &len), len, "xyz!", 4);
}

TEST(proto_text_encode_appends_newline)
{
	wm_proto_conn_t pc = {0};
	wm_proto_conn_set(&pc, &wm_proto_text, NULL);
	wm_proto_payload_t pl = {(void *)"hello", NULL, 0, plain_bytes, NULL};
	wm_proto_out_t out = {0};
	CHECK_EQ(pc.ops->encode(&pc, &pl, &out), WM_PROTO_OK);
	REQUIRE_EQ(out.iovcnt, 2);
	CHECK_MEM_EQ(out.iov[0].iov_base, out.iov[0].iov_len, "hello", 5);
	CHECK_MEM_EQ(out.iov[1].iov_base, out.iov[1].iov_len, "\n", 1);
	CHECK(!out.close_after);
	wm_proto_conn_clear(&pc);
}

/* A stateful protocol, to watch the state's life. */
typedef struct { int inits; int frees; const void *arg; } counting_state_t;
static int total_frees;
static void counting_init(wm_proto_conn_t *pc)
{
	counting_state_t *st = pc->state;
	CHECK_EQ(st->inits, 0); /* zeroed before init */
	st->inits++;
	st->arg = pc->arg;
}
static void counting_free(wm_proto_conn_t *pc)
{
	counting_state_t *st = pc->state;
	st->frees++;
	total_frees++;
}
static const wm_proto_ops_t counting_ops = {
	.name = "counting",
	.state_size = sizeof(counting_state_t),
	.init = counting_init,
	.free = counting_free,
};

TEST(proto_conn_set_switches_state_once)
{
	wm_proto_conn_t pc = {0};
	static const int a = 1, b = 2;
	total_frees = 0;
	wm_proto_conn_set(&pc, &counting_ops, &a);
	REQUIRE(pc.state != NULL);
	counting_state_t *st = pc.state;
	CHECK_EQ(st->inits, 1);
	CHECK_PTR_EQ(st->arg, &a);
	pc.package_len = 7;
	/* Same ops and arg: nothing happens (the hot path re-sets it freely). */
	wm_proto_conn_set(&pc, &counting_ops, &a);
	CHECK_PTR_EQ(pc.state, st);
	CHECK_EQ(total_frees, 0);
	CHECK_EQ(pc.package_len, 7);
	/* Another arg: a fresh state, the old one freed, framing state reset. */
	wm_proto_conn_set(&pc, &counting_ops, &b);
	CHECK_EQ(total_frees, 1);
	CHECK_EQ(pc.package_len, 0);
	CHECK_PTR_EQ(((counting_state_t *)pc.state)->arg, &b);
	/* To Text (stateless), then raw. */
	wm_proto_conn_set(&pc, &wm_proto_text, NULL);
	CHECK_EQ(total_frees, 2);
	CHECK(pc.state == NULL);
	wm_proto_conn_set(&pc, NULL, NULL);
	CHECK(pc.ops == NULL);
	wm_proto_conn_clear(&pc); /* idempotent */
	CHECK_EQ(total_frees, 2);
}
