-- expect: ok
-- control: table.sort with a comparator, table functions
-- stdout: 9 7 5 3 1 | 1 2 3 | a,b,c
local t = {5, 1, 9, 3, 7}
table.sort(t, function(a, b) return a > b end)
local u = table.move({1, 2, 3}, 1, 3, 1, {})
local s = {"c", "a", "b"}
table.sort(s)
print(table.concat(t, " "), "|", table.concat(u, " "), "|", table.concat(s, ","))
