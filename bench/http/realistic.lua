-- bench/http/realistic.lua - one browser-sized GET per round trip: a query
-- string with 5 parameters and about 600 bytes of headers, as a desktop Chrome
-- sends them (User-Agent, Accept, Accept-Language, Accept-Encoding, Referer,
-- 4 cookies including a PHP session id).
--
--   wrk -t1 -c100 -d5s -s bench/http/realistic.lua http://127.0.0.1:PORT/
--
-- The request is static (see pipeline.lua): built once, no Lua call per
-- request. bench/servers/http_realistic.php reads these fields.
-- With the argument "vary" (wrk ... URL -- vary) the page parameter counts up, so no two
-- request heads are alike (a Lua call per request: wrk gets slower, the server's CPU per
-- request stays comparable).

init = function(args)
   local host = wrk.headers["Host"]
   local vary = args[1] == "vary"
   local head = "GET /search?q=workerman+http&page="
   local rest = "&sort=desc&lang=en&ref=nav HTTP/1.1\r\n" ..
      "Host: " .. host .. "\r\n" ..
      "Connection: keep-alive\r\n" ..
      "Upgrade-Insecure-Requests: 1\r\n" ..
      "User-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36\r\n" ..
      "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7\r\n" ..
      "Referer: http://" .. host .. "/index.php?from=home\r\n" ..
      "Accept-Encoding: gzip, deflate, br\r\n" ..
      "Accept-Language: en-US,en;q=0.9,de;q=0.8\r\n" ..
      "Cookie: PHPSESSID=q4v8j2m1k9c0d7r5t3b6n8p2fs; _ga=GA1.1.1234567890.1700000000; theme=dark; cart_id=8f14e45fceea167a\r\n" ..
      "\r\n"
   if vary then
      local n = 0
      request = function()
         n = n + 1
         return head .. n .. rest
      end
   else
      local req = head .. "2" .. rest
      wrk.format = function() return req end
   end
end
