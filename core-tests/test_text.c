/* wm_text: newline framing of the Text protocol. */
#include "wm_test.h"

#include "src/buf/wm_buf.h"
#include "src/proto/wm_text.h"

/* Call through an exact-size heap copy so ASan sees any read past len. */
static size_t input_exact(const char *s, size_t len)
{
	char *p = malloc(len ? len : 1);
	memcpy(p, s, len);
	size_t n = wm_text_input(p, len);
	free(p);
	return n;
}

static size_t decoded_exact(const char *s, size_t len)
{
	char *p = malloc(len ? len : 1);
	memcpy(p, s, len);
	size_t n = wm_text_decoded_len(p, len);
	free(p);
	return n;
}

TEST(text_input_no_packet)
{
	CHECK_EQ(input_exact("", 0), 0);
	CHECK_EQ(input_exact("abc", 3), 0);
	CHECK_EQ(input_exact("abc\r", 4), 0);
}

/* wm_conn_rdata() returns wm_buf_head() of an empty, never-allocated buffer, i.e. NULL,
 * with len 0; feeding that to wm_text_input() passes NULL to memchr(), which is undefined
 * behaviour (memchr's pointer is declared nonnull) and UBSan reports it. */
TEST(text_input_null_empty)
{
	const char *none = NULL;
	CHECK_EQ(wm_text_input(none, 0), 0);
	CHECK_EQ(wm_text_decoded_len(none, 0), 0);
}

TEST(text_input_complete)
{
	CHECK_EQ(input_exact("abc\n", 4), 4);
	CHECK_EQ(input_exact("\n", 1), 1);
	CHECK_EQ(input_exact("abc\r\n", 5), 5);
	/* Only the first packet counts. */
	CHECK_EQ(input_exact("a\nb\n", 4), 2);
	CHECK_EQ(input_exact("\n\n\n", 3), 1);
	CHECK_EQ(input_exact("abc\nde", 6), 4);
}

TEST(text_input_binary_with_nul)
{
	static const char bin[] = {'a', '\0', '\0', 'b', '\xff', '\n', 'z'};
	CHECK_EQ(input_exact(bin, sizeof(bin)), 6);
	static const char nul_only[] = {'\0', '\0', '\0'};
	CHECK_EQ(input_exact(nul_only, sizeof(nul_only)), 0);
	static const char nul_nl[] = {'\0', '\n'};
	CHECK_EQ(input_exact(nul_nl, sizeof(nul_nl)), 2);
}

TEST(text_input_respects_len)
{
	/* A newline beyond len must not be seen. */
	CHECK_EQ(wm_text_input("abc\n", 3), 0);
	CHECK_EQ(wm_text_input("a\nb\n", 1), 0);
	CHECK_EQ(wm_text_input("a\nb\n", 2), 2);
}

TEST(text_decoded_len)
{
	CHECK_EQ(decoded_exact("a\r\n", 3), 1);
	CHECK_EQ(decoded_exact("a\n\r\n", 4), 1);
	CHECK_EQ(decoded_exact("\r\n", 2), 0);
	CHECK_EQ(decoded_exact("a\rb\n", 4), 3);
	CHECK_EQ(decoded_exact("abc\n", 4), 3);
	CHECK_EQ(decoded_exact("\n", 1), 0);
	CHECK_EQ(decoded_exact("\r\r\r\n", 4), 0);
	CHECK_EQ(decoded_exact("abc", 3), 3);
	CHECK_EQ(decoded_exact("", 0), 0);
	CHECK_EQ(decoded_exact("\ra\n", 3), 2); /* leading \r stays */
	static const char bin[] = {'x', '\0', '\r', '\n'};
	CHECK_EQ(decoded_exact(bin, sizeof(bin)), 2); /* a NUL is not trimmed */
	CHECK_EQ(decoded_exact("a \n", 3), 2);       /* neither is a space */
}

/* Frame a stream delivered in pieces of every size, as a connection does. */
TEST(text_stream_framing_any_split)
{
	static const char stream[] = "hello\r\nworld\n\n\x00\x01\n\r\r\nlast-without-newline";
	const size_t slen = sizeof(stream) - 1;
	static const char *expect[] = {"hello", "world", "", "\x00\x01", ""};
	static const size_t expect_len[] = {5, 5, 0, 2, 0};
	for (size_t chunk = 1; chunk <= slen; chunk++) {
		wm_buf_t in = WM_BUF_INIT;
		size_t got = 0;
		int bad = 0;
		for (size_t pos = 0; pos < slen; pos += chunk) {
			size_t n = slen - pos < chunk ? slen - pos : chunk;
			wm_buf_append(&in, stream + pos, n);
			for (;;) {
				size_t plen = wm_text_input(wm_buf_head(&in), wm_buf_size(&in));
				if (plen == 0) {
					break;
				}
				size_t dlen = wm_text_decoded_len(wm_buf_head(&in), plen);
				if (got >= 5 || dlen != expect_len[got] ||
						memcmp(wm_buf_head(&in), expect[got], dlen) != 0) {
					bad++;
				}
				got++;
				wm_buf_consume(&in, plen);
			}
		}
		CHECK_MSG(!bad && got == 5, "chunk %zu: %zu packets, %d wrong", chunk, got, bad);
		CHECK_MEM_EQ(wm_buf_head(&in), wm_buf_size(&in), "last-without-newline", 20);
		wm_buf_free(&in);
	}
}
