-- bench/http/pipeline.lua - TechEmpower "plaintext" shape: 16 pipelined GET
-- requests sent with one write per connection; the next batch goes out once
-- all 16 responses have arrived.
--
--   wrk -t1 -c100 -d5s -s bench/http/pipeline.lua http://127.0.0.1:PORT/ [-- DEPTH]
--
-- The request is static: wrk.init() calls wrk.format() once per thread, after
-- init(), so replacing wrk.format here gives wrk the exact bytes below without
-- a Lua call per request. wrk parses the string at start-up and counts the
-- requests in it (16), so it expects - and counts - 16 responses per batch:
-- "N requests" and Requests/sec are responses, not batches.

local depth = 16

init = function(args)
   depth = tonumber(args[1]) or depth
   local one = "GET /plaintext HTTP/1.1\r\n" ..
               "Host: " .. wrk.headers["Host"] .. "\r\n" ..
               "Accept: text/plain,text/html;q=0.9,application/xhtml+xml;q=0.9,application/xml;q=0.8,*/*;q=0.7\r\n" ..
               "Connection: keep-alive\r\n" ..
               "\r\n"
   local req = string.rep(one, depth)
   wrk.format = function() return req end
end
