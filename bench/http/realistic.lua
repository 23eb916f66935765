-- bench/http/realistic.lua - one browser-sized GET per round trip: a query
-- string with 5 parameters and about 600 bytes of headers, as a desktop Chrome
-- sends them (User-Agent, Accept, Accept-Language, Accept-Encoding, Referer,
-- 4 cookies including a PHP session id).
--
--   wrk -t1 -c100 -d5s -s bench/http/realistic.lua http://127.0.0.1:PORT/
--
-- The request is static (see pipeline.lua): built once, no Lua call per
-- request. bench/servers/http_realistic.php reads these fields.

init = function(args)
   local host = wrk.headers["Host"]
   local req = "GET /search?q=workerman+http&page=2&sort=desc&lang=en&ref=nav HTTP/1.1\r\n" ..
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
   wrk.format = function() return req end
end
