-- expect: ok
-- class: 10 terminal escape sequences are neutralised on the way out
-- stdout: \x1b[2J\x1b]52;c;cHduZWQ=\x07 \x9b \xc2\x9b \xe2\x80\xae ok\x0d
print("\27[2J\27]52;c;cHduZWQ=\7", "\155", "\194\155", "\226\128\174", "ok\r")
